"""Writes to the signing roll-out app."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert
from webcert_forum.core.sync import Row, sync_meeting_rows

from .models import ProductionStatus, SigningTest, VendorGroup, VendorGroupMembership

Source = VendorGroupMembership.Source


class ReferenceListError(ValueError):
    """A reference list names something that does not exist; nothing is loaded."""


def load_vendor_groups(path):
    created = updated = 0
    for row in read_rows(path):
        values = {
            "name": row["name"].strip(),
            "aliases": split_aliases(row.get("aliases")),
        }
        _, was_created, was_updated = upsert(VendorGroup, {"key": row["key"]}, values)
        created += was_created
        updated += was_updated
    return created, updated


# What vendor_group_members.csv writes for an organisation that uses no vendor group.
OWN_INTEGRATION_KEY = "none"


def load_vendor_group_members(path, organisations):
    """Each organisation's vendor group as Inera states it (vendor_group_members.csv:
    organisation,vendor_group; an organisation in two groups takes two lines, one that uses
    no group (its own integration) has `none`).

    The list is the whole of what it says: a membership it no longer lists is removed (only
    those it made; the admin's stay), and an organisation it places loses the minutes'
    guesses. As in the admin, a group and "none" contradict each other: the list's word
    replaces the other. A line naming an unknown organisation or group, or `none` beside a
    group for the same organisation, raises ReferenceListError before anything is written. A
    missing file says nothing and changes nothing. Returns (created, updated), a removal
    counted as updated."""
    if not path.exists():
        return 0, 0
    groups = {g.key: g for g in VendorGroup.objects.all()}
    wanted, line_of = {}, {}
    for line, row in enumerate(read_rows(path), start=2):
        org_key = (row.get("organisation") or "").strip()
        group_key = (row.get("vendor_group") or "").strip()
        if org_key not in organisations:
            raise ReferenceListError(
                f"{path.name}, rad {line}: organisationen {org_key!r} finns inte i "
                "organisations.csv. Inget lästes in."
            )
        if group_key.lower() == OWN_INTEGRATION_KEY:
            group_id = None
        elif group_key in groups:
            group_id = groups[group_key].pk
        else:
            raise ReferenceListError(
                f"{path.name}, rad {line}: leverantörsgruppen {group_key!r} finns inte i "
                f"vendor_groups.csv (kända: {', '.join(sorted(groups))}; "
                f"{OWN_INTEGRATION_KEY} för ingen grupp). Inget lästes in."
            )
        org_id = organisations[org_key].pk
        earlier = line_of.get(org_id)
        if earlier and (group_id is None) != (earlier[1] is None):
            raise ReferenceListError(
                f"{path.name}, rad {line}: {org_key!r} står både utan leverantörsgrupp "
                f"({OWN_INTEGRATION_KEY}) och i en grupp (rad {earlier[0]}). Inget lästes in."
            )
        line_of[org_id] = (line, group_id)
        wanted[(group_id, org_id)] = True
    created = updated = 0
    for membership in VendorGroupMembership.objects.filter(source=Source.REFERENCE):
        if (membership.vendor_group_id, membership.organisation_id) not in wanted:
            membership.delete()
            updated += 1
    for group_id, org_id in wanted:
        membership, was_created = VendorGroupMembership.objects.get_or_create(
            vendor_group_id=group_id,
            organisation_id=org_id,
            defaults={"source": Source.REFERENCE},
        )
        created += was_created
        if not was_created and membership.source != Source.REFERENCE:
            membership.source, membership.meeting = Source.REFERENCE, None
            membership.save(update_fields=["source", "meeting"])
            updated += 1
    placed = {org_id for _, org_id in wanted}
    in_none = {org_id for group_id, org_id in wanted if group_id is None}
    updated += drop_minutes_guesses(placed)
    # The list's word replaces a contradicting one from the admin: a group ends an older
    # "uses none", and "none" takes the organisation out of every group.
    updated += VendorGroupMembership.objects.filter(
        organisation_id__in=placed - in_none, vendor_group__isnull=True
    ).delete()[0]
    updated += VendorGroupMembership.objects.filter(
        organisation_id__in=in_none, vendor_group__isnull=False
    ).delete()[0]
    return created, updated


def drop_minutes_guesses(organisation_ids):
    """Inera has placed these organisations: the minutes' guesses about them go. Returns how
    many went."""
    deleted, _ = VendorGroupMembership.objects.filter(
        organisation_id__in=organisation_ids, source=Source.MINUTES
    ).delete()
    return deleted


def save_signing_tests(meeting, entries, summary, orgs):
    groups = {g.key: g for g in VendorGroup.objects.all()}
    rows = []
    for e in entries:
        group = groups[e["vendor_group"]]
        values = {
            "tested_by_id": orgs[e["tested_by"]].pk if e.get("tested_by") else None,
            "plan": e.get("plan") or "",
        }
        rows.append(Row(group.pk, values, f"Samverkanstest {group}"))
    sync_meeting_rows(
        summary,
        SigningTest,
        meeting,
        "vendor_group_id",
        rows,
        describe=str,
        describe_old=lambda test: str(test.tested_by or test.plan or "–"),
    )
    _members_from_tests(meeting)


def _members_from_tests(meeting):
    """The minutes name the organisation that tested for a group ("Cosmic – Värmland"): that
    organisation probably uses the group's system, so it joins the group as the minutes'
    guess, unless Inera has placed it in a group (reference list or admin; they know better
    than a slide). Saving the meeting again takes back the guesses its minutes no longer
    make."""
    placed_by_inera = set(
        VendorGroupMembership.objects.exclude(source=Source.MINUTES).values_list(
            "organisation_id", flat=True
        )
    )
    wanted = {
        (t.vendor_group_id, t.tested_by_id)
        for t in SigningTest.objects.filter(meeting=meeting, tested_by__isnull=False)
        if t.tested_by_id not in placed_by_inera
    }
    for guess in VendorGroupMembership.objects.filter(source=Source.MINUTES, meeting=meeting):
        if (guess.vendor_group_id, guess.organisation_id) not in wanted:
            guess.delete()
    for group_id, org_id in wanted:
        VendorGroupMembership.objects.get_or_create(
            vendor_group_id=group_id,
            organisation_id=org_id,
            defaults={"source": Source.MINUTES, "meeting": meeting},
        )


def place_by_admin(membership):
    """Staff put an organisation in a group in the admin, or in none (its own integration):
    their word, which ends the minutes' guesses about that organisation. The one contradicts
    the other, so the newer replaces the older: "none" takes the organisation out of every
    group, and a group ends its "none"."""
    with transaction.atomic():
        membership.source, membership.meeting = Source.ADMIN, None
        others = VendorGroupMembership.objects.filter(organisation_id=membership.organisation_id)
        if membership.pk:
            others = others.exclude(pk=membership.pk)
        if membership.own_integration:
            others.delete()
        else:
            others.filter(vendor_group__isnull=True).delete()
        membership.save()
        drop_minutes_guesses([membership.organisation_id])


def save_production_statuses(meeting, entries, summary, orgs):
    """The minutes' production table for this meeting; a status a region reported in the app
    is kept, and a difference from it is listed as a conflict instead."""
    model = "signing_rollout.ProductionStatus"
    reported, rows = {}, []
    for s in ProductionStatus.objects.filter(source=ProductionStatus.Source.FORM).order_by(
        "reported_at"
    ):
        reported[s.organisation_id] = s
    for e in entries:
        org = orgs[e["org"]]
        values = {
            "status": e["status"],
            "date": dt.date.fromisoformat(e["date"]) if e.get("date") else None,
            "preliminary": bool(e.get("preliminary")),
        }
        form_report = reported.get(org.pk)
        if form_report and (form_report.status, form_report.date) != (
            values["status"],
            values["date"],
        ):
            # Which one the site shows follows signing_rollout.queries.current_statuses: the
            # newer of the report's day and the meeting's date.
            reported_on = timezone.localdate(form_report.reported_at)
            newer = "Appens" if reported_on >= meeting.date else "Protokollets"
            summary.conflict(
                model,
                f"{org}: rapporterat i appen som {form_report.display_text} "
                f"({reported_on:%Y-%m-%d}), protokollet säger "
                f"{ProductionStatus(**values).display_text}. {newer} uppgift gäller.",
            )
        rows.append(
            Row(
                org.pk,
                values,
                f"Produktionsstatus {org}",
                new=ProductionStatus(**values).display_text,
            )
        )
    sync_meeting_rows(
        summary,
        ProductionStatus,
        meeting,
        "organisation_id",
        rows,
        create_with={"source": ProductionStatus.Source.MINUTES},
        describe=lambda status: status.display_text,
    )


def report_production_status(organisation, user, *, status, date=None, preliminary=False):
    """A region's own report of its production date: kept beside the minutes' snapshots and
    never overwritten by an import (save_production_statuses lists a difference instead)."""
    with transaction.atomic():
        return ProductionStatus.objects.create(
            organisation=organisation,
            meeting=None,
            status=status,
            date=date if status != ProductionStatus.Status.NOT_REPORTED else None,
            preliminary=bool(preliminary) and status == ProductionStatus.Status.PLANNED,
            source=ProductionStatus.Source.FORM,
            reported_by=user,
        )

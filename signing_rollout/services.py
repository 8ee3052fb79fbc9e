"""Writes to the signing roll-out app."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert
from webcert_forum.core.sync import Row, sync_meeting_rows

from .models import ProductionStatus, SigningTest, VendorGroup


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
    organisation uses the group's system. It joins the group unless staff have already put
    it in one (they know better than a slide)."""
    for test in SigningTest.objects.filter(meeting=meeting, tested_by__isnull=False):
        organisation = test.tested_by
        if not organisation.vendor_groups.exists():
            test.vendor_group.members.add(organisation)


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

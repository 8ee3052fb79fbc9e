"""Writes to the signing roll-out app."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert

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
    model = "signing_rollout.SigningTest"
    groups = {g.key: g for g in VendorGroup.objects.all()}
    existing = {t.vendor_group_id: t for t in SigningTest.objects.filter(meeting=meeting)}
    for e in entries:
        group = groups[e["vendor_group"]]
        values = {
            "tested_by": orgs[e["tested_by"]] if e.get("tested_by") else None,
            "plan": e.get("plan") or "",
        }
        current = existing.get(group.pk)
        if current is None:
            SigningTest.objects.create(meeting=meeting, vendor_group=group, **values)
            summary.created(model, f"Samverkanstest {group}")
        elif current.tested_by_id != getattr(values["tested_by"], "pk", None) or (
            current.plan != values["plan"]
        ):
            old = str(current.tested_by or current.plan or "–")
            current.tested_by, current.plan = values["tested_by"], values["plan"]
            current.save()
            summary.updated(model, f"Samverkanstest {group}", old=old, new=str(current))
        else:
            summary.unchanged(model)


def save_production_statuses(meeting, entries, summary, orgs):
    """The minutes' production table for this meeting; a status a region reported in the app
    is kept, and a difference from it is listed as a conflict instead."""
    model = "signing_rollout.ProductionStatus"
    existing = {s.organisation_id: s for s in ProductionStatus.objects.filter(meeting=meeting)}
    reported = {}
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
                f"{org}: rapporterat i appen som {describe(form_report)} "
                f"({reported_on:%Y-%m-%d}), protokollet säger "
                f"{describe(ProductionStatus(**values))}. {newer} uppgift gäller.",
            )
        current = existing.get(org.pk)
        if current is None:
            ProductionStatus.objects.create(
                meeting=meeting,
                organisation=org,
                source=ProductionStatus.Source.MINUTES,
                **values,
            )
            summary.created(
                model, f"Produktionsstatus {org}", new=describe(ProductionStatus(**values))
            )
        elif any(getattr(current, k) != v for k, v in values.items()):
            old = describe(current)
            for k, v in values.items():
                setattr(current, k, v)
            current.save()
            summary.updated(model, f"Produktionsstatus {org}", old=old, new=describe(current))
        else:
            summary.unchanged(model)


def describe(status):
    text = status.get_status_display()
    if status.date:
        text += f" {status.date:%Y-%m-%d}"
    if status.preliminary:
        text += " (prel.)"
    return text


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

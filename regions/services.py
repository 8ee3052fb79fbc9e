"""Writes to the regions app: the reference list, and the minutes' parts it owns."""

import csv
import datetime as dt

from .models import ConnectionDate, Organisation, OrganisationAlias, ServiceWindow, fold_label


def split_aliases(text):
    return [a.strip() for a in (text or "").split("|") if a.strip()]


def load_organisations(path):
    """Create or update the organisations of organisations.csv; returns (created, updated)."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    created = updated = 0
    by_key = {}
    for row in rows:
        values = {
            "name": row["name"].strip(),
            "kind": row["kind"].strip(),
            "county_code": row["county_code"].strip(),
        }
        org, was_created = Organisation.objects.get_or_create(key=row["key"], defaults=values)
        if was_created:
            created += 1
        elif any(getattr(org, k) != v for k, v in values.items()):
            Organisation.objects.filter(pk=org.pk).update(**values)
            updated += 1
        by_key[org.key] = org
        for alias in split_aliases(row.get("aliases")):
            existing = OrganisationAlias.objects.filter(alias__iexact=alias).first()
            if existing is None:
                OrganisationAlias.objects.create(organisation=org, alias=alias)
            elif existing.organisation_id != org.pk:
                existing.organisation = org
                existing.save(update_fields=["organisation"])
    # Group members need every organisation to exist first.
    for row in rows:
        members = [by_key[k] for k in split_aliases(row.get("members")) if k in by_key]
        group = by_key[row["key"]]
        if set(group.members.values_list("pk", flat=True)) != {m.pk for m in members}:
            group.members.set(members)
    return created, updated


def organisations_by_key():
    return {org.key: org for org in Organisation.objects.all()}


def add_alias(organisation, label):
    """Remember how a deck wrote an organisation, so the next import resolves it."""
    label = " ".join(label.split())
    existing = OrganisationAlias.objects.filter(alias__iexact=label).first()
    if existing:
        return existing
    return OrganisationAlias.objects.create(organisation=organisation, alias=label)


def parse_iso(value):
    return dt.date.fromisoformat(value) if value else None


def save_connection_dates(meeting, entries, summary, orgs):
    """The DB/DOI table as this meeting states it; a re-import of the same deck changes nothing."""
    model = "regions.ConnectionDate"
    existing = {
        (c.organisation_id, c.date): c for c in ConnectionDate.objects.filter(meeting=meeting)
    }
    seen = set()
    for entry in entries:
        org = orgs[entry["org"]]
        for text in entry["dates"]:
            month_only = len(text) == 7
            date = dt.date.fromisoformat(f"{text}-01" if month_only else text)
            key = (org.pk, date)
            seen.add(key)
            values = {"month_only": month_only, "preliminary": bool(entry.get("preliminary"))}
            current = existing.get(key)
            if current is None:
                ConnectionDate.objects.create(
                    meeting=meeting, organisation=org, date=date, **values
                )
                summary.created(model, f"Anslutningsdatum {org}: {text}", new=text)
            elif any(getattr(current, k) != v for k, v in values.items()):
                old = current.display_date
                for k, v in values.items():
                    setattr(current, k, v)
                current.save()
                summary.updated(model, f"Anslutningsdatum {org}", old=old, new=current.display_date)
            else:
                summary.unchanged(model)
    for key, gone in existing.items():
        if key not in seen:
            gone.delete()
            summary.deleted(model, f"Anslutningsdatum {gone.organisation}", old=gone.display_date)


def save_service_windows(meeting, entries, summary, orgs):
    """Create the windows the minutes list; never overwrite or delete one a region edited."""
    model = "regions.ServiceWindow"
    windows = list(ServiceWindow.objects.select_related("organisation"))
    by_minutes_dates = {
        (w.organisation_id, w.minutes_start_date, w.minutes_end_date): w
        for w in windows
        if w.minutes_start_date
    }
    by_dates = {(w.organisation_id, w.start_date, w.end_date): w for w in windows}
    for entry in entries:
        org = orgs[entry["org"]]
        start, end = parse_iso(entry["start"]), parse_iso(entry["end"])
        label = f"Servicefönster {org}: {start}" + (f" – {end}" if end != start else "")
        imported = by_minutes_dates.get((org.pk, start, end))
        if imported is not None:
            if (imported.start_date, imported.end_date) != (start, end):
                summary.conflict(
                    model,
                    f"{label} är ändrat i appen till {imported.start_date} – {imported.end_date} "
                    "och skrivs inte över.",
                )
            summary.unchanged(model)
            continue
        if (org.pk, start, end) in by_dates:
            summary.unchanged(model)
            continue
        window = ServiceWindow.objects.create(
            organisation=org,
            start_date=start,
            end_date=end,
            start_time=_time(entry.get("start_time")),
            end_time=_time(entry.get("end_time")),
            note=entry.get("note", "")[:500],
            source=ServiceWindow.Source.MINUTES,
            minutes_start_date=start,
            minutes_end_date=end,
            imported_from=meeting,
        )
        by_dates[(org.pk, start, end)] = window
        summary.created(model, label)


def _time(value):
    return dt.time.fromisoformat(value) if value else None


__all__ = [
    "add_alias",
    "fold_label",
    "load_organisations",
    "organisations_by_key",
    "save_connection_dates",
    "save_service_windows",
]

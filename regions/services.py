"""Writes to the regions app: the reference list, and the minutes' parts it owns."""

import datetime as dt

from django.db import transaction

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert
from webcert_forum.core.sync import Row, sync_meeting_rows

from .models import ConnectionDate, Organisation, OrganisationAlias, ServiceWindow


def load_organisations(path):
    """Create or update the organisations of organisations.csv; returns (created, updated)."""
    rows = read_rows(path)
    created = updated = 0
    by_key = {}
    for row in rows:
        values = {
            "name": row["name"].strip(),
            "kind": row["kind"].strip(),
            "county_code": row["county_code"].strip(),
        }
        org, was_created, was_updated = upsert(Organisation, {"key": row["key"]}, values)
        created += was_created
        updated += was_updated
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
    rows = []
    for entry in entries:
        org = orgs[entry["org"]]
        for text in entry["dates"]:
            month_only = len(text) == 7
            date = dt.date.fromisoformat(f"{text}-01" if month_only else text)
            values = {"month_only": month_only, "preliminary": bool(entry.get("preliminary"))}
            label = f"Anslutningsdatum {org}"
            rows.append(Row((org.pk, date), values, label, new=text))
    sync_meeting_rows(
        summary,
        ConnectionDate,
        meeting,
        ("organisation_id", "date"),
        rows,
        describe=lambda c: c.display_date,
        deleted=lambda c: f"Anslutningsdatum {c.organisation}",
        describe_gone=lambda c: c.display_date,
    )


def save_service_windows(meeting, entries, summary, orgs):
    """Create the windows the minutes list; never overwrite or delete one a region edited.

    A window is recognised by the dates the minutes printed (minutes_start_date/end_date), so
    it is found again after a region moved it. A window nobody edited follows the deck; one a
    region edited or deleted keeps the region's version and is listed as a conflict.
    """
    model = "regions.ServiceWindow"
    # Two imports at once (two meetings listing the same window) take turns here: the
    # second waits for the first to commit, then reads its windows instead of adding them
    # again. Locked in key order, so two imports never wait for each other.
    involved = sorted({orgs[entry["org"]].pk for entry in entries})
    list(Organisation.objects.select_for_update().filter(pk__in=involved).order_by("pk"))
    windows = list(ServiceWindow.objects.select_related("organisation"))
    by_minutes_dates = {
        (w.organisation_id, w.minutes_start_date, w.minutes_end_date): w
        for w in windows
        if w.minutes_start_date
    }
    by_dates = {(w.organisation_id, w.start_date, w.end_date): w for w in windows}
    deleted_in_app = _imported_windows_deleted_by_a_user()
    for entry in entries:
        org = orgs[entry["org"]]
        start, end = parse_iso(entry["start"]), parse_iso(entry["end"])
        key = (org.pk, start, end)
        label = f"Servicefönster {org}: {start}" + (f" – {end}" if end != start else "")
        values = {
            "start_date": start,
            "end_date": end,
            "start_time": _time(entry.get("start_time")),
            "end_time": _time(entry.get("end_time")),
            "note": entry.get("note", "")[:500],
        }
        imported = by_minutes_dates.get(key)
        if imported is not None:
            _reconcile(imported, values, label, summary, model)
            continue
        if key in by_dates:
            summary.unchanged(model)
            continue
        if key in deleted_in_app:
            summary.conflict(model, f"{label} är borttaget i appen och återskapas inte.")
            summary.unchanged(model)
            continue
        window = ServiceWindow.objects.create(
            organisation=org,
            source=ServiceWindow.Source.MINUTES,
            minutes_start_date=start,
            minutes_end_date=end,
            imported_from=meeting,
            **values,
        )
        by_dates[key] = window
        summary.created(model, label)


def _reconcile(window, values, label, summary, model):
    differs = {name: v for name, v in values.items() if getattr(window, name) != v}
    if not differs:
        summary.unchanged(model)
    elif window.edited_in_app:
        summary.conflict(
            model,
            f"{label} är ändrat i appen (nu {_describe(window)}) och skrivs inte över.",
        )
        summary.unchanged(model)
    else:
        old = _describe(window)
        for name, value in differs.items():
            setattr(window, name, value)
        window.save()
        summary.updated(model, label, old=old, new=_describe(window))


def _imported_windows_deleted_by_a_user():
    """Windows from minutes that someone deleted in the app, so that a re-import of the same
    deck does not bring them back."""
    rows = ServiceWindow.history.filter(
        history_type="-", minutes_start_date__isnull=False, history_user__isnull=False
    ).values_list("organisation_id", "minutes_start_date", "minutes_end_date")
    return set(rows)


def _describe(window):
    text = window.when
    if window.note:
        text += f", {window.note}"
    return text


def _time(value):
    return dt.time.fromisoformat(value) if value else None


@transaction.atomic
def create_service_window(values, user):
    """A window entered in the app; the history records who created it."""
    window = ServiceWindow(**values, source=ServiceWindow.Source.FORM, changed_by=user)
    window._history_user = user
    window.save()
    return window


class EditConflict(Exception):
    """The window changed after the form was opened; ``current`` is how it is now."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"service window {current.pk} changed meanwhile")


def window_version(window):
    """What the edit form carries to tell a later change: every save (form, import) moves
    changed_at."""
    return window.changed_at.isoformat()


@transaction.atomic
def update_service_window(window, values, user, version=None):
    """Setting changed_by marks the window as edited: imports leave it alone from now on.
    With the ``version`` the form was opened at, a change made since raises EditConflict
    instead of being overwritten; the row lock makes two saves at once take turns."""
    current = ServiceWindow.objects.select_for_update().get(pk=window.pk)
    if version and version != window_version(current):
        raise EditConflict(current)
    for name, value in values.items():
        setattr(current, name, value)
    current.changed_by = user
    current._history_user = user
    current.save()
    return current


@transaction.atomic
def delete_service_window(window, user):
    window.changed_by = user
    window._history_user = user
    window.delete()

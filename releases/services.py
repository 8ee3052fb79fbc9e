"""Writes to the releases app from a minutes document."""

import datetime as dt

from webcert_forum.core.sync import Row, sync_meeting_rows

from .models import Incident, Release, ReleaseAnnouncement, TimelineEntry


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _month(value):
    """'2022-06' -> 2022-06-01; a year alone ('Vår 2023' is read as '2023') -> 1 January."""
    if not value:
        return None
    year, _, month = value[:7].partition("-")
    return dt.date(int(year), int(month or 1), 1)


def save_release(meeting, entry, summary, orgs=None):
    """The release this meeting announces; the Release itself follows the latest meeting."""
    if not entry or not entry.get("version"):
        return
    values = {
        "date": _date(entry.get("date")),
        "user_impact": entry.get("user_impact"),
        "items": list(entry.get("items") or []),
        "release_notes_date": _date(entry.get("release_notes_date")),
    }
    release, created = Release.objects.get_or_create(
        version=entry["version"], defaults={"name": entry.get("name") or "", **values}
    )
    if created:
        summary.created("releases.Release", f"Release {release}")
    else:
        later = release.announcements.filter(meeting__date__gt=meeting.date).exists()
        changed = {
            k: v
            for k, v in {"name": entry.get("name") or "", **values}.items()
            if getattr(release, k) != v
        }
        if changed and not later:
            old = {k: _plain(getattr(release, k)) for k in changed}
            for k, v in changed.items():
                setattr(release, k, v)
            release.save()
            summary.updated(
                "releases.Release",
                f"Release {release}: " + ", ".join(_field_name(k) for k in changed),
                old=_shown(old),
                new=_shown({k: _plain(v) for k, v in changed.items()}),
            )
        else:
            summary.unchanged("releases.Release")
    announcement = ReleaseAnnouncement.objects.filter(meeting=meeting, release=release).first()
    if announcement is None:
        ReleaseAnnouncement.objects.create(meeting=meeting, release=release, **values)
        summary.created("releases.ReleaseAnnouncement", f"Releasebesked {release}")
    elif any(getattr(announcement, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(announcement, k, v)
        announcement.save()
        summary.updated("releases.ReleaseAnnouncement", f"Releasebesked {release}")
    else:
        summary.unchanged("releases.ReleaseAnnouncement")


def _field_name(name):
    return str(Release._meta.get_field(name).verbose_name)


def _shown(values):
    """ "datum 2022-06-14, release notes 2022-06-07": field names as users know them."""
    shown = []
    for name, value in values.items():
        if isinstance(value, bool):
            value = "ja" if value else "nej"
        elif isinstance(value, list):
            value = "; ".join(map(str, value))
        shown.append(f"{_field_name(name)} {'–' if value in (None, '') else value}")
    return ", ".join(shown)


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def save_incidents(meeting, entries, summary, orgs=None):
    rows = []
    for e in entries:
        values = {"count": int(e.get("count") or 0), "description": e.get("description") or ""}
        label = f"Incidenter {e['month']}"
        rows.append(Row(_month(e["month"]), values, f"{label}: {values['count']}", label))
    sync_meeting_rows(
        summary,
        Incident,
        meeting,
        "month",
        rows,
        deleted=lambda gone: f"Incidenter {gone.month:%Y-%m}",
    )


def save_timeline(meeting, entries, summary, orgs=None):
    rows = []
    for position, e in enumerate(entries, start=1):
        values = {"when": _month(e["when"]), "label": e.get("label") or "", "text": e["text"]}
        rows.append(Row(position, values, f"Aviserad förändring {values['label']}"))
    sync_meeting_rows(
        summary,
        TimelineEntry,
        meeting,
        "position",
        rows,
        deleted=lambda gone: f"Aviserad förändring {gone.label}",
    )

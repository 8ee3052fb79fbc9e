"""Reads of the releases app."""

from .models import Incident, TimelineEntry


def latest_timeline():
    """The announced changes as the latest meeting that listed them states them."""
    latest = TimelineEntry.objects.order_by("-meeting__date").values_list("meeting", flat=True)
    meeting_id = latest.first()
    return list(TimelineEntry.objects.filter(meeting_id=meeting_id).order_by("when", "position"))


def latest_incidents():
    """One row a month: the latest meeting's word on that month wins."""
    by_month = {}
    for incident in Incident.objects.select_related("meeting").order_by("meeting__date"):
        by_month[incident.month] = incident
    return [by_month[m] for m in sorted(by_month, reverse=True)]


def announcement_history(release):
    """What each meeting said about the release, each with `date_moved_from` set when its
    date differs from the previous meeting's."""
    announcements = list(release.announcements.select_related("meeting").order_by("meeting__date"))
    previous = None
    for a in announcements:
        a.date_moved_from = previous.date if previous and previous.date != a.date else None
        previous = a
    return announcements


def date_changes(release):
    """Every recorded change of the release's date (django-simple-history), oldest first:
    [(when, old date, new date, by whom)]."""
    records = list(release.history.select_related("history_user").order_by("history_date"))
    changes = []
    for older, newer in zip(records, records[1:], strict=False):
        if older.date != newer.date:
            changes.append((newer.history_date, older.date, newer.date, newer.history_user))
    return changes

"""What a meeting changed in the release section, for "changes since the previous meeting"."""

from webcert_forum.core.changes import compare

from .models import ReleaseAnnouncement


def _announcement_text(a):
    parts = [f"datum {a.date:%Y-%m-%d}" if a.date else "datum ej angivet"]
    if a.user_impact is not None:
        parts.append("med användarpåverkan" if a.user_impact else "utan användarpåverkan")
    if a.release_notes_date:
        parts.append(f"release notes {a.release_notes_date:%Y-%m-%d}")
    return ", ".join(parts)


def _announcements(meeting):
    return ReleaseAnnouncement.objects.filter(meeting=meeting).select_related("release")


def release_snapshot(meeting):
    return {str(a.release): _announcement_text(a) for a in _announcements(meeting)}


def release_changes(previous, meeting):
    announced = {str(a.release): a for a in _announcements(previous)}

    def gone(label):
        # A release last announced for a day the new meeting has passed was delivered.
        release = announced[label].release
        day = release.date or announced[label].date
        if day and day <= meeting.date:
            return f"genomförd {day:%Y-%m-%d}"
        return None

    return compare(
        "Release",
        {k: _announcement_text(a) for k, a in announced.items()},
        release_snapshot(meeting),
        gone,
    )

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


def release_snapshot(meeting):
    announcements = ReleaseAnnouncement.objects.filter(meeting=meeting).select_related("release")
    return {str(a.release): _announcement_text(a) for a in announcements}


def release_changes(previous, meeting):
    return compare("Release", release_snapshot(previous), release_snapshot(meeting))

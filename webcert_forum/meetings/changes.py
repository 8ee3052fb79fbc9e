"""What changed from one meeting to the next: every part of the minutes that declares its
changes (``MinutesPart.changes``) reads them from the per-meeting snapshots."""

from django.utils.module_loading import import_string

from webcert_forum.core.changes import compare
from webcert_forum.importer.parts import registered

from .models import Attendance


def _yes_no(value):
    return "närvarande" if value else "frånvarande"


def attendance_snapshot(meeting):
    rows = Attendance.objects.filter(meeting=meeting).values_list("organisation__name", "present")
    return {name: _yes_no(present) for name, present in rows}


def attendance_changes(previous, meeting):
    return compare("Närvaro", attendance_snapshot(previous), attendance_snapshot(meeting))


def since_previous(meeting):
    """changes_since_previous as plain data, kept with an import's summary."""
    changes = changes_since_previous(meeting)
    if changes is None:
        return None
    return {
        "previous": changes["previous"].date.isoformat(),
        "sections": [
            {
                "title": s.title,
                "added": s.added,
                "changed": s.changed,
                "removed": s.removed,
                "notes": s.notes,
            }
            for s in changes["sections"]
            if s
        ],
    }


def changes_since_previous(meeting):
    """Every section's changes since the previous meeting, or None for the first meeting."""
    previous = meeting.previous()
    if previous is None:
        return None
    sections = [
        import_string(part.changes)(previous, meeting) for part in registered() if part.changes
    ]
    return {"previous": previous, "sections": sections}

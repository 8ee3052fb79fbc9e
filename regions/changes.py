"""What a meeting changed in the regions' sections, for "changes since the previous meeting"."""

from collections import defaultdict

from webcert_forum.core.changes import SectionChanges, compare

from .models import ConnectionDate, ServiceWindow


def connection_snapshot(meeting):
    dates = defaultdict(list)
    # The fields, not the models, as signing_rollout.changes.production_snapshot.
    rows = (
        ConnectionDate.objects.filter(meeting=meeting)
        .order_by()
        .values_list("organisation__name", "date", "month_only", "preliminary")
    )
    for name, *fields in rows:
        dates[name].append(ConnectionDate.text_of(*fields))
    return {name: ", ".join(sorted(values)) for name, values in dates.items()}


def connection_changes(previous, meeting):
    return compare("Anslutning DB/DOI", connection_snapshot(previous), connection_snapshot(meeting))


def window_changes(previous, meeting):
    """Windows are live data, not snapshots: what a meeting added is what it imported first."""
    changes = SectionChanges("Servicefönster")
    windows = ServiceWindow.objects.filter(imported_from=meeting).select_related("organisation")
    for w in windows.order_by("start_date", "organisation__name"):
        changes.added.append((str(w.organisation), _window_text(w)))
    return changes


def _window_text(window):
    if window.start_date == window.end_date:
        return f"{window.start_date:%Y-%m-%d}"
    return f"{window.start_date:%Y-%m-%d} – {window.end_date:%Y-%m-%d}"

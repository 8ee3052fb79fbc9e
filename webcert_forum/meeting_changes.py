"""What changed from one meeting to the next, computed from the per-meeting snapshots.

Each `*_snapshot` reads one section of one meeting as a plain {label: value} mapping (one
query each); `compare` is a pure function over two such mappings, so the comparison is tested
without a database and every section is compared the same way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from certificate_statistics.models import CertificateCount
from regions.models import ConnectionDate, ServiceWindow
from releases.models import ReleaseAnnouncement
from signing_rollout.models import ProductionStatus, SigningTest

from .models import Attendance


@dataclass
class SectionChanges:
    title: str
    added: list = field(default_factory=list)  # [(label, new)]
    changed: list = field(default_factory=list)  # [(label, old, new)]
    removed: list = field(default_factory=list)  # [(label, old)]
    notes: list = field(default_factory=list)  # free lines, e.g. "312 nya celler för 2022-05"

    def __bool__(self):
        return bool(self.added or self.changed or self.removed or self.notes)


def compare(title, previous, current):
    """New, changed and gone labels between two {label: value} snapshots, sorted by label."""
    changes = SectionChanges(title)
    for label in sorted(current.keys() - previous.keys()):
        changes.added.append((label, current[label]))
    for label in sorted(current.keys() & previous.keys()):
        if current[label] != previous[label]:
            changes.changed.append((label, previous[label], current[label]))
    for label in sorted(previous.keys() - current.keys()):
        changes.removed.append((label, previous[label]))
    return changes


def _yes_no(value):
    return "närvarande" if value else "frånvarande"


def attendance_snapshot(meeting):
    rows = Attendance.objects.filter(meeting=meeting).values_list("organisation__name", "present")
    return {name: _yes_no(present) for name, present in rows}


def connection_snapshot(meeting):
    dates = defaultdict(list)
    for c in ConnectionDate.objects.filter(meeting=meeting).select_related("organisation"):
        dates[c.organisation.name].append(c.display_date)
    return {name: ", ".join(sorted(values)) for name, values in dates.items()}


def signing_test_snapshot(meeting):
    tests = SigningTest.objects.filter(meeting=meeting).select_related("vendor_group", "tested_by")
    return {
        t.vendor_group.name: (f"testat av {t.tested_by}" if t.tested_by else t.plan or "–")
        for t in tests
    }


def production_snapshot(meeting):
    statuses = ProductionStatus.objects.filter(meeting=meeting).select_related("organisation")
    return {s.organisation.name: s.display_text for s in statuses}


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


def window_changes(meeting):
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


def statistics_changes(meeting):
    """Cells this meeting printed for the first time (counted per month) and cells whose
    count it revised (listed with old and new value), from the cells' history."""
    changes = SectionChanges("Intygsstatistik")
    records = CertificateCount.history.filter(meeting=meeting, history_type__in=["+", "~"])
    new_per_month = defaultdict(int)
    revised = []
    for r in records.values("id", "history_type", "history_date", "month", "channel", "count"):
        if r["history_type"] == "+":
            new_per_month[(r["month"], r["channel"])] += 1
        else:
            revised.append(r)
    for (month, channel), n in sorted(new_per_month.items()):
        changes.notes.append(f"{n} nya celler för {month:%Y-%m} ({_channel(channel)})")
    if revised:
        changes.changed.extend(_revised_cells(revised))
    return changes


def _revised_cells(revised):
    ids = {r["id"] for r in revised}
    cells = {
        c.pk: c
        for c in CertificateCount.objects.filter(pk__in=ids).select_related(
            "organisation", "certificate_type"
        )
    }
    history = defaultdict(list)
    for h in (
        CertificateCount.history.filter(id__in=ids)
        .order_by("history_date", "history_id")
        .values("id", "history_date", "count")
    ):
        history[h["id"]].append(h)
    rows = []
    for r in revised:
        before = [h["count"] for h in history[r["id"]] if h["history_date"] < r["history_date"]]
        if not before or before[-1] == r["count"]:
            continue
        cell = cells.get(r["id"])
        where = f"{r['month']:%Y-%m} {_channel(r['channel'])}"
        if cell is not None:
            where += f" {cell.organisation} {cell.certificate_type}"
        rows.append((where, before[-1], r["count"]))
    return sorted(rows)


def _channel(channel):
    return "alla kanaler" if channel == "all" else "Webcert Fristående"


SNAPSHOTS = [
    ("Närvaro", attendance_snapshot),
    ("Release", release_snapshot),
    ("Samverkanstester", signing_test_snapshot),
    ("Produktionsstatus, ny underskriftslösning", production_snapshot),
    ("Anslutning DB/DOI", connection_snapshot),
]


def changes_since_previous(meeting):
    """Every section's changes since the previous meeting, or None for the first meeting."""
    previous = meeting.previous()
    if previous is None:
        return None
    sections = [
        compare(title, snapshot(previous), snapshot(meeting)) for title, snapshot in SNAPSHOTS
    ]
    sections.append(window_changes(meeting))
    sections.append(statistics_changes(meeting))
    return {"previous": previous, "sections": sections}

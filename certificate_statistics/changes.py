"""What a meeting changed in the statistics, for "changes since the previous meeting"."""

from collections import defaultdict

from webcert_forum.core.changes import SectionChanges

from .models import CertificateCount


def statistics_changes(previous, meeting):
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

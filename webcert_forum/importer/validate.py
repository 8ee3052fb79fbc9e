"""Validate: cross-checks that become warnings. Never a silent fix: the numbers stay as
printed and a person decides.

The statistics are checked as they are read, against the document itself: a row's sum when
the row is read (``row_sum_mismatch``), repeats and standalone counts as each slide's cells
are collected (``StatisticsCollector``). No index over every cell is held, so what grows
with the deck is only the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .errors import MinutesImportError


def missing_sections(values: dict, parts, printed: set[str] = frozenset()) -> list[str]:
    """A warning for each expected part (``parts.MinutesPart``) the deck did not fill and
    does not print (``printed``: document keys whose section a parser found, empty or not)."""
    return [
        f"Expected section missing: {part.expected}."
        for part in parts
        if part.expected and not any(values.get(key) or key in printed for key in part.keys)
    ]


def row_sum_mismatch(month: str, channel: str, org: str, cells: Iterable[int], total: int):
    """The warning for a statistics row whose cells do not add up to its printed total."""
    added = sum(cells)
    if added == total:
        return None
    return (
        f"{_where(month, channel, org)}: the cells add up to {added} "
        f"but the printed Totalsumma is {total}."
    )


def _where(month: str, channel: str, org: str) -> str:
    return f"{month} {'standalone Webcert' if channel == 'standalone' else 'all channels'}, {org}"


class StatisticsCollector:
    """Adds each slide's statistics to the document's lists as the deck is read (the
    statistics part's ``collector``, one per deck), checking them on the way in:

    - the same table printed again (the same month, channel, organisation and type): a copy
      that agrees is dropped with a warning; copies that disagree leave no number to trust,
      and the deck is refused naming the first such cell;
    - a standalone Webcert count above the all-channels count of its month, organisation
      and type is a warning, whichever of the two tables comes first.

    Each check looks only at the document's entries of the slide's own month, found through
    the stretch of the lists each slide added (a few numbers per slide) and looked up while
    the slide is collected: a copy is never held, nor an index of every cell.
    """

    def __init__(self) -> None:
        # (month, channel) -> [(first count, end, first total, end)] per slide collected.
        self._stretches: dict[tuple[str, str], list[tuple[int, int, int, int]]] = defaultdict(list)

    def __call__(self, lists: list[list[dict]], values: tuple[list, list]) -> list[str]:
        counts, totals = lists
        warnings: list[str] = []
        tables: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
        for entry in values[0]:
            tables[entry["month"], entry["channel"]][0].append(entry)
        for entry in values[1]:
            tables[entry["month"], entry["channel"]][1].append(entry)
        for (month, channel), (new_counts, new_totals) in tables.items():
            start = len(counts), len(totals)
            seen_counts = self._cells(counts, month, channel, 0, ("org", "type"))
            seen_totals = self._cells(totals, month, channel, 2, ("org",))
            repeated = _add_new(counts, new_counts, seen_counts, ("org", "type"), "count")
            repeated |= _add_new(totals, new_totals, seen_totals, ("org",), "total")
            if repeated:
                name = "standalone Webcert" if channel == "standalone" else "all channels"
                warnings.append(f"The {month} statistics table ({name}) is printed more than once.")
            if (len(counts), len(totals)) != start:  # a copy dropped whole adds nothing
                self._stretches[month, channel].append(
                    (start[0], len(counts), start[1], len(totals))
                )
            other = "all" if channel == "standalone" else "standalone"
            beside = self._cells(counts, month, other, 0, ("org", "type"))
            for entry in counts[start[0] :]:
                match = beside.get((entry["org"], entry["type"]))
                if match is not None:
                    alone, everything = (
                        (entry, match) if channel == "standalone" else (match, entry)
                    )
                    if alone["count"] > everything["count"]:
                        warnings.append(
                            f"{month} {entry['org']} {entry['type']}: standalone Webcert count "
                            f"{alone['count']} is larger than the all-channels count "
                            f"{everything['count']}."
                        )
        return warnings

    def _cells(self, entries, month, channel, at: int, fields) -> dict[tuple, dict]:
        """The document's entries of one table so far, by ``fields``."""
        return {
            tuple(entries[i][f] for f in fields): entries[i]
            for stretch in self._stretches.get((month, channel), ())
            for i in range(stretch[at], stretch[at + 1])
        }


def _add_new(entries, new, seen, fields, value) -> bool:
    """Append the ``new`` entries not yet ``seen``; True if any was a copy that agrees."""
    repeated = False
    for entry in new:
        key = tuple(entry[f] for f in fields)
        first = seen.get(key)
        if first is None:
            entries.append(entry)
            seen[key] = entry
        elif first[value] != entry[value]:
            where = " ".join((entry["month"], entry["channel"], *map(str, key)))
            raise MinutesImportError(
                "repeated_statistics", f"{where}: {first[value]} and {entry[value]}"
            )
        else:
            repeated = True
    return repeated

"""Validate: cross-checks that become warnings. Never a silent fix: the numbers stay as
printed and a person decides."""

from __future__ import annotations

from collections import defaultdict


def missing_sections(values: dict, parts, printed: set[str] = frozenset()) -> list[str]:
    """A warning for each expected part (``parts.MinutesPart``) the deck did not fill and
    does not print (``printed``: document keys whose section a parser found, empty or not)."""
    return [
        f"Expected section missing: {part.expected}."
        for part in parts
        if part.expected and not any(values.get(key) or key in printed for key in part.keys)
    ]


def row_sum_mismatches(counts: list[dict], totals: list[dict]) -> list[str]:
    sums: dict[tuple, int] = defaultdict(int)
    for entry in counts:
        sums[entry["month"], entry["channel"], entry["org"]] += entry["count"]
    warnings = []
    seen = set()
    for entry in totals:
        key = entry["month"], entry["channel"], entry["org"]
        if key in seen:
            warnings.append(f"{_where(key)}: the organisation appears in more than one row.")
        seen.add(key)
        if sums.get(key, 0) != entry["total"]:
            warnings.append(
                f"{_where(key)}: the cells add up to {sums.get(key, 0)} "
                f"but the printed Totalsumma is {entry['total']}."
            )
    return warnings


def standalone_exceeding_all(counts: list[dict]) -> list[str]:
    everything = {
        (e["month"], e["org"], e["type"]): e["count"] for e in counts if e["channel"] == "all"
    }
    warnings = []
    for entry in counts:
        if entry["channel"] != "standalone":
            continue
        key = entry["month"], entry["org"], entry["type"]
        if key in everything and entry["count"] > everything[key]:
            warnings.append(
                f"{entry['month']} {entry['org']} {entry['type']}: standalone Webcert count "
                f"{entry['count']} is larger than the all-channels count {everything[key]}."
            )
    return warnings


def _where(key: tuple) -> str:
    month, channel, org = key
    return f"{month} {'standalone Webcert' if channel == 'standalone' else 'all channels'}, {org}"


def drop_repeated_cells(counts: list[dict], totals: list[dict]) -> list[str]:
    """The same statistics table printed twice (the same month, channel, organisation and
    type again): a copy that agrees is dropped from the lists, in place, with a warning;
    copies that disagree leave no number to trust, and the deck is refused naming the first
    such cell."""
    from .errors import MinutesImportError

    warnings = []
    for entries, key_fields, value in (
        (counts, ("month", "channel", "org", "type"), "count"),
        (totals, ("month", "channel", "org"), "total"),
    ):
        first: dict[tuple, dict] = {}
        for entry in entries:
            key = tuple(entry[f] for f in key_fields)
            if key not in first:
                first[key] = entry
            elif first[key][value] != entry[value]:
                raise MinutesImportError(
                    "repeated_statistics",
                    f"{' '.join(map(str, key))}: {first[key][value]} and {entry[value]}",
                )
            else:
                channel = "standalone Webcert" if key[1] == "standalone" else "all channels"
                warning = f"The {key[0]} statistics table ({channel}) is printed more than once."
                if warning not in warnings:
                    warnings.append(warning)
        entries[:] = first.values()
    return warnings

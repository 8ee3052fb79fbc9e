"""Validate: cross-checks that become warnings. Never a silent fix: the numbers stay as
printed and a person decides."""

from __future__ import annotations

from collections import defaultdict

EXPECTED_SECTIONS = {
    "attendance": "attendance (Deltagare)",
    "service_windows": "service windows (Drift regioner)",
    "release": "release (Uppdatering av applikationen)",
    "connection_dates": "DB/DOI connection dates (Anslutningsdatum)",
    "signing_tests": "signing tests per vendor group",
    "signing_production": "signing production per organisation",
    "certificate_counts": "certificate statistics",
}


def missing_sections(document: dict) -> list[str]:
    warnings = [
        f"Expected section missing: {label}."
        for key, label in EXPECTED_SECTIONS.items()
        if not document.get(key)
    ]
    if not document["meeting"].get("next_meeting"):
        warnings.append("Expected section missing: next meeting (Nästa möte).")
    return warnings


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


def repeated_cells(counts: list[dict], totals: list[dict]) -> tuple[list, list, list[str]]:
    """The same statistics table printed twice (the same month, channel, organisation and
    type again): a copy that agrees is read once, with a warning; copies that disagree leave
    no number to trust, and the deck is refused naming the first such cell."""
    from .errors import MinutesImportError

    warnings = []
    kept = []
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
        kept.append(list(first.values()))
    return kept[0], kept[1], warnings

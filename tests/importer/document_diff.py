"""A parsed minutes document against the one a deck was made from, section by section.

Entries are compared as multisets (a deck may print its sections in any order); each
section gives what was missed and what was read that the document does not hold.
"""

from __future__ import annotations

import json
import re
from collections import Counter

SECTIONS = [
    "attendance", "service_windows", "release", "connection_dates", "signing_tests",
    "signing_production", "certificate_counts", "certificate_totals", "next_meeting",
    "unresolved", "warnings",
]  # fmt: skip
# A warning the drawn document calls for, as "what: printed text"; any other is an extra.
_EXPECTED_WARNINGS = (
    ("unknown type", re.compile(r"column '(.+)' is not a known certificate type")),
    ("month only", re.compile(r"(\d{4}-\d{2})' names a month only")),
)


def expected_entries(expected: dict) -> dict[str, list[str]]:
    return _entries(
        expected, expected["next_meeting"], expected["unresolved"], expected["warnings"]
    )


def read_entries(document: dict) -> dict[str, list[str]]:
    warnings = []
    for warning in document["warnings"]:
        for what, pattern in _EXPECTED_WARNINGS:
            match = pattern.search(warning)
            if match:
                warnings.append(f"{what}: {match.group(1)}")
                break
        else:
            warnings.append(warning)
    unresolved = sorted({u["label"] for u in document["unresolved"]})
    return _entries(document, document["meeting"]["next_meeting"], unresolved, warnings)


def _entries(document, next_meeting, unresolved, warnings) -> dict[str, list[str]]:
    entries = {}
    for section in SECTIONS[:8]:
        value = document.get(section)
        if section == "release":
            value = [{name: field} for name, field in (value or {}).items()]
        entries[section] = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value or []]
    entries["next_meeting"] = [next_meeting] if next_meeting else []
    entries["unresolved"] = list(unresolved)
    entries["warnings"] = sorted(set(warnings))
    return entries


def differences(expected: dict, document: dict) -> dict[str, tuple[list[str], list[str]]]:
    """Section -> (entries missed, entries read that were not in the document)."""
    wanted, got = expected_entries(expected), read_entries(document)
    result = {}
    for section in SECTIONS:
        w, g = Counter(wanted[section]), Counter(got[section])
        result[section] = (sorted((w - g).elements()), sorted((g - w).elements()))
    return result


def scores(expected: dict, document: dict) -> dict[str, tuple[int, int, int]]:
    """Section -> (entries in the document, entries read, entries read that were right)."""
    wanted, got = expected_entries(expected), read_entries(document)
    return {
        section: (
            len(wanted[section]),
            len(got[section]),
            sum((Counter(wanted[section]) & Counter(got[section])).values()),
        )
        for section in SECTIONS
    }


def first_difference(expected: dict, document: dict) -> str | None:
    for section, (missed, extra) in differences(expected, document).items():
        if missed or extra:
            first = f"missed {missed[0]}" if missed else f"read but not printed {extra[0]}"
            return f"{section}: {first} ({len(missed)} missed, {len(extra)} extra)"
    return None

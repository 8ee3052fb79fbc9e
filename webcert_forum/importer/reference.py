"""Canonical keys for the labels the minutes print (organisations, vendor groups, types)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "fixtures"

Rows = Iterable[tuple[str, Iterable[str]]]


def fold(label: str) -> str:
    """Case and spacing folded, so 'TS         bas' and 'ts bas' are one label."""
    return " ".join(label.replace("\u00a0", " ").split()).casefold()


# Hyphens and dashes of every width: "AG1–14" as a word processor sets "AG1-14".
_DASHES_RE = re.compile("[\u2010-\u2015\u2212]")


def fold_variants(label: str) -> list[str]:
    folded = _DASHES_RE.sub("-", fold(label))
    tight = re.sub(r"\s*/\s*", "/", folded)
    return [folded] if tight == folded else [folded, tight]


# Tried in order when the label as printed is not known: the minutes write the same
# organisation as "Region X", "X", "X agent" or "X (Agent)".
_LOOSENERS = (
    lambda s: re.sub(r"^region\s+", "", s),
    lambda s: re.sub(r"\s*(\(agent\)|\bagent)$", "", s),
    lambda s: re.sub(r"^region\s+", "", re.sub(r"\s*(\(agent\)|\bagent)$", "", s)),
    lambda s: re.sub(r"\s*\([^)]*\)$", "", s),
    # A form code set apart from its number: "FK-7804", "FK 7804", "AG 1-14".
    lambda s: re.sub(r"(?<=[^\W\d_])[\s-]+(?=\d)", "", s),
    # Two names joined by a dash: "Jämtland–Härjedalen".
    lambda s: re.sub(r"(?<=[^\W\d_])\s*-\s*(?=[^\W\d_])", " ", s),
)


def _build(rows: Rows) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for key, labels in rows:
        for label in [key, *labels]:
            if not label or not label.strip():
                continue
            for variant in fold_variants(label):
                mapping.setdefault(variant, key)
    return mapping


def _lookup(mapping: dict[str, str], label: str | None) -> str | None:
    if not label or not label.strip():
        return None
    variants = fold_variants(label)
    for variant in variants:
        if variant in mapping:
            return mapping[variant]
    for loosen in _LOOSENERS:
        for variant in variants:
            loose = loosen(variant)
            if loose != variant and loose in mapping:
                return mapping[loose]
    return None


@dataclass
class Reference:
    organisations: dict[str, str] = field(default_factory=dict)
    vendor_groups: dict[str, str] = field(default_factory=dict)
    certificate_types: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(
        cls, organisations: Rows = (), vendor_groups: Rows = (), certificate_types: Rows = ()
    ) -> Reference:
        return cls(_build(organisations), _build(vendor_groups), _build(certificate_types))

    @classmethod
    def from_fixtures(cls, fixtures_dir: str | Path = FIXTURES_DIR) -> Reference:
        fixtures_dir = Path(fixtures_dir)

        def rows(name: str, key: str, label_columns: tuple[str, ...]):
            with open(fixtures_dir / name, encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    labels = [row.get(column) or "" for column in label_columns]
                    labels += (row.get("aliases") or "").split("|")
                    yield row[key], [label.strip() for label in labels if label.strip()]

        return cls.from_rows(
            organisations=list(rows("organisations.csv", "key", ("name",))),
            vendor_groups=list(rows("vendor_groups.csv", "key", ("name",))),
            certificate_types=list(
                rows("certificate_types.csv", "code", ("code", "form", "internal", "name_sv"))
            ),
        )

    def organisation(self, label: str | None) -> str | None:
        return _lookup(self.organisations, label)

    def vendor_group(self, label: str | None) -> str | None:
        return _lookup(self.vendor_groups, label)

    def certificate_type(self, label: str | None) -> str | None:
        return _lookup(self.certificate_types, label)

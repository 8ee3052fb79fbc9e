"""What every section parser needs: the meeting date, the reference lists, somewhere to put
what it could not settle (warnings, unresolved labels) instead of dropping it, and a note of
the sections the deck prints even where they hold no entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .reference import Reference


@dataclass
class ParseContext:
    meeting_date: dt.date
    reference: Reference
    warnings: list[str] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)
    # Document keys whose section the deck prints, entries or not: a statistics table of a
    # month in which every cell is empty is there, so its section is not missing.
    printed: set[str] = field(default_factory=set)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def section_printed(self, *keys: str) -> None:
        self.printed.update(keys)

    def organisation(self, label: str, slide: int) -> str:
        """The canonical key, or the label as printed (and listed in ``unresolved``)."""
        return self._resolve(self.reference.organisation(label), label, "organisation", slide)

    def vendor_group(self, label: str, slide: int) -> str:
        return self._resolve(self.reference.vendor_group(label), label, "vendor_group", slide)

    def _resolve(self, key: str | None, label: str, kind: str, slide: int) -> str:
        if key is not None:
            return key
        label = " ".join(label.split())
        entry = {"label": label, "kind": kind, "slide": slide}
        if entry not in self.unresolved:
            self.unresolved.append(entry)
        return label

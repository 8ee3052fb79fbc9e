"""What a table is made of: columns (a header and where its cells stand), rows of cells,
and the counts in them; shared by the header, the columns and the rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .read import Word

_COUNT_RE = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$|^\d+$")


@dataclass
class Column:
    header: str
    x0: float
    x1: float


@dataclass
class Row:
    cells: list[str]
    top: float
    bottom: float

    @property
    def label(self) -> str:
        return self.cells[0]


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


def parse_count(text: str) -> int | None:
    """'37 732', '37\u00a0732' and '37732' are all 37732; anything else is not a count."""
    text = text.strip()
    if not _COUNT_RE.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def same_line(a: Word, b: Word) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.height, b.height)

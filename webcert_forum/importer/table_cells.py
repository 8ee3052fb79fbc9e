"""What a table is made of: columns (a header and where its cells stand), rows of cells,
and the counts in them; shared by the header, the columns and the rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .read import Word

# Thousands grouped by one separator throughout: a space of any width as Swedish decks print
# them, or a comma or point as decks made with English or German settings do. A count is a
# whole number, so "37,732" cannot be a decimal.
_COUNT_RE = re.compile(r"^\d{1,3}(?:([ \u00a0\u202f\u2009,.'’])\d{3})(?:\1\d{3})*$|^\d+$")
# What an author prints in a cell that holds nothing.
_NOTHING = {"", "-", "–", "—", "−"}


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


def is_empty_cell(text: str) -> bool:
    """Blank, or a dash standing for nothing."""
    return text.strip() in _NOTHING


def parse_count(text: str) -> int | None:
    """'37 732', '37\u00a0732', '37,732', '37.732' and '37732' are all 37732; anything else
    ('37 73', '1,5', '37,732.5') is not a count."""
    text = text.strip()
    if not _COUNT_RE.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def same_line(a: Word, b: Word) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.height, b.height)

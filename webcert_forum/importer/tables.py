"""Tables: words with coordinates -> columns and rows, for every table the minutes hold.

Read by geometry only, never by counting values in a line (an empty cell prints nothing):
- the header band is every word chained vertically to the given header words, so headers
  wrapped over two lines ("Total-" / "summa") and vertically centred ones join it;
- a header may stand over one to three rows: a merged group cell above ("Försäkringskassan"
  over the FK codes) joins the band and is set aside, whether it spans several columns or
  stands over one (a cell above another header cell of its column, or above the lower
  header row between its first and last cells); a label or total header written only in
  the top row, outside them, still names its column;
- a table is set in one size: a larger word (a stray word under the title) is no cell;
- columns are where the body's text stands (the x-extents of its cells, found down all
  rows), matched in order to the header cells (header words clustered by horizontal
  overlap), so a right-aligned header over left-aligned cells still names its own column:
  every column's header and cells stand the same way, and a column the caller knows is
  never empty (the row total) tells which way where another column is left empty;
- the boundary between two columns lies in the gap between them: a ruling line that no
  cell text crosses, else the gap's middle (without body text, the widest run of
  least-covered x between the headers);
- the label column reaches left to where its labels start (under a centred header they
  start left of it), but not across a gutter into prose beside the table; on the right
  the table ends at a gutter beyond which text keeps its own line pitch (a note box or a
  list of names beside it), not the table's rows;
- rows are body words chained by vertical overlap, so a label wrapped around its numbers
  ("Jämtland/" above, "Härjedalen" below) and a cell with two dates stay one row; a note
  or legend (a sentence, or a line across the columns) is no row and never joins one.

This module reads a table from those steps, each in a module of its own: ``table_header``
(the header band, its group cells set aside, the header cells naming columns),
``table_columns`` (the body's columns matched to the header cells, the boundaries between
them), ``table_rows`` (lines, rows, notes that are no rows, the table's right edge) and
``table_cells`` (columns, rows and counts, what the others share).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .read import Rule, Slide, Word
from .reference import fold
from .table_cells import Column, Row, Table, is_empty_cell, parse_count, same_line
from .table_columns import body_columns, boundaries, label_run_start, match_columns
from .table_header import (
    continued_header,
    header_band,
    header_columns,
    join_header,
    without_group_cells,
)
from .table_rows import is_prose, is_sentence, right_edge, row_of, table_bands

__all__ = [
    "Column", "Line", "Row", "Table", "is_empty_cell", "join_header", "left_neighbour",
    "parse_count",
    "read_side_by_side", "read_table", "same_line", "text_lines", "two_column_tables",
]  # fmt: skip


def read_table(
    words: Sequence[Word],
    header: Sequence[Word],
    *,
    x_min: float | None = None,
    x_max: float | None = None,
    y_max: float | None = None,
    max_gap: float = 3.0,
    rules: Sequence[Rule] = (),
    never_empty: Callable[[str], bool] | None = None,
) -> Table:
    """The table whose header contains ``header`` (at least the first and last column's words).

    The table ends at ``y_max``, or where the vertical gap between rows exceeds ``max_gap``
    word heights and the table's usual row gap (a footnote or another text box below it).
    A column whose header satisfies ``never_empty`` (a row total) holds text in every row
    that holds any: where headers and cells are aligned differently and a column is left
    empty, that tells which header the cells stand under.
    """
    return read_side_by_side(
        words, header, 1, x_min=x_min, x_max=x_max, y_max=y_max, max_gap=max_gap, rules=rules,
        never_empty=never_empty,
    )[0]  # fmt: skip


def read_side_by_side(
    words: Sequence[Word],
    header: Sequence[Word],
    count: int,
    *,
    x_min: float | None = None,
    x_max: float | None = None,
    y_max: float | None = None,
    max_gap: float = 3.0,
    rules: Sequence[Rule] = (),
    never_empty: Callable[[str], bool] | None = None,
) -> list[Table]:
    """``count`` tables of equally many columns printed side by side ('Region | Närvarande'
    twice): columns are found together, rows separately, so a row of one table never joins
    a row of the other."""
    header = sorted(header, key=lambda w: w.x0)
    height = statistics.median(w.height for w in header) or 10.0
    # A table is set in one size: a larger word beside it (a stray word under the title,
    # touching the header's top) is no cell of it.
    words = [w for w in words if w.height <= 1.4 * height]
    starts = [w.x0 for w in header]
    pitch = statistics.median([b - a for a, b in pairwise(starts)] or [4 * height])
    if x_max is None:
        x_max = max(header[-1].x0 + 1.1 * pitch, header[-1].x1 + 0.3 * pitch)
    near = x_min if x_min is not None else header[0].x0 - height
    edge = right_edge(words, header, height, max_gap, y_max)
    x_max = min(x_max, edge)
    inside = [w for w in words if near <= w.centre_x <= x_max]
    band = header_band(inside, header, height)
    # The header's pitch may run on into a note box beside the table: not past its edge.
    wider = min(continued_header(words, band, x_max, pitch), edge)
    if wider > x_max:
        x_max = wider
        inside = [w for w in words if near <= w.centre_x <= x_max]
        band = header_band(inside, header, height)
    band_bottom = max(w.bottom for w in band)
    columns = header_columns(without_group_cells(band, height))

    in_band = {id(w) for w in band}

    def body_of(candidates: Iterable[Word]) -> list[Word]:
        return [
            w for w in candidates if w.top >= band_bottom - 0.2 * height and id(w) not in in_band
            and (y_max is None or w.top < y_max)
        ]  # fmt: skip

    body = body_of(inside)

    def cells_of(words: Iterable[Word]) -> list[Word]:
        # A note running across the columns says nothing about where they part.
        return [
            w for w in words
            if sum(w.x0 < c.x1 and c.x0 < w.x1 for c in columns) <= 1 and not is_sentence(w)
        ]  # fmt: skip

    bounds = boundaries(columns, cells_of(body), rules, height)
    if x_min is None:
        # Labels under a centred header start left of it: widen to their own left edge.
        left = label_run_start(body_of(w for w in words if w.x1 <= x_max), columns, bounds)
        if left < near:
            body = body_of(w for w in words if left <= w.centre_x <= x_max)
    kept = cells_of(w for g in table_bands(body, height, band_bottom, max_gap) for w in g)
    full = {i for i, c in enumerate(columns) if never_empty and never_empty(c.header)}
    width = max(1, len(columns) // count)
    labels = set(range(0, len(columns), width))
    under = match_columns(columns, body_columns(kept), full, labels)
    bounds = boundaries(columns, cells_of(body), rules, height, under)
    tables = []
    for group in range(count):
        first, last = group * width, (group + 1) * width if group + 1 < count else len(columns)
        lo = bounds[first - 1] if first else -1e9
        hi = bounds[last - 1] if last - 1 < len(bounds) else 1e9
        part = [w for w in body if lo <= w.centre_x < hi]
        part_bounds = bounds[first : last - 1]

        def prose(line, part_bounds=part_bounds, right=columns[last - 1].x1):
            return is_prose(line, part_bounds, right)

        rows = [
            row_of(g, part_bounds, last - first)
            for g in table_bands(part, height, band_bottom, max_gap, prose)
            if not prose(g)
        ]
        tables.append(Table(columns=columns[first:last], rows=rows))
    return tables


def left_neighbour(words: Iterable[Word], anchor: Word, x_min: float = -1e9) -> Word | None:
    """The nearest word on the anchor's line to its left: the header of the label column."""
    candidates = [
        w for w in words if w is not anchor and same_line(w, anchor) and x_min <= w.x0
        and w.x1 <= anchor.x0 + 1
    ]  # fmt: skip
    return max(candidates, key=lambda w: w.x1, default=None)


def two_column_tables(slide: Slide, is_anchor: Callable[[str], bool]) -> list[Table]:
    """Every 'label | value' table whose value header satisfies ``is_anchor(folded text)``."""
    words = slide.words or []
    tables = []
    for anchor in [w for w in words if is_anchor(fold(w.text))]:
        label_header = left_neighbour(words, anchor)
        if label_header is not None:
            tables.append(read_table(words, [label_header, anchor], rules=slide.rules))
    return tables


@dataclass
class Line:
    text: str
    x0: float
    top: float
    bottom: float


def text_lines(words: Sequence[Word]) -> list[Line]:
    """Words joined into lines top to bottom, keeping each line's indentation."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.centre_y, w.x0)):
        if lines and same_line(lines[-1][0], w):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [
        Line(
            text=" ".join(w.text for w in sorted(line, key=lambda w: w.x0)),
            x0=min(w.x0 for w in line),
            top=min(w.top for w in line),
            bottom=max(w.bottom for w in line),
        )
        for line in lines
    ]

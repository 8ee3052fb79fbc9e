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
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .read import Rule, Slide, Word
from .reference import fold

# A gap between two header lines wider than this (in word heights) parts two header rows
# (cell padding on both sides); wrapped lines of one cell stand closer.
_ROW_GAP = 0.45
# A line of this many words is a sentence (a note), not a name.
_SENTENCE_WORDS = 6
# A word with a digit, or of punctuation only (a dash between two dates).
_NOT_PROSE_RE = re.compile(r"\d|^\W+$")
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


def left_neighbour(words: Iterable[Word], anchor: Word, x_min: float = -1e9) -> Word | None:
    """The nearest word on the anchor's line to its left: the header of the label column."""
    candidates = [
        w for w in words if w is not anchor and same_line(w, anchor) and x_min <= w.x0
        and w.x1 <= anchor.x0 + 1
    ]  # fmt: skip
    return max(candidates, key=lambda w: w.x1, default=None)


def join_header(parts: Sequence[str]) -> str:
    """Wrapped header lines as one label: 'Total-'+'summa' -> 'Totalsumma'."""
    text = ""
    for part in parts:
        part = part.strip()
        if not text:
            text = part
        elif text.endswith("-") and not text.endswith(" -"):
            text = text[:-1] + part
        elif text.endswith("/"):
            text += part
        else:
            text += " " + part
    return text


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
    edge = _right_edge(words, header, height, max_gap, y_max)
    x_max = min(x_max, edge)
    inside = [w for w in words if near <= w.centre_x <= x_max]
    band = _header_band(inside, header, height)
    # The header's pitch may run on into a note box beside the table: not past its edge.
    wider = min(_continued_header(words, band, x_max, pitch), edge)
    if wider > x_max:
        x_max = wider
        inside = [w for w in words if near <= w.centre_x <= x_max]
        band = _header_band(inside, header, height)
    band_bottom = max(w.bottom for w in band)
    columns = _columns(_without_group_cells(band, height))

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
            if sum(w.x0 < c.x1 and c.x0 < w.x1 for c in columns) <= 1 and not _is_sentence(w)
        ]  # fmt: skip

    bounds = _boundaries(columns, cells_of(body), rules, height)
    if x_min is None:
        # Labels under a centred header start left of it: widen to their own left edge.
        left = _label_run_start(body_of(w for w in words if w.x1 <= x_max), columns, bounds)
        if left < near:
            body = body_of(w for w in words if left <= w.centre_x <= x_max)
    kept = cells_of(w for g in _table_bands(body, height, band_bottom, max_gap) for w in g)
    full = {i for i, c in enumerate(columns) if never_empty and never_empty(c.header)}
    width = max(1, len(columns) // count)
    labels = set(range(0, len(columns), width))
    under = _match(columns, _body_columns(kept), full, labels)
    bounds = _boundaries(columns, cells_of(body), rules, height, under)
    tables = []
    for group in range(count):
        first, last = group * width, (group + 1) * width if group + 1 < count else len(columns)
        lo = bounds[first - 1] if first else -1e9
        hi = bounds[last - 1] if last - 1 < len(bounds) else 1e9
        part = [w for w in body if lo <= w.centre_x < hi]
        part_bounds = bounds[first : last - 1]

        def prose(line, part_bounds=part_bounds, right=columns[last - 1].x1):
            return _is_prose(line, part_bounds, right)

        rows = [
            _row(g, part_bounds, last - first)
            for g in _table_bands(part, height, band_bottom, max_gap, prose)
            if not prose(g)
        ]
        tables.append(Table(columns=columns[first:last], rows=rows))
    return tables


def _continued_header(words: Sequence[Word], band: Sequence[Word], x_max: float, pitch):
    """Right edge of header cells continuing the header's pitch beyond ``x_max``: a total
    column merged over the header rows stands off the line of the given header words."""
    top, bottom = min(w.top for w in band), max(w.bottom for w in band)
    last = max(band, key=lambda w: w.centre_x)  # its column reaches as far as the others'
    centre = last.centre_x
    x_max = max(x_max, last.x0 + 1.1 * pitch, last.x1 + 0.3 * pitch)
    for w in sorted(words, key=lambda w: w.centre_x):
        if w.bottom <= top or w.top >= bottom or w.centre_x <= centre:
            continue
        if w.centre_x > max(centre + 1.5 * pitch, x_max):
            break
        centre = w.centre_x
        x_max = max(x_max, w.x0 + 1.1 * pitch, w.x1 + 0.3 * pitch)
    return x_max


def _table_bands(body, height, band_bottom, max_gap, apart=None) -> list[list[Word]]:
    """The body's rows down to the first gap much wider than the table's own row gaps."""
    groups = _bands(body, height, apart)
    if not groups:
        return []
    tops = [min(w.top for w in g) for g in groups]
    bottoms = [max(w.bottom for w in g) for g in groups]
    gaps = [top - bottom for top, bottom in zip(tops[1:], bottoms, strict=False)]
    first_gap = tops[0] - band_bottom
    if first_gap > max(2 * max_gap * height, 2.5 * statistics.median_low(gaps or [height])):
        return []
    typical = statistics.median_low([*gaps, max(first_gap, 0.0)])
    kept = [groups[0]]
    for group, gap in zip(groups[1:], gaps, strict=True):
        if gap > max(max_gap * height, 2.5 * typical):
            break
        kept.append(group)
    return kept


def _right_edge(words, header, height: float, max_gap: float, y_max) -> float:
    """Where the table ends on the right: the first gutter right of the last header that no
    text of the table's rows bridges, so a note box or a list of names beside the table,
    its lines interleaving with the rows (and the header), is never read into the table.
    ``words`` are the whole page's: labels may start left of the label header."""
    last = header[-1]
    below = max(w.bottom for w in header)
    body = [w for w in words if w.top >= below - 0.2 * height and (y_max is None or w.top < y_max)]
    groups = _table_bands(body, height, below, max_gap)
    if not groups:
        return 1e9
    bottom = max(w.bottom for w in groups[-1])
    # A word standing over the header's top (a stray word under the title) is not on its rows.
    rows = [w for w in words if w.top < bottom and w.centre_y > min(h.top for h in header)]
    cursor = max([last.x1, *(w.x1 for w in rows if w.x0 < last.x1 and w.x1 > last.x0)])
    blocks: list[list[Word]] = []  # runs of text right of the header, parted by gutters
    for w in sorted((w for w in rows if w.x0 >= cursor), key=lambda w: w.x0):
        if w.x0 > cursor + 1.2 * height:
            blocks.append([])
        if blocks:
            blocks[-1].append(w)
        cursor = max(cursor, w.x1)
    for block in blocks:
        start = block[0].x0
        left = [v for v in rows if v.x1 <= start]
        # Cells of the table stand on its rows (top, middle or foot in line with the row's);
        # a text box keeps its own line pitch, drifting off them even where each line still
        # overlaps a row. Each block is judged alone: a total column beside the codes still
        # belongs to the table when a list of names stands beyond it.
        spans = [(min(v.top for v in g), max(v.bottom for v in g)) for g in _lines(left, height)]
        # A row whose label wraps over two lines centres its cells between them.
        spans += [
            (a[0], b[1]) for a, b in pairwise(spans) if b[0] - a[1] <= 0.2 * height
        ]  # fmt: skip
        cells = [v for v in block if v.top >= below - 0.2 * height]  # header rows aside
        if not all(_on_a_row(v, spans, 0.2 * height) for v in cells):
            return (max((v.x1 for v in left), default=start) + start) / 2
    return 1e9


def _on_a_row(word: Word, spans: Sequence[tuple[float, float]], tolerance: float) -> bool:
    return any(
        abs(word.top - top) <= tolerance or abs(word.bottom - bottom) <= tolerance
        or abs(word.centre_y - (top + bottom) / 2) <= tolerance
        for top, bottom in spans
    )  # fmt: skip


def _is_prose(group: Sequence[Word], bounds: Sequence[float], right: float) -> bool:
    """A line running across the columns (a note between the header and the rows, a legend
    under them), not a row: it is a sentence, or each of its words crosses a column
    boundary and the line crosses two, runs past the last header or stands mostly in a
    column it does not start in (no cell does: its text would be read into the wrong
    column). A long label spilling a little into the next cell does none of these, so it
    stays a row."""

    def column(x: float) -> int:
        return sum(x >= b for b in bounds)

    if all(_is_sentence(w) for w in group):
        return True
    crossings = [sum(w.x0 < b - 2 and w.x1 > b + 2 for b in bounds) for w in group]
    return (
        bool(bounds) and min(crossings) > 0
        and (
            max(crossings) > 1 or max(w.x1 for w in group) > right
            or any(column(w.centre_x) != column(w.x0) for w in group)
        )
    )  # fmt: skip


def _is_sentence(word: Word) -> bool:
    """More words than any name or date in a cell: a note or a legend, however narrow. Only
    words of letters count: a date cell wrapped in a narrow column ('fredag 10 mars –
    söndag 12') is as many words long, but its numbers and dashes are no prose."""
    return sum(not _NOT_PROSE_RE.search(part) for part in word.text.split()) >= _SENTENCE_WORDS


def _label_run_start(body: Sequence[Word], columns: Sequence[Column], bounds) -> float:
    """Left edge of the run of text that holds the label column (not prose beside it)."""
    limit = bounds[0] if bounds else columns[0].x1
    intervals = sorted((w.x0, w.x1) for w in body if w.x1 <= limit + 1)
    runs: list[list[float]] = []
    for x0, x1 in intervals:
        if runs and x0 <= runs[-1][1] + 2:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    first = columns[0]
    if not runs:
        return first.x0
    nearest = min(runs, key=lambda r: max(0.0, r[0] - first.x1, first.x0 - r[1]))
    return min(nearest[0] - 1, first.x0)


def _header_band(words: Sequence[Word], header: Sequence[Word], height: float) -> list[Word]:
    """Every word chained vertically to the header, then up to two rows of merged group
    cells above it (with whatever else stands on their line: a label or total header
    written only in the top row)."""
    band = list(header)
    seen = {id(w) for w in band}
    bottom = max(w.bottom for w in band)
    # A line below the header running across its columns is a note over the rows.
    seen |= {
        id(w) for w in words
        if w.top > bottom - 0.3 * height and sum(w.x0 < h.x1 and h.x0 < w.x1 for h in header) > 1
    }  # fmt: skip

    def chain() -> None:
        top, bottom = min(w.top for w in band), max(w.bottom for w in band)
        changed = True
        while changed:
            changed = False
            for w in words:
                # A count below the header is the first row of a tight table, not a header
                # line: it joins only where it overlaps the header itself.
                reach = (-0.1 if parse_count(w.text) is not None else 0.3) * height
                if id(w) not in seen and w.top <= bottom + reach and w.bottom >= top - reach:
                    band.append(w)
                    seen.add(id(w))
                    top, bottom = min(top, w.top), max(bottom, w.bottom)
                    changed = True

    chain()
    for _ in range(2):
        top = min(w.top for w in band)
        above = [
            w for w in words if id(w) not in seen and w.bottom <= top + 0.3 * height
            and w.bottom >= top - 3 * height and _spans_cells(w, band, height)
        ]  # fmt: skip
        if not above:
            break
        line = [w for w in words if id(w) not in seen and any(same_line(w, a) for a in above)]
        for w in line:
            band.append(w)
            seen.add(id(w))
        chain()
    return band


def _spans_cells(word: Word, band: Sequence[Word], height: float) -> bool:
    """Does ``word`` stand over two or more separate header cells below it (a merged cell)?"""
    below = sorted(
        (
            w for w in band if w is not word and w.top >= word.bottom - 0.3 * height
            and w.x0 < word.x1 and w.x1 > word.x0
        ),
        key=lambda w: w.x0,
    )  # fmt: skip
    cells = 0
    right = -1e9
    for w in below:
        if w.x0 >= right - 0.5:
            cells += 1
        right = max(right, w.x1)
    return cells >= 2


def _without_group_cells(band: Sequence[Word], height: float) -> list[Word]:
    """The header cells naming columns, without the group row's cells: a cell spanning
    several columns; a cell standing above another header cell of its column (a recipient
    with one type, or centred over an odd number of columns); and a cell above the lower
    header row standing between that row's first and last cells (centred over two narrow
    headers it touches neither). A header written only in the top row outside them - the
    label or total column's - names its column. Cells are a column's header lines parted
    by a gap wider than a wrapped line's."""
    kept = [w for w in band if not _spans_cells(w, band, height)]
    clusters: list[list[Word]] = []
    for w in sorted(kept, key=lambda w: w.x0):
        if clusters and w.x0 < max(c.x1 for c in clusters[-1]) - 0.5:
            clusters[-1].append(w)
        else:
            clusters.append([w])
    cells = []
    for cluster in clusters:
        lowest: list[Word] = []
        for w in sorted(cluster, key=lambda w: w.top):
            if lowest and w.top - max(v.bottom for v in lowest) > _ROW_GAP * height:
                lowest = []
            lowest.append(w)
        cells.append(lowest)
    tops = [min(w.top for w in cell) for cell in cells]

    def upper(cell: list[Word]) -> bool:
        return any(max(w.bottom for w in cell) + _ROW_GAP * height < top for top in tops)

    lower = [cell for cell in cells if not upper(cell)]
    left = min(w.x0 for cell in lower for w in cell)
    right = max(w.x1 for cell in lower for w in cell)
    return [
        w for cell in cells
        if not upper(cell) or not left < sum(w.x0 + w.x1 for w in cell) / (2 * len(cell)) < right
        for w in cell
    ]  # fmt: skip


def _body_columns(body: Sequence[Word]) -> list[tuple[float, float]]:
    """x-extents of the body's columns: cells overlapping down the rows, narrowest first,
    so one wide line (prose under the table) bridging two columns does not merge them."""
    columns: list[list[float]] = []
    for w in sorted(body, key=lambda w: w.x1 - w.x0):
        touching = [c for c in columns if w.x0 < c[1] and w.x1 > c[0]]
        if len(touching) > 1:
            continue
        if touching:
            touching[0][0], touching[0][1] = min(touching[0][0], w.x0), max(touching[0][1], w.x1)
        else:
            columns.append([w.x0, w.x1])
    merged: list[list[float]] = []
    for x0, x1 in sorted(columns):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _match(
    columns: Sequence[Column],
    body: Sequence[tuple[float, float]],
    full: set[int] = frozenset(),
    labels: set[int] = frozenset(),
) -> list[tuple[float, float] | None]:
    """Per header cell, the body column under it: as many pairs as possible in left-to-right
    order, nearest first. Unless every pair then stands the same way (the same edges of
    header and cells the same distance apart), again keeping one way for all: a right-
    aligned header over left-aligned cells stands nearer the next column's cells than its
    own, the same way in every column, and only the ends of the table (a column left empty,
    a ``full`` one never empty, paired first of all) tell which way is the table's. A cell
    without a body column (a column left empty) keeps its header. The ``labels`` columns
    keep their own alignment (a label header centred over left-aligned labels)."""

    def gap(c: Column, x0: float, x1: float) -> float:
        return max(0.0, x0 - c.x1, c.x0 - x1) + 0.01 * abs((c.x0 + c.x1) - (x0 + x1))

    nearest = [[gap(c, *x) for x in body] for c in columns]
    matched = _align(nearest, full)[1]

    def as_body(pairs: list[int | None]) -> list[tuple[float, float] | None]:
        return [None if j is None else body[j] for j in pairs]

    # Per pair, how far each edge of the header (left, middle, right) stands from each
    # edge of its cells: a table keeps one of these fixed in all its columns.
    ways = [
        [[h - b for h in (c.x0, (c.x0 + c.x1) / 2, c.x1) for b in (x0, (x0 + x1) / 2, x1)]
         for x0, x1 in body]
        for c in columns
    ]  # fmt: skip
    paired = [ways[i][j] for i, j in enumerate(matched) if j is not None and i not in labels]
    if len(paired) < 2 or any(
        max(p[k] for p in paired) - min(p[k] for p in paired) <= 2.0 for k in range(9)
    ):
        return as_body(matched)
    tries = []
    for way in {(k, round(p[k])) for p in paired for k in range(9)}:
        k, usual = way
        cost = [
            nearest[i] if i in labels else [abs(w[k] - usual) for w in ways[i]]
            for i in range(len(columns))
        ]
        tries.append(_align(cost, full))
    return as_body(max(tries, key=lambda scored: scored[0])[1])


def _align(cost: Sequence[Sequence[float]], full=frozenset()):
    """The pairs of header cells and body columns, in order, that pair the most ``full``
    columns, then the most columns, at the least cost (``cost[cell][body column]``)."""
    n = len(cost)
    m = len(cost[0]) if n else 0
    # best[i][j]: (full columns paired, pairs, -cost) for the first i cells and j body columns.
    best = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        is_full = i - 1 in full
        row, above, costs = best[i], best[i - 1], cost[i - 1]
        for j in range(1, m + 1):
            paired_full, pairs, total = above[j - 1]
            row[j] = max(
                above[j], row[j - 1], (paired_full + is_full, pairs + 1, total - costs[j - 1])
            )
    matched: list[int | None] = [None] * n
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
    return best[n][m], matched


def _columns(band: Sequence[Word]) -> list[Column]:
    clusters: list[list[Word]] = []
    for w in sorted(band, key=lambda w: w.x0):
        if clusters and w.x0 < max(c.x1 for c in clusters[-1]) - 0.5:
            clusters[-1].append(w)
        else:
            clusters.append([w])
    columns = []
    for cluster in clusters:
        ordered = sorted(cluster, key=lambda w: (round(w.top), w.x0))
        columns.append(
            Column(
                header=join_header([w.text for w in ordered]),
                x0=min(w.x0 for w in cluster),
                x1=max(w.x1 for w in cluster),
            )
        )
    return columns


def _boundaries(
    columns: Sequence[Column],
    body: Sequence[Word],
    rules: Sequence[Rule],
    height: float,
    under: Sequence[tuple[float, float] | None] = (),
) -> list[float]:
    """x where each column after the first begins, in the gap between the two columns
    (header and body text together; where a header overhangs the next column's cells, the
    cells decide): a ruling line that no cell text crosses, else the gap's middle."""
    if body:
        top, bottom = min(w.top for w in body), max(w.bottom for w in body)
        # A rule spans the body (a one-row body is less than 1.5 word heights tall).
        reach = min(1.5 * height, bottom - top)
        rules = [r for r in rules if min(r.bottom, bottom) - max(r.top, top) >= reach]
    under = list(under) or [None] * len(columns)
    bounds = []
    for index, (left, right) in enumerate(pairwise(columns)):
        cells = _cell_gap(under[index], under[index + 1])
        lo, hi = max(left.x1, cells[0]), min(right.x0, cells[1])
        both = under[index] is not None and under[index + 1] is not None
        if hi - lo < 1 and both and cells[1] - cells[0] >= 1:
            lo, hi = cells
        elif hi - lo < 1:
            lo, hi = left.x1, right.x0
        if hi - lo < 1:
            bounds.append((left.x1 + right.x0) / 2)
            continue
        middle = _least_covered_midpoint(lo, hi, body)
        free = [
            r.x for r in rules if lo - 0.5 <= r.x <= hi + 0.5
            and not any(w.x0 < r.x < w.x1 for w in body)
        ]  # fmt: skip
        bounds.append(min(free, key=lambda x: abs(x - middle)) if free else middle)
    return bounds


def _cell_gap(left, right) -> tuple[float, float]:
    return (left[1] if left else -1e9, right[0] if right else 1e9)


def _least_covered_midpoint(lo: float, hi: float, body: Sequence[Word]) -> float:
    edges = sorted({lo, hi, *(x for w in body for x in (w.x0, w.x1) if lo < x < hi)})
    best = None
    run_start = run_end = None
    run_cover = None
    for a, b in pairwise(edges):
        middle = (a + b) / 2
        cover = sum(1 for w in body if w.x0 < middle < w.x1)
        if run_cover == cover and run_end == a:
            run_end = b
        else:
            run_start, run_end, run_cover = a, b, cover
        key = (-run_cover, run_end - run_start)
        if best is None or key > best[0]:
            best = (key, (run_start + run_end) / 2)
    return best[1] if best else (lo + hi) / 2


def _bands(
    words: Sequence[Word], height: float, apart: Callable[[list[Word]], bool] | None = None
) -> list[list[Word]]:
    """Rows: words chained by vertical overlap (a label wrapped beside centred cells), then
    lines closer than the table's usual gap between rows joined (a cell wrapped in a top-
    aligned row) - never across a gap as wide as the rows' own, however tight they are,
    and never a line whose count stands under a count (a count does not wrap). A group
    chained by overlap may still take lines above and below it: a label centred on a cell
    wrapped over three or four lines stands level with its middle lines only.
    A line ``apart`` (a note or legend across the columns) is a group of its own and says
    nothing about the rows' usual gap."""
    lines = _lines(words, height)
    alone = [bool(apart and apart(line)) for line in lines]
    rows = [line for line, prose in zip(lines, alone, strict=True) if not prose]
    gaps = [min(w.top for w in b) - max(w.bottom for w in a) for a, b in pairwise(rows)]
    usual = statistics.median(gaps) if gaps else height
    # Lines of one wrapped cell stand a line's leading apart (under a fifth of a word's
    # height), however few rows there are to learn the usual gap from.
    join = min(0.35 * height, max(0.75 * usual, 0.2 * height))
    groups: list[list[Word]] = []
    closed = True  # the last group takes no further line
    for line, prose in zip(lines, alone, strict=True):
        if groups and not prose and not closed:
            gap = min(w.top for w in line) - max(w.bottom for w in groups[-1])
            if gap <= join and not _count_under_count(groups[-1], line):
                groups[-1].extend(line)
                continue
        groups.append(list(line))
        closed = prose
    return groups


def _lines(words: Sequence[Word], height: float) -> list[list[Word]]:
    """Words chained by vertical overlap, top to bottom."""
    lines: list[list[Word]] = []
    bottom = 0.0
    for w in sorted(words, key=lambda w: w.top):
        if lines and w.top < bottom - 0.1 * height:
            lines[-1].append(w)
            bottom = max(bottom, w.bottom)
        else:
            lines.append([w])
            bottom = w.bottom
    return lines


def _count_under_count(above: Sequence[Word], line: Sequence[Word]) -> bool:
    counts = [w for w in above if parse_count(w.text) is not None]
    return any(
        v.x0 < w.x1 and w.x0 < v.x1 for w in line if parse_count(w.text) is not None for v in counts
    )


def _row(group: Sequence[Word], bounds: Sequence[float], width: int) -> Row:
    parts: list[list[Word]] = [[] for _ in range(width)]
    for w in group:
        index = sum(1 for b in bounds if w.centre_x >= b)
        parts[index].append(w)
    cells = [
        " ".join(w.text for w in sorted(part, key=lambda w: (round(w.top), w.x0))) for part in parts
    ]
    return Row(cells=cells, top=min(w.top for w in group), bottom=max(w.bottom for w in group))


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

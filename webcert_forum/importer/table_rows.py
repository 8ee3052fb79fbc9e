"""A table's rows: body words chained into lines by vertical overlap, lines of one wrapped
cell joined by their leading, down to the gap that ends the table; a note or legend (a
sentence, or a line across the columns) is no row; on the right the table ends where text
beside it keeps its own line pitch."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from itertools import pairwise

from .read import Word
from .table_cells import Row, parse_count

# A line of this many words is a sentence (a note), not a name.
_SENTENCE_WORDS = 6
# A word with a digit, or of punctuation only (a dash between two dates).
_NOT_PROSE_RE = re.compile(r"\d|^\W+$")


def table_bands(body, height, band_bottom, max_gap, apart=None) -> list[list[Word]]:
    """The body's rows down to the first gap much wider than the table's own row gaps."""
    groups = row_bands(body, height, apart)
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


def row_bands(
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
    lines = lines_of(words, height)
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


def lines_of(words: Sequence[Word], height: float) -> list[list[Word]]:
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


def row_of(group: Sequence[Word], bounds: Sequence[float], width: int) -> Row:
    parts: list[list[Word]] = [[] for _ in range(width)]
    for w in group:
        index = sum(1 for b in bounds if w.centre_x >= b)
        parts[index].append(w)
    cells = [
        " ".join(w.text for w in sorted(part, key=lambda w: (round(w.top), w.x0))) for part in parts
    ]
    return Row(cells=cells, top=min(w.top for w in group), bottom=max(w.bottom for w in group))


def is_prose(group: Sequence[Word], bounds: Sequence[float], right: float) -> bool:
    """A line running across the columns (a note between the header and the rows, a legend
    under them), not a row: it is a sentence, or each of its words crosses a column
    boundary and the line crosses two, runs past the last header or stands mostly in a
    column it does not start in (no cell does: its text would be read into the wrong
    column). A long label spilling a little into the next cell does none of these, so it
    stays a row."""

    def column(x: float) -> int:
        return sum(x >= b for b in bounds)

    if all(is_sentence(w) for w in group):
        return True
    crossings = [sum(w.x0 < b - 2 and w.x1 > b + 2 for b in bounds) for w in group]
    return (
        bool(bounds) and min(crossings) > 0
        and (
            max(crossings) > 1 or max(w.x1 for w in group) > right
            or any(column(w.centre_x) != column(w.x0) for w in group)
        )
    )  # fmt: skip


def is_sentence(word: Word) -> bool:
    """More words than any name or date in a cell: a note or a legend, however narrow. Only
    words of letters count: a date cell wrapped in a narrow column ('fredag 10 mars –
    söndag 12') is as many words long, but its numbers and dashes are no prose."""
    return sum(not _NOT_PROSE_RE.search(part) for part in word.text.split()) >= _SENTENCE_WORDS


def right_edge(words, header, height: float, max_gap: float, y_max) -> float:
    """Where the table ends on the right: the first gutter right of the last header that no
    text of the table's rows bridges, so a note box or a list of names beside the table,
    its lines interleaving with the rows (and the header), is never read into the table.
    ``words`` are the whole page's: labels may start left of the label header."""
    last = header[-1]
    below = max(w.bottom for w in header)
    body = [w for w in words if w.top >= below - 0.2 * height and (y_max is None or w.top < y_max)]
    groups = table_bands(body, height, below, max_gap)
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
        spans = [(min(v.top for v in g), max(v.bottom for v in g)) for g in lines_of(left, height)]
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

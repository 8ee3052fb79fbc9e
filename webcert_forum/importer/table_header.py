"""A table's header band: the header words given, every word chained vertically to them
(a header wrapped over two lines), and up to two rows of merged group cells above, set
aside; then the header cells that name columns, and a total column merged over the header
rows beyond the given words."""

from __future__ import annotations

from collections.abc import Sequence

from .read import Word
from .table_cells import Column, parse_count, same_line

# A gap between two header lines wider than this (in word heights) parts two header rows
# (cell padding on both sides); wrapped lines of one cell stand closer.
_ROW_GAP = 0.45


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


def header_band(words: Sequence[Word], header: Sequence[Word], height: float) -> list[Word]:
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


def without_group_cells(band: Sequence[Word], height: float) -> list[Word]:
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


def header_columns(band: Sequence[Word]) -> list[Column]:
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


def continued_header(words: Sequence[Word], band: Sequence[Word], x_max: float, pitch):
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

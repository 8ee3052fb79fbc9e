"""The statistics slides: certificates issued per organisation and type for one month.

"utfärdade intyg <månad>" counts every channel; "Webcert Fristående <månad>" only the
standalone Webcert. The month comes from the title (a stray word on the slide may name
another month); an empty cell is no entry, not a zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import find_month, statistics_month
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide, Word
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import (
    Table,
    is_empty_cell,
    parse_count,
    read_table,
    same_line,
)
from webcert_forum.importer.validate import StatisticsCollector, row_sum_mismatch


def parse_statistics(slides: Sequence[Slide], ctx: ParseContext) -> tuple[list, list]:
    counts: list[dict] = []
    totals: list[dict] = []
    for slide in slides:
        table = _statistics_table(slide, ctx)
        if table is None:
            ctx.warn(f"Slide {slide.number} ({slide.title}): no statistics table found.")
            continue
        # A table of a month in which every cell is empty is printed all the same.
        ctx.section_printed("certificate_counts", "certificate_totals")
        month = _month(slide, ctx)
        if month is None:
            continue
        channel = slide.section.channel
        types = _column_types(table, slide, ctx)
        body = [row.cells for row in table.rows if not _is_sum_row(row.cells[0])]
        for cells in body:
            _read_row(cells, types, month, channel, slide, ctx, counts, totals)
        for row in table.rows:
            if _is_sum_row(row.cells[0]):
                _check_sum_row(row.cells, body, slide, ctx)
    return counts, totals


_TOTAL_WORDS = ("total", "summa")


def _is_sum_row(label: str) -> bool:
    return fold(label).startswith(_TOTAL_WORDS)


def _check_sum_row(cells: list[str], body: list[list[str]], slide: Slide, ctx) -> None:
    """A printed column-total row is a checksum, not an organisation."""
    for index, cell in enumerate(cells[1:], start=1):
        printed = parse_count(cell)
        if printed is None:
            continue
        total = sum(parse_count(row[index]) or 0 for row in body if index < len(row))
        if total != printed:
            ctx.warn(
                f"Slide {slide.number}: column {index} adds up to {total} "
                f"but the printed '{' '.join(cells[0].split())}' row says {printed}."
            )


def _is_header_word(word: Word, ctx: ParseContext) -> bool:
    return bool(ctx.reference.certificate_type(word.text)) or fold(word.text).startswith(
        _TOTAL_WORDS
    )


def _statistics_table(slide: Slide, ctx: ParseContext) -> Table | None:
    """The table under the line holding most type names (a type named in prose elsewhere
    is not a header); the table reader finds its columns, group rows and label column."""
    words = slide.words or []
    candidates = [w for w in words if _is_header_word(w, ctx) or _wrapped_type(w, words, ctx)]
    if not candidates:
        return None
    anchor_line = max(candidates, key=lambda c: sum(1 for w in candidates if same_line(w, c)))
    anchors = [w for w in candidates if same_line(w, anchor_line)]
    label_header = _label_header(words, anchors, ctx)
    header = anchors if label_header is None else [label_header, *anchors]
    return read_table(
        words, header, x_min=0.0 if label_header is None else None, rules=slide.rules,
        never_empty=_is_total_header,
    )  # fmt: skip


def _wrapped_type(word: Word, words: Sequence[Word], ctx: ParseContext) -> bool:
    """The first line of a type code wrapped in its header cell ("TS" over "bas")."""
    return any(
        v.x0 < word.x1 and word.x0 < v.x1 and 0 <= v.top - word.bottom < 0.35 * word.height
        and ctx.reference.certificate_type(f"{word.text} {v.text}") is not None
        for v in words
    )  # fmt: skip


def _is_total_header(header: str) -> bool:
    """The row total's column: a number in every row that has any."""
    return fold(header).startswith(_TOTAL_WORDS)


def _label_header(words: Sequence[Word], anchors: Sequence[Word], ctx: ParseContext) -> Word | None:
    """The label column's header: the table's first column, so the leftmost word left of
    the type codes within the header's rows - beside the codes, merged over several header
    rows, or written in the top one only. Between it and the first named type may stand a
    type column whose header no list names word by word ("TS" over "bas", an unknown type),
    its lines above and below the codes' own where headers wrap and are centred."""
    first = min(anchors, key=lambda w: w.x0)
    top = min(w.top for w in anchors) - 3.5 * first.height
    # Centred over the header rows or in the top one: never below the codes' own line.
    bottom = max(w.bottom for w in anchors)
    candidates = [
        w for w in words if w.x1 <= first.x0 + 1 and w.bottom > top and w.centre_y < bottom
        and w.height <= 1.4 * first.height and not _is_header_word(w, ctx)
    ]  # fmt: skip
    return min(candidates, key=lambda w: (w.x0, w.top), default=None)


def _month(slide: Slide, ctx: ParseContext) -> str | None:
    section = slide.section
    month = section.month
    if month is None:
        month = find_month(slide.text)
        if month is None:
            ctx.warn(f"Slide {slide.number} ({slide.title}): the title names no month; skipped.")
            return None
        ctx.warn(f"Slide {slide.number} ({slide.title}): month taken from the slide text.")
    return statistics_month(month, ctx.meeting_date, section.year)


def _column_types(table: Table, slide: Slide, ctx: ParseContext) -> list[str | None]:
    """Per column: a type code, "total" for the row total, None for the label column."""
    types: list[str | None] = [None]
    for column in table.columns[1:]:
        header = " ".join(column.header.split())
        code = _header_type(header, ctx)
        if code == "total":
            types.append("total")
            continue
        if code is None:
            ctx.warn(
                f"Slide {slide.number}: column '{header}' is not a known certificate type; "
                "kept with its printed header as type."
            )
            code = header
        types.append(code)
    return types


def _header_type(header: str, ctx: ParseContext) -> str | None:
    """The type code (or "total") a column's header names."""
    code = ctx.reference.certificate_type(header)
    if code is not None:
        return code
    return "total" if fold(header).startswith(_TOTAL_WORDS) else None


def _read_row(cells, types, month, channel, slide, ctx, counts, totals) -> None:
    label = " ".join(cells[0].split())
    values = {i: cell for i, cell in enumerate(cells) if i and not is_empty_cell(cell)}
    if not label:
        if values:
            ctx.warn(f"Slide {slide.number}: numbers without an organisation: {values}.")
        return
    org = ctx.organisation(label, slide.number)
    cells, total = [], None
    for index, cell in values.items():
        count = parse_count(cell)
        if count is None:
            ctx.warn(f"Slide {slide.number}, {label}: '{cell}' is not a count; ignored.")
            continue
        if types[index] == "total":
            total = count
            totals.append({"month": month, "channel": channel, "org": org, "total": count})
        else:
            cells.append(count)
            counts.append(
                {"month": month, "channel": channel, "org": org, "type": types[index],
                 "count": count}
            )  # fmt: skip
    # The row's own sum, checked as it is read: nothing is kept for a check at the end.
    mismatch = total is not None and row_sum_mismatch(month, channel, org, cells, total)
    if mismatch:
        ctx.warn(mismatch)


# The statistics' part of the minutes document (webcert_forum.importer.parts).
PARTS = (
    MinutesPart(
        keys=("certificate_counts", "certificate_totals"),
        kinds=("statistics",),
        parse=parse_statistics,
        organisation_fields={"certificate_counts": "org", "certificate_totals": "org"},
        expected="certificate statistics",
        # A table printed again is dropped (or the deck refused) and standalone counts are
        # checked against all channels as each slide is collected.
        collector=StatisticsCollector,
        save="certificate_statistics.services.save_certificate_counts",
        changes="certificate_statistics.changes.statistics_changes",
    ),
)

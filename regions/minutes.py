"""The regions' slides: planned service windows and DB/DOI connection dates."""

from __future__ import annotations

from collections.abc import Sequence

from webcert_forum.importer.classify import CONNECTION_HEADER_WORD, SERVICE_WINDOW_HEADERS
from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import Window, read_dates
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import is_empty_cell, two_column_tables


def parse_service_windows(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'3-4 juni + 30 juni' is two windows; yearless dates get the meeting's window year."""
    windows = []
    for slide in slides:
        for table in two_column_tables(
            slide, lambda text: text.rstrip(":") in SERVICE_WINDOW_HEADERS
        ):
            ctx.section_printed("service_windows")  # a table with no rows: nothing planned
            for row in table.rows:
                label, when = row.cells[0], " ".join(row.cells[1:]).strip()
                if not label.strip():
                    continue
                org = ctx.organisation(label, slide.number)
                read = _read(when, slide.number, label, ctx)
                for window in read:
                    if window.month_only:
                        ctx.warn(f"Slide {slide.number}, {label}: '{window.text}' names no day.")
                        continue
                    windows.append({"org": org, **_window_entry(window)})
    return windows


def _window_entry(window: Window) -> dict:
    """Times only when printed, so a window without them reads as before."""
    entry = {"start": window.start.isoformat(), "end": window.end.isoformat()}
    if window.start_time is not None:
        entry["start_time"] = window.start_time.strftime("%H:%M")
    if window.end_time is not None:
        entry["end_time"] = window.end_time.strftime("%H:%M")
    return entry


def _read(cell: str, slide: int, label: str, ctx: ParseContext) -> list[Window]:
    """The cell's dates; what cannot be read is a warning naming the text, never a silent gap."""
    read, unread = read_dates(cell, ctx.meeting_date)
    for text in unread:
        ctx.warn(f"Slide {slide}, {label}: '{text}' is not a date.")
    if not is_empty_cell(cell) and not read and not unread:
        ctx.warn(f"Slide {slide}, {label}: no date in '{cell}'.")
    return read


def parse_connection_dates(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """A cell may hold several dates; a month alone ('2022-06 (prel.)') stays a month."""
    entries = []
    for slide in slides:
        for table in two_column_tables(slide, lambda text: CONNECTION_HEADER_WORD in text):
            ctx.section_printed("connection_dates")
            for row in table.rows:
                label, cell = row.cells[0], " ".join(row.cells[1:]).strip()
                if not label.strip():
                    continue
                read = _read(cell, slide.number, label, ctx)
                entries.append(
                    {
                        "org": ctx.organisation(label, slide.number),
                        "dates": [_connection_date(w) for w in read],
                        "preliminary": "prel" in fold(cell),
                    }
                )
    return entries


def _connection_date(window: Window) -> str:
    # A connection happens on one day: a range or week gives its first day.
    return window.start.isoformat()[:7] if window.month_only else window.start.isoformat()


# The regions' part of the minutes document (webcert_forum.importer.parts).
PARTS = (
    MinutesPart(
        keys=("service_windows",),
        kinds=("service_windows",),
        parse=parse_service_windows,
        organisation_fields={"service_windows": "org"},
        expected="service windows (Drift regioner)",
        save="regions.services.save_service_windows",
        changes="regions.changes.window_changes",
    ),
    MinutesPart(
        keys=("connection_dates",),
        kinds=("connection_dates",),
        parse=parse_connection_dates,
        organisation_fields={"connection_dates": "org"},
        expected="DB/DOI connection dates (Anslutningsdatum)",
        save="regions.services.save_connection_dates",
        changes="regions.changes.connection_changes",
    ),
)

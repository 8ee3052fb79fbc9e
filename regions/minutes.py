"""The regions' slides: planned service windows and DB/DOI connection dates."""

from __future__ import annotations

from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import iso_months, parse_date, parse_ranges
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import two_column_tables


def parse_service_windows(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'3-4 juni + 30 juni' is two windows; yearless dates get the meeting's window year."""
    windows = []
    for slide in slides:
        for table in two_column_tables(slide, lambda text: text in ("datum", "datum/tid", "när")):
            for row in table.rows:
                label, when = row.cells[0], " ".join(row.cells[1:]).strip()
                if not label.strip():
                    continue
                org = ctx.organisation(label, slide.number)
                ranges = parse_ranges(when, ctx.meeting_date)
                if not ranges:
                    ctx.warn(f"Slide {slide.number}, {label}: no date in '{when}'.")
                for start, end in ranges:
                    windows.append({"org": org, "start": start.isoformat(), "end": end.isoformat()})
    return windows


def parse_connection_dates(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """A cell may hold several dates; a month alone ('2022-06 (prel.)') stays a month."""
    entries = []
    for slide in slides:
        for table in two_column_tables(slide, lambda text: text.startswith("anslutning")):
            for row in table.rows:
                label, cell = row.cells[0], " ".join(row.cells[1:]).strip()
                if not label.strip():
                    continue
                dates = iso_months(cell)
                if not dates and cell:
                    date = parse_date(cell, ctx.meeting_date)
                    dates = [date.isoformat()] if date else []
                if cell and not dates:
                    ctx.warn(f"Slide {slide.number}, {label}: no date in '{cell}'.")
                entries.append(
                    {
                        "org": ctx.organisation(label, slide.number),
                        "dates": dates,
                        "preliminary": "prel" in fold(cell),
                    }
                )
    return entries


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

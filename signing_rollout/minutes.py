"""The new signing solution: tests per vendor group and production per organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import read_dates
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import is_empty_cell, two_column_tables


def parse_signing_tests(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'tested_by' when the cell names an organisation, else the cell's text as 'plan'."""
    tests = []
    for slide in slides:
        for table in two_column_tables(slide, _is_tests_header):
            for row in table.rows:
                label, cell = row.cells[0], " ".join(" ".join(row.cells[1:]).split())
                if not label.strip():
                    continue
                tested_by = ctx.reference.organisation(cell) if cell else None
                tests.append(
                    {
                        "vendor_group": ctx.vendor_group(label, slide.number),
                        "tested_by": tested_by,
                        "plan": cell if cell and tested_by is None else None,
                    }
                )
    return tests


def _is_tests_header(header: str) -> bool:
    """ "Tester utförda", "Testat av": not a plan's "Test i juni" in a cell."""
    return header.startswith("tester") or header in ("testat av", "testad av", "testas av")


def _is_production_header(header: str) -> bool:
    """ "Produktion", "I produktion", "Produktionsdatum", "Driftsättning": not a cell's
    status ("Driftsatt", "I drift sedan maj")."""
    return header in ("produktion", "i produktion", "driftsättning") or header.startswith(
        "produktionsdatum"
    )


def parse_signing_production(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'Klart' is done, a date is planned ('Prel' makes it preliminary), empty not reported."""
    entries = []
    for slide in slides:
        for table in two_column_tables(slide, _is_production_header):
            for row in table.rows:
                label, cell = row.cells[0], " ".join(" ".join(row.cells[1:]).split())
                if not label.strip():
                    continue
                entry = production_status(cell, ctx)
                if entry is None:
                    ctx.warn(f"Slide {slide.number}, {label}: production status '{cell}' unread.")
                    entry = _status("not_reported")
                elif entry.pop("month_only", False):
                    ctx.warn(
                        f"Slide {slide.number}, {label}: '{cell}' names a month only; "
                        f"read as its first day, {entry['date']}."
                    )
                entries.append({"org": ctx.organisation(label, slide.number), **entry})
    return entries


def _status(status: str, date: str | None = None, preliminary: bool = False) -> dict:
    return {"status": status, "date": date, "preliminary": preliminary}


def production_status(cell: str, ctx: ParseContext) -> dict | None:
    folded = fold(cell)
    if is_empty_cell(folded):
        return _status("not_reported")
    if re.match(r"^(?:klart|klar|ja|i produktion|i drift|driftsatt|produktionssatt)\b", folded):
        return _status("done")
    if folded in ("✓", "✔"):
        return _status("done")
    preliminary = "prel" in folded
    read, _ = read_dates(cell, ctx.meeting_date)
    if not read:
        return None
    # The model holds a day: a month alone ("prel. juni") becomes its first day, a week
    # ("v. 41") its Monday, a range its start.
    entry = _status("planned", read[0].start.isoformat(), preliminary)
    return {**entry, "month_only": True} if read[0].month_only else entry


# The signing roll-out's part of the minutes document (webcert_forum.importer.parts).
PARTS = (
    MinutesPart(
        keys=("signing_tests",),
        kinds=("signing",),
        parse=parse_signing_tests,
        organisation_fields={"signing_tests": "tested_by"},
        expected="signing tests per vendor group",
        save="signing_rollout.services.save_signing_tests",
        changes="signing_rollout.changes.signing_test_changes",
    ),
    MinutesPart(
        keys=("signing_production",),
        kinds=("signing",),
        parse=parse_signing_production,
        organisation_fields={"signing_production": "org"},
        expected="signing production per organisation",
        save="signing_rollout.services.save_production_statuses",
        changes="signing_rollout.changes.production_changes",
    ),
)

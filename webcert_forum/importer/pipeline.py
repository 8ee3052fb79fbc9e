"""read -> classify -> tables (per section) -> resolve -> validate: the minutes document.

Each app owns the parser of its slides (``regions.minutes``, ``releases.minutes``, …);
this module only routes slides to them and assembles ``webcert-forum-minutes/1``.
"""

from __future__ import annotations

import datetime as dt

from certificate_statistics.minutes import parse_statistics
from regions.minutes import parse_connection_dates, parse_service_windows
from releases.minutes import parse_release
from signing_rollout.minutes import parse_signing_production, parse_signing_tests
from webcert_forum import minutes as forum

from . import read as reading
from . import validate
from .classify import FORUM_KINDS, classify_slides, needs_layout
from .context import ParseContext
from .errors import MinutesImportError
from .reference import Reference, default_reference

SCHEMA = "webcert-forum-minutes/1"


def parse_minutes(
    source, meeting_date: dt.date | None = None, reference: Reference | None = None
) -> dict:
    """The minutes document of a forum deck (path, binary file object or bytes).

    Raises ``MinutesImportError`` for a file a person must fix; everything the parser
    could not settle inside a readable deck goes to ``warnings`` and ``unresolved``.
    """
    data = reading.read_bytes(source, max_bytes=reading.MAX_BYTES)
    slides = reading.read_slides(data, needs_layout, max_pages=reading.MAX_PAGES)
    classify_slides(slides)
    if not any(s.section is not None and s.section.kind in FORUM_KINDS for s in slides):
        raise MinutesImportError("not_minutes")
    meeting_date = meeting_date or forum.deck_meeting_date(slides)
    if meeting_date is None:
        raise MinutesImportError("no_meeting_date")
    ctx = ParseContext(meeting_date, reference or default_reference())
    return build_document(slides, ctx)


def build_document(slides: list[reading.Slide], ctx: ParseContext) -> dict:
    def of(kind: str) -> list[reading.Slide]:
        return [s for s in slides if s.section is not None and s.section.kind == kind]

    counts, totals = parse_statistics(of("statistics"), ctx)
    document = {
        "schema": SCHEMA,
        "meeting": {
            "date": ctx.meeting_date.isoformat(),
            "next_meeting": forum.parse_next_meeting(of("next_meeting"), ctx),
        },
        "attendance": forum.parse_attendance(of("attendance"), ctx),
        "service_windows": parse_service_windows(of("service_windows"), ctx),
        "release": parse_release(of("release"), ctx),
        "connection_dates": parse_connection_dates(of("connection_dates"), ctx),
        "signing_tests": parse_signing_tests(of("signing"), ctx),
        "signing_production": parse_signing_production(of("signing"), ctx),
        "certificate_counts": counts,
        "certificate_totals": totals,
    }
    for warning in (
        validate.row_sum_mismatches(counts, totals)
        + validate.standalone_exceeding_all(counts)
        + validate.missing_sections(document)
    ):
        ctx.warn(warning)
    document["warnings"] = ctx.warnings
    document["unresolved"] = ctx.unresolved
    document["slides"] = [{"number": s.number, "title": s.title, "text": s.text} for s in slides]
    document["incidents"] = forum.parse_incidents(of("status"), ctx)
    document["timeline"] = forum.parse_timeline(of("timeline"), ctx)
    document["questions"] = forum.parse_questions(slides, ctx)
    return document

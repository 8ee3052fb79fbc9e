"""read -> classify -> tables (per section) -> resolve -> validate: the minutes document.

Each app owns the parser of its slides (``regions.minutes``, ``releases.minutes``, …);
this module only routes slides to them and assembles ``webcert-forum-minutes/1``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

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
    with reading.Deck(data, max_pages=reading.MAX_PAGES) as deck:
        slides = deck.slides()
        reference = reference or default_reference()
        is_type = reference.certificate_type
        classify_slides(slides, is_type)
        if not any(s.section is not None and s.section.kind in FORUM_KINDS for s in slides):
            raise MinutesImportError("not_minutes")
        meeting_date = meeting_date or _forum().deck_meeting_date(slides)
        if meeting_date is None:
            raise MinutesImportError("no_meeting_date")
        ctx = ParseContext(meeting_date, reference)
        parts: dict[str, list] = defaultdict(list)
        for slide in slides:
            if slide.section is None:
                continue
            if needs_layout(slide.title, slide.text, is_type):
                deck.add_layout(slide)
            parse_slide(slide, ctx, parts)
            deck.drop_layout(slide)
    return assemble(slides, parts, ctx)


@cache
def parsers() -> dict[str, dict]:
    """Section kind -> the parsers (owned by the apps) that read a slide of it.

    Imported here, not at module level: the apps' parsers import the importer's helpers,
    so importing e.g. ``regions.minutes`` first must not loop back into them.
    """
    from certificate_statistics.minutes import parse_statistics
    from regions.minutes import parse_connection_dates, parse_service_windows
    from releases.minutes import parse_release
    from signing_rollout.minutes import parse_signing_production, parse_signing_tests
    from webcert_forum import minutes as forum

    return {
        "attendance": {"attendance": forum.parse_attendance},
        "service_windows": {"service_windows": parse_service_windows},
        "release": {"release": parse_release},
        "connection_dates": {"connection_dates": parse_connection_dates},
        "signing": {
            "signing_tests": parse_signing_tests,
            "signing_production": parse_signing_production,
        },
        "statistics": {"statistics": parse_statistics},
        "next_meeting": {"next_meeting": forum.parse_next_meeting},
        "status": {"incidents": forum.parse_incidents},
        "timeline": {"timeline": forum.parse_timeline},
    }


def parse_slide(slide: reading.Slide, ctx: ParseContext, parts: dict[str, list]) -> None:
    """Run the slide's parsers; results collect per document key, in slide order."""
    for key, parser in parsers().get(slide.section.kind, {}).items():
        result = parser([slide], ctx)
        if key == "statistics":
            counts, totals = result
            parts["certificate_counts"] += counts
            parts["certificate_totals"] += totals
        elif isinstance(result, list):
            parts[key] += result
        elif result is not None:
            parts[key].append(result)


def assemble(slides: list[reading.Slide], parts: dict[str, list], ctx: ParseContext) -> dict:
    counts, totals = parts["certificate_counts"], parts["certificate_totals"]
    document = {
        "schema": SCHEMA,
        "meeting": {
            "date": ctx.meeting_date.isoformat(),
            "next_meeting": next(iter(parts["next_meeting"]), None),
        },
        "attendance": parts["attendance"],
        "service_windows": parts["service_windows"],
        "release": next(iter(parts["release"]), None),
        "connection_dates": parts["connection_dates"],
        "signing_tests": parts["signing_tests"],
        "signing_production": parts["signing_production"],
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
    document["incidents"] = parts["incidents"]
    document["timeline"] = parts["timeline"]
    document["questions"] = _forum().parse_questions(slides, ctx)
    return document


def _forum():
    from webcert_forum import minutes

    return minutes

"""read -> classify -> tables (per section) -> resolve -> validate: the minutes document.

Each app owns the parser of its slides and declares its part of the document in its
``minutes.py`` (``parts.MinutesPart``); this module only routes slides to the registered
parts and assembles ``webcert-forum-minutes/1``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from . import read as reading
from . import validate
from .classify import FORUM_KINDS, classify_slides, needs_layout
from .context import ParseContext
from .cover import deck_meeting_date
from .errors import MinutesImportError
from .parts import MinutesPart, registered
from .reference import Reference

SCHEMA = "webcert-forum-minutes/1"


def parse_minutes(
    source,
    meeting_date: dt.date | None = None,
    reference: Reference | None = None,
    parts: Sequence[MinutesPart] | None = None,
) -> dict:
    """The minutes document of a forum deck (path, binary file object or bytes).

    ``reference`` holds the label lists (the site passes the database's; without one, the
    CSV fixtures); ``parts`` the document's parts (by default the registered ones).

    Raises ``MinutesImportError`` for a file a person must fix; everything the parser
    could not settle inside a readable deck goes to ``warnings`` and ``unresolved``.
    """
    data = reading.read_bytes(source, max_bytes=reading.MAX_BYTES)
    with reading.Deck(data, max_pages=reading.MAX_PAGES) as deck:
        slides = deck.slides()
        reference = reference or Reference.from_fixtures()
        is_type = reference.certificate_type
        classify_slides(slides, is_type)
        for slide in slides:
            # Only the classifier reads a page's lines by position, and they are no part of
            # the document: let them go before the slides are parsed.
            slide.lines = ""
        if not any(s.section is not None and s.section.kind in FORUM_KINDS for s in slides):
            # A scan with a typed cover: most slides are images, so say that, not "not minutes".
            scanned = sum(not s.text for s in slides) > len(slides) / 2
            raise MinutesImportError("no_text_layer" if scanned else "not_minutes")
        meeting_date = meeting_date or deck_meeting_date(slides)
        if meeting_date is None:
            raise MinutesImportError("no_meeting_date")
        ctx = ParseContext(meeting_date, reference)
        parts = registered() if parts is None else list(parts)
        found = Collected(parts, ctx)
        for slide in slides:
            if slide.section is None:
                continue
            if needs_layout(slide):
                deck.add_layout(slide)
            parse_slide(slide, ctx, parts, found)
            deck.drop_layout(slide)
    return assemble(slides, parts, found, ctx)


def parse_slide(
    slide: reading.Slide, ctx: ParseContext, parts: Sequence[MinutesPart], found: Collected
) -> None:
    """Run the parsers of the parts that read the slide; results collect per document key,
    in slide order."""
    for part in parts:
        if slide.section.kind in part.kinds and not part.whole_deck:
            found.add(part, part.parse([slide], ctx))


class Collected:
    """The document's values per key as the slides are read. A part with a ``collector``
    adds its own values (checking them on the way in, one slide at a time); the others'
    are appended."""

    def __init__(self, parts: Sequence[MinutesPart], ctx: ParseContext) -> None:
        self.values: dict[str, list] = defaultdict(list)
        self._ctx = ctx
        self._collectors = {id(part): part.collector() for part in parts if part.collector}

    def add(self, part: MinutesPart, result) -> None:
        results = result if len(part.keys) > 1 else (result,)
        collector = self._collectors.get(id(part))
        if collector is not None:
            for warning in collector([self.values[key] for key in part.keys], results):
                self._ctx.warn(warning)
            return
        for key, value in zip(part.keys, results, strict=True):
            if isinstance(value, list):
                self.values[key] += value
            elif value is not None:
                self.values[key].append(value)


def assemble(
    slides: list[reading.Slide],
    parts: Sequence[MinutesPart],
    found: Collected,
    ctx: ParseContext,
) -> dict:
    for part in parts:
        if part.whole_deck:
            found.add(part, part.parse(slides, ctx))
    values = {}
    for part in parts:
        for key in part.keys:
            held = found.values[key]
            values[key] = next(iter(held), None) if part.single else held
    for warning in validate.missing_sections(values, parts, ctx.printed):
        ctx.warn(warning)
    document = {
        "schema": SCHEMA,
        # The next meeting is part of the meeting's own header, not a section of its own.
        "meeting": {
            "date": ctx.meeting_date.isoformat(),
            "next_meeting": values.pop("next_meeting", None),
        },
        **values,
        "warnings": ctx.warnings,
        "unresolved": ctx.unresolved,
        "slides": [{"number": s.number, "title": s.title, "text": s.text} for s in slides],
    }
    return document

"""Classify: slide title -> which section parser reads the slide.

By words, not numbers: decks renumber their slides ("7d." one month, "8c." the next).
A "(forts.)" slide continues the section before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import find_month
from .read import Slide
from .reference import fold

# (kind, words any of which in the folded title selects it), first match wins.
_TITLE_WORDS = (
    ("statistics", ("statistik",)),
    ("attendance", ("deltagare", "närvar")),
    ("status", ("hur mår webcert",)),
    ("service_windows", ("drift regioner", "servicefönster")),
    ("release", ("uppdatering av applikationen", "release")),
    ("connection_dates", ("dödsbevis", "dödsorsaksintyg")),
    ("timeline", ("framtida förändringar",)),
    ("signing", ("signering", "underskriftslösning")),
    ("next_meeting", ("nästa möte",)),
    ("questions", ("frågor",)),
)
# Sections read by coordinates; the rest are read from the page text alone.
LAYOUT_KINDS = {
    "attendance", "service_windows", "release", "connection_dates", "timeline", "signing",
    "statistics",
}  # fmt: skip
FORUM_KINDS = {kind for kind, _ in _TITLE_WORDS}


@dataclass(frozen=True, slots=True)
class Section:
    kind: str
    channel: str | None = None
    month: int | None = None
    year: int | None = None
    continued: bool = False


def strip_numbering(title: str) -> str:
    return re.sub(r"^\s*\d+\s*[a-zA-Z]?\s*[.:)]\s*", "", title).strip()


def is_continuation(title: str) -> bool:
    return bool(re.search(r"\bforts\b\.?|\(forts|fortsättning", title, re.IGNORECASE))


def classify(title: str, text: str = "") -> Section | None:
    folded = fold(strip_numbering(title))
    continued = is_continuation(title)
    for kind, words in _TITLE_WORDS:
        if any(word in folded for word in words):
            if kind == "statistics":
                return _statistics(folded, continued)
            return Section(kind, continued=continued)
    if "anslutningsdatum" in fold(text):
        return Section("connection_dates")
    return None


def _statistics(folded: str, continued: bool) -> Section:
    channel = "standalone" if "fristående" in folded else "all"
    year = re.search(r"\b(20\d\d)\b", folded)
    return Section(
        "statistics",
        channel=channel,
        month=find_month(folded.split("statistik", 1)[-1]),
        year=int(year.group(1)) if year else None,
        continued=continued,
    )


def needs_layout(title: str, text: str) -> bool:
    section = classify(title, text)
    return (section is not None and section.kind in LAYOUT_KINDS) or is_continuation(title)


def classify_slides(slides: Sequence[Slide]) -> None:
    """Set ``slide.section``; a continuation slide without its own title inherits."""
    previous = None
    for slide in slides:
        section = classify(slide.title, slide.text)
        if section is None and is_continuation(slide.title) and previous is not None:
            section = Section(
                previous.kind, previous.channel, previous.month, previous.year, continued=True
            )
        slide.section = section
        if section is not None:
            previous = section

"""Running headers and footers: text a deck repeats at the same place on many slides.

The deck's title, the organisation's name, the meeting's own date and the page number are
set aside before any section is read, so a footer never becomes a table row, an
organisation label, the slide title or the next meeting. A candidate is a line in the
page's outer band (top or bottom ``BAND`` of the height), set apart from the body by a
gap, not in the title's font. It is furniture when its shape (digits as '#', so "5/23"
and "6/23" are one shape) stands at the same distance from the same edge on enough
pages; a page number is furniture on its own, since a one- or two-page deck has no
repetition to learn from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise

from .glyphs import Word

BAND = 0.12
MIN_PAGES = 3
SHARE = 0.3
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:sida|sid\.?|s\.|page|p\.)?\s*[-–—(\[]?\s*\d{1,3}\s*"
    r"(?:(?:/|av|of|\(|\|)\s*\d{1,3}\s*\)?)?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
Key = tuple


def candidates(
    lines: Sequence[list[Word]], height: float, title_size: float
) -> list[tuple[int, bool]]:
    """The page's lines (``glyphs.text_lines``) in its outer band, not in the title's font:
    what may be furniture, each with whether it is set apart from the body by a gap wider
    than the body's own line gaps next to it. Only lines set apart teach what the deck
    repeats (so the last rows of a long table never do); once learnt, a repeated line is
    set aside even where it sits close to a table."""
    boxes = [(min(w.top for w in line), max(w.bottom for w in line)) for line in lines]
    header_end, footer_start = BAND * height, (1 - BAND) * height
    body = sorted(box for box in boxes if box[0] > header_end and box[1] < footer_start)
    found = []
    for index, (line, (top, bottom)) in enumerate(zip(lines, boxes, strict=True)):
        if any(w.size >= title_size - 0.5 for w in line):
            continue
        if bottom <= header_end:
            near = body[:4]
            gap = near[0][0] - bottom if near else height
        elif top >= footer_start:
            near = body[-4:]
            gap = top - near[-1][1] if near else height
        else:
            continue
        own = max((b[0] - a[1] for a, b in pairwise(near)), default=0.0)
        found.append((index, gap >= 0.5 * (bottom - top) and gap > 1.5 * own))
    return found


def keys(word: Word, width: float, height: float) -> tuple[Key, ...]:
    """Where a word stands, as distance from the edges it may be aligned to (2 pt bins)."""
    shape = _DIGITS.sub("#", " ".join(word.text.split()).casefold())
    if word.top < height / 2:
        y = ("top", round(word.top / 2))
    else:
        y = ("bottom", round((height - word.bottom) / 2))
    return (
        (shape, y, "left", round(word.x0 / 2)),
        (shape, y, "right", round((width - word.x1) / 2)),
        (shape, y, "centre", round((word.centre_x - width / 2) / 2)),
    )


def is_page_number(text: str, number: int, page_count: int) -> bool:
    """'5', '5/23', 'Sida 5 av 23', '- 5 -' on page 5 of 23."""
    text = " ".join(text.split())
    if not _PAGE_NUMBER.match(text):
        return False
    numbers = [int(n) for n in _DIGITS.findall(text)]
    return numbers[0] == number or numbers[-1] == page_count > numbers[0]


class Furniture:
    """What the deck repeats, learnt from every page's candidate lines."""

    def __init__(self, pages: Iterable[list[tuple[Key, ...]]], page_count: int):
        self.page_count = page_count
        seen: Counter = Counter()
        for page in pages:
            seen.update({key for word_keys in page for key in word_keys})
        need = max(MIN_PAGES, math.ceil(SHARE * page_count))
        self.repeated = {key for key, count in seen.items() if count >= need}

    def words(
        self,
        lines: Sequence[list[Word]],
        apart: Sequence[bool],
        number: int,
        width: float,
        height: float,
    ) -> list[Word]:
        """The words of page ``number``'s band lines that are furniture."""
        return [
            word for line, alone in zip(lines, apart, strict=True) for word in line
            if (alone and is_page_number(word.text, number, self.page_count))
            or any(key in self.repeated for key in keys(word, width, height))
        ]  # fmt: skip

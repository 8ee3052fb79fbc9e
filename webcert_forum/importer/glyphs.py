"""Glyphs -> words, lines, title and ruling lines, from pypdfium2 alone.

Built from each glyph's position, never from the order or the spaces in the content stream:
a print driver draws every glyph on its own and leaves word gaps as positions only, and a
table may be written column by column. So glyphs are grouped by baseline, ordered by x,
joined into a word where they touch, with a space where the gap is about a space wide, and
split where the gap is wider (the next cell or text box). Space glyphs are dropped and their
gaps re-derived, so decks with and without them give the same words.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass

# In ems of the glyph's font size: a gap this wide is a space; wider ends the phrase.
SPACE_GAP = 0.12
PHRASE_GAP = 0.55
BASELINE_TOLERANCE = 0.2
_BLANK = {0x20, 0xA0, 0x202F, 0x2009, 0x09, 0x0A, 0x0D, 0x0C, 0x00}
# pdfium's marks for a hyphen at a line break ("Total-" / "summa").
_HYPHENS = {0xFFFE, 0x02}


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0  # the font size, in points

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Rule:
    """A vertical ruling line (or the side of a cell's rectangle) on the page."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    offset: int = 0


@dataclass(frozen=True)
class Upright:
    """A page as it is displayed: pdfium gives positions in the page's own space, which a
    page stored portrait with /Rotate 90 turns a quarter for display (some exporters store
    landscape slides so). ``width`` and ``height`` are the stored page's."""

    width: float
    height: float
    rotation: int = 0

    @property
    def size(self) -> tuple[float, float]:
        turned = self.rotation % 180 == 90
        return (self.height, self.width) if turned else (self.width, self.height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) of the page's own space as displayed: x from the left, y from the top."""
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return self.width - x, y
        if self.rotation == 270:
            return self.height - y, self.width - x
        return x, self.height - y

    def box(self, left, bottom, right, top) -> tuple[float, float, float, float]:
        """A rectangle as displayed: x0, x1, top, bottom."""
        (xa, ya), (xb, yb) = self.point(left, bottom), self.point(right, top)
        return min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)


def page_glyphs(textpage, page: Upright) -> tuple[list[Glyph], str]:
    """Every visible glyph of a page in top-down coordinates of the page as displayed (like
    pdfplumber's), and the page's text in pdfium's order (its spaces and line breaks are
    derived from positions too); ``Glyph.offset`` is where the glyph stands in that text."""
    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    glyphs = []
    chars = []
    for index in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, index)
        char = "-" if code in _HYPHENS else chr(code)
        chars.append(char)
        if code in _BLANK or raw.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        raw.FPDFText_GetLooseCharBox(textpage, index, box)
        raw.FPDFText_GetCharOrigin(textpage, index, x, y)
        # The size as printed: the font's size scaled by the glyph's matrix (a deck may set
        # "1 Tf" and scale the text by its matrix instead).
        raw.FPDFText_GetMatrix(textpage, index, matrix)
        scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5 or 1.0
        size = raw.FPDFText_GetFontSize(textpage, index) * scale or (box.top - box.bottom)
        # One em above the font's descent, as pdfminer measures it: row gaps in tables
        # are judged against this height.
        x0, x1, _, bottom = page.box(box.left, box.bottom, box.right, box.top)
        baseline = page.point(x.value, y.value)[1]
        glyphs.append(Glyph(char, x0, x1, bottom - size, bottom, baseline, size, index))
    return glyphs, "".join(chars)


def baseline_runs(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs sharing a baseline (within a fraction of their size), each run sorted by x."""
    runs: list[list[Glyph]] = []
    last = None
    for glyph in sorted(glyphs, key=lambda g: g.baseline):
        if last is not None and glyph.baseline - last <= BASELINE_TOLERANCE * glyph.size:
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
        last = glyph.baseline
    return [sorted(run, key=lambda g: g.x0) for run in runs]


def words_of(glyphs: Sequence[Glyph]) -> list[Word]:
    """Phrases as the table reader expects them ('Region Skåne', '37 732'), top to bottom."""
    return [make_word(text, phrase) for text, phrase in phrases(glyphs)]


def phrases(glyphs: Sequence[Glyph]) -> list[tuple[str, list[Glyph]]]:
    """Glyphs joined where they touch, with a space where the gap is about a space wide,
    split where it is wider; each phrase with its glyphs."""
    found = []
    for run in baseline_runs(glyphs):
        phrase: list[Glyph] = []
        text = ""
        for glyph in run:
            if phrase:
                previous = phrase[-1]
                size = max(glyph.size, previous.size)
                gap = glyph.x0 - previous.x1
                if gap > PHRASE_GAP * size or abs(glyph.size - previous.size) > 0.25 * size:
                    found.append((text, phrase))
                    phrase, text = [], ""
                elif glyph.char == previous.char and abs(glyph.x0 - previous.x0) < 0.1 * size:
                    continue  # the same glyph drawn twice (fake bold, shadow)
                elif gap > SPACE_GAP * size:
                    text += " "
            phrase.append(glyph)
            text += glyph.char
        if phrase:
            found.append((text, phrase))
    return found


def make_word(text: str, glyphs: Sequence[Glyph]) -> Word:
    return Word(
        text,
        min(g.x0 for g in glyphs),
        max(g.x1 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.bottom for g in glyphs),
        max(g.size for g in glyphs),
    )


def text_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words on one line (vertical overlap), lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    bottom = top = 0.0
    for word in sorted(words, key=lambda w: (w.centre_y, w.x0)):
        if lines and word.centre_y <= bottom and word.centre_y >= top:
            lines[-1].append(word)
            bottom, top = max(bottom, word.bottom), min(top, word.top)
        else:
            lines.append([word])
            top, bottom = word.top, word.bottom
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def page_text(words: Sequence[Word]) -> str:
    return "\n".join(" ".join(w.text for w in line) for line in text_lines(words))


def title_of(glyphs: Sequence[Glyph]) -> str:
    """The text in the page's largest font, read by position: what a reader sees as title."""
    sizes = [g.size for g in glyphs if g.size > 0]
    if not sizes:
        return ""
    largest = max(sizes)
    words = words_of([g for g in glyphs if g.size >= largest - 0.5])
    return " ".join(" ".join(w.text for w in line) for line in text_lines(words)).strip()


def vertical_rules(page, upright: Upright) -> list[Rule]:
    """Vertical ruling lines (and the sides of cell rectangles) from the page's paths, as
    the page is displayed."""
    import pypdfium2.raw as raw

    width, height = upright.size
    rules = set()
    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, x1, y0, y1 = upright.box(left.value, bottom.value, right.value, top.value)
        if y1 - y0 < 4 or (x1 - x0 > 0.9 * width and y1 - y0 > 0.9 * height):
            continue  # a horizontal rule, or the slide's background
        if x1 - x0 < 3:
            rules.add(Rule(round((x0 + x1) / 2, 1), round(y0, 1), round(y1, 1)))
        elif raw.FPDFPath_CountSegments(obj) <= 6:
            rules.update(Rule(round(x, 1), round(y0, 1), round(y1, 1)) for x in (x0, x1))
        else:
            rules.update(_segment_rules(obj, upright))
    return sorted(rules, key=lambda r: (r.x, r.top))


def _segment_rules(obj, upright: Upright) -> set[Rule]:
    """The vertical strokes of a path drawn as one object (a whole table grid)."""
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    rules = set()
    previous = start = None
    for index in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = upright.point(
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        kind = raw.FPDFPathSegment_GetType(segment)
        ends = []
        if kind == raw.FPDF_SEGMENT_LINETO and previous is not None:
            ends.append((previous, point))
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            ends.append((point, start))
        for a, b in ends:
            if abs(a[0] - b[0]) < 1.5 and abs(a[1] - b[1]) >= 4:
                top, bottom = min(a[1], b[1]), max(a[1], b[1])
                rules.add(Rule(round((a[0] + b[0]) / 2, 1), round(top, 1), round(bottom, 1)))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        previous = point
    return rules

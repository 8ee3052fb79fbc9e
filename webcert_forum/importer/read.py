"""Read: PDF bytes -> slides (number, title, text; words with coordinates where needed).

Everything comes from the glyphs' positions in pypdfium2 (``glyphs``): words, lines and
titles are built by geometry, so decks without space glyphs or written out of reading order
read like any other, and a page costs a few milliseconds. Running headers and footers are
learnt over all pages (``furniture``) and set aside. Each page is closed as soon as it is
read, so memory follows the largest page.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from . import glyphs
from .errors import MinutesImportError
from .furniture import Furniture, candidates, keys
from .glyphs import Rule, Word

MAX_BYTES = 25 * 1024 * 1024
MAX_PAGES = 200
# A damaged file can make the reader crawl; checked between pages, so one page may overrun.
# Ends before the cage's wall limit (importer/cage.py), itself inside the server's timeout.
TIME_BUDGET_SECONDS = 50.0
TIME_BUDGET_PER_PAGE = 0.0
# Slides hold hundreds of objects; a page with this many is a broken or hostile file.
MAX_OBJECTS_PER_PAGE = 50_000


@dataclass(slots=True)
class Slide:
    number: int
    title: str
    text: str
    width: float = 0.0
    height: float = 0.0
    words: list[Word] | None = None
    rules: list[Rule] = field(default_factory=list)
    section: object = field(default=None, repr=False)
    # The page's lines by position (a table written column by column still shows its
    # header on one line), furniture and all: what the section is judged by besides text.
    # Phrases (a table's cells, a text box beside it) are apart by a tab.
    lines: str = ""


def read_bytes(source, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes of a path, file-like object or bytes, refused early when clearly not a PDF."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.stat().st_size > max_bytes:
            raise MinutesImportError("too_large", f"over {max_bytes // (1024 * 1024)} MB")
        data = path.read_bytes()
    else:
        data = _read_stream(source, max_bytes)
    if not data:
        raise MinutesImportError("empty")
    if len(data) > max_bytes:
        raise MinutesImportError("too_large", f"over {max_bytes // (1024 * 1024)} MB")
    if b"%PDF-" not in data[:1024]:
        raise MinutesImportError("not_pdf")
    return data


def _read_stream(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):
        raise TypeError("open the minutes in binary mode")
    return data


class Deck:
    """An open PDF read from glyph positions (pypdfium2): first every page's title and text,
    with the running headers and footers the deck repeats set aside; then words and rules
    only for the slides read by position, one page at a time (``add_layout``/``drop_layout``).

    Every failure inside the PDF library becomes a ``MinutesImportError``.
    """

    def __init__(self, data: bytes, max_pages: int = MAX_PAGES, time_budget=TIME_BUDGET_SECONDS):
        import pypdfium2 as pdfium

        self._started = time.monotonic()
        self._furniture: dict[int, set[tuple]] = {}
        try:
            self._document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise _pdfium_error(error) from error
        except Exception as error:  # pdfium may fail in ways it does not classify
            raise MinutesImportError("damaged", technical=repr(error)) from error
        self.page_count = len(self._document)
        if self.page_count > max_pages:
            self.close()
            raise MinutesImportError(
                "too_many_pages", f"{self.page_count} pages, at most {max_pages}"
            )
        self._budget = time_budget + TIME_BUDGET_PER_PAGE * self.page_count

    def __enter__(self) -> Deck:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def slides(self) -> list[Slide]:
        """Number, title and text of every page, without the deck's running furniture.

        Only each page's lines of text and its few candidate header/footer lines are kept
        between the two passes, so memory follows the text, not the glyphs."""
        pages = [self._guarded(_read_page, self._document, i) for i in range(self.page_count)]
        if pages and not any(page.has_text for page in pages):
            raise MinutesImportError("no_text_layer")
        learnt = Furniture(
            ([keys(w, p.slide.width, p.slide.height)
              for line, alone in zip(p.edge, p.apart, strict=True) if alone for w in line]
             for p in pages),
            self.page_count,
        )  # fmt: skip
        slides = []
        for index, page in enumerate(pages):
            pages[index] = None  # each page's candidates go as soon as its text is final
            slide = page.slide
            dropped = learnt.words(page.edge, page.apart, slide.number, slide.width, slide.height)
            if dropped:
                self._furniture[slide.number] = {_identity(w) for w in dropped}
            slide.text = _text_without(page, self._furniture.get(slide.number, set()))
            slides.append(slide)
        return slides

    def add_layout(self, slide: Slide) -> None:
        """Words (furniture set aside) and vertical rules of one slide."""
        words, slide.rules = self._guarded(_read_page_layout, self._document, slide.number - 1)
        dropped = self._furniture.get(slide.number, set())
        slide.words = [w for w in words if _identity(w) not in dropped]

    @staticmethod
    def drop_layout(slide: Slide) -> None:
        # Coordinates are the bulk of a slide's memory; once parsed they are not needed.
        slide.words, slide.rules = None, []

    def _guarded(self, read, *args):
        if time.monotonic() - self._started > self._budget:
            raise MinutesImportError("damaged", technical="reading took too long")
        try:
            return read(*args)
        except MinutesImportError:
            raise
        except Exception as error:  # anything escaping pdfium on a corrupt file
            raise MinutesImportError("damaged", technical=repr(error)) from error


def _pdfium_error(error: Exception) -> MinutesImportError:
    if "password" in str(error).casefold():
        return MinutesImportError("encrypted")
    return MinutesImportError("damaged", technical=str(error))


@dataclass(slots=True)
class _Page:
    """One page between the two passes: its slide, its text in pdfium's order, and the
    lines that may be furniture with where each word's glyphs stand in that text."""

    slide: Slide  # its text still pdfium's own, furniture and all, until pass 2
    edge: list[list[Word]]
    apart: list[bool]
    offsets: dict[int, list[int]]
    has_text: bool
    # The page's lines by position, kept only when pdfium's text is not to be trusted
    # (``_order_kept``): the slide text is then rebuilt from them.
    lines: list[list[Word]] | None = None


def _identity(word: Word) -> tuple:
    return (word.text, round(word.x0, 1), round(word.top, 1))


def _open_page(document, index: int):
    import pypdfium2.raw as raw

    page = document[index]
    if raw.FPDFPage_CountObjects(page) > MAX_OBJECTS_PER_PAGE:
        page.close()
        raise MinutesImportError("damaged", technical=f"page {index + 1}: too many objects")
    return page


def _upright(page) -> glyphs.Upright:
    return glyphs.Upright(*page.get_size(), page.get_rotation())


def _page_glyphs(page) -> tuple[list[glyphs.Glyph], str]:
    textpage = page.get_textpage()
    try:
        return glyphs.page_glyphs(textpage, _upright(page))
    finally:
        textpage.close()


def _read_page(document, index: int) -> _Page:
    page = _open_page(document, index)
    try:
        width, height = _upright(page).size
        found, text = _page_glyphs(page)
    finally:
        page.close()
    phrases = glyphs.phrases(found)
    words = [glyphs.make_word(text, glyphs_) for text, glyphs_ in phrases]
    # The title's font, when the page has one larger than its body text; otherwise the page
    # has no title line to keep out of the furniture.
    sizes = sorted(g.size for g in found)
    title_size = sizes[-1] if sizes and sizes[-1] > sizes[len(sizes) // 2] + 1 else float("inf")
    lines = glyphs.text_lines(words)
    band = candidates(lines, height, title_size)
    edge = [lines[i] for i, _ in band]
    in_edge = {id(w) for line in edge for w in line}
    offsets = {
        id(word): [g.offset for g in phrase]
        for word, (_, phrase) in zip(words, phrases, strict=True)
        if id(word) in in_edge
    }
    by_position = "\n".join(" ".join(w.text for w in line) for line in lines)
    phrases_by_line = "\n".join("\t".join(w.text for w in line) for line in lines)
    slide = Slide(number=index + 1, title=glyphs.title_of(found), text=text, width=width,
                  height=height, lines=phrases_by_line)  # fmt: skip
    kept = None if _order_kept(text, by_position) else lines
    return _Page(slide, edge, [alone for _, alone in band], offsets, bool(found), kept)


def _order_kept(text: str, by_position: str) -> bool:
    """Whether pdfium's text holds the page's words as the glyphs' geometry shows them.

    pdfium writes a page's text in the order of its content (text box by text box, which
    keeps a note's lines together where lines by position would interleave them with a
    table beside it) and guesses spaces and line breaks from positions. A print driver's
    glyph-by-glyph text, or glyphs turned with the page, defeat the guess: words come out
    in pieces ('N ä s t a m ö t e'). Then the text is built from the lines by position."""
    words = set(by_position.split())
    pieces = [piece for piece in text.split() if piece not in words]
    # A piece of a word the geometry shows whole ('ril' of 'april'); pdfium may also join
    # what stands apart ('används.2' for a footnote mark), which is harmless.
    joined = "\0".join(words)
    fragments = sum(piece in joined for piece in pieces)
    return fragments <= 0.02 * len(text.split())


def _text_without(page: _Page, dropped: set[tuple]) -> str:
    """The page's text with the furniture's glyphs left out."""
    if page.lines is not None:
        return _clean(
            "\n".join(
                " ".join(w.text for w in line if _identity(w) not in dropped) for line in page.lines
            )
        )
    chars = list(page.slide.text)
    for line in page.edge:
        for word in line:
            if _identity(word) in dropped:
                for offset in page.offsets[id(word)]:
                    chars[offset] = ""
    return _clean("".join(chars))


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (" ".join(line.split()) if "  " in line else line.rstrip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip()).strip()


def _read_page_layout(document, index: int) -> tuple[list[Word], list[Rule]]:
    page = _open_page(document, index)
    try:
        words = glyphs.words_of(_page_glyphs(page)[0])
        return words, glyphs.vertical_rules(page, _upright(page))
    finally:
        page.close()

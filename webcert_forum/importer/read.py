"""Read: PDF bytes -> slides (number, title, text; words with coordinates where needed).

pypdfium2 gives every page's text and title cheaply; pdfplumber's coordinates cost
~10-170 ms a page, so they are extracted only for the slides a section parser reads by
position. Each page is closed as soon as it is read, so memory follows the largest page.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import MinutesImportError

MAX_BYTES = 25 * 1024 * 1024
MAX_PAGES = 200
# A damaged file can make pdfminer crawl; checked between pages, so one page may overrun.
# Ends before the cage's wall limit (importer/cage.py), itself inside the server's timeout.
TIME_BUDGET_SECONDS = 50.0
TIME_BUDGET_PER_PAGE = 0.0
# Slides hold hundreds of objects; a page with this many is a broken or hostile file.
MAX_OBJECTS_PER_PAGE = 50_000
WORD_OPTIONS = {"keep_blank_chars": True, "x_tolerance": 1.5, "y_tolerance": 2}


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

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


@dataclass
class Slide:
    number: int
    title: str
    text: str
    width: float = 0.0
    height: float = 0.0
    words: list[Word] | None = None
    rules: list[Rule] = field(default_factory=list)
    section: object = field(default=None, repr=False)


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
    """An open PDF: every page's text from pypdfium2 first, then coordinates from pdfplumber
    only for the slides that need them, one page at a time (``add_layout``/``drop_layout``).

    Every failure inside the PDF libraries becomes a ``MinutesImportError``.
    """

    def __init__(self, data: bytes, max_pages: int = MAX_PAGES, time_budget=TIME_BUDGET_SECONDS):
        import pypdfium2 as pdfium

        self._data = data
        self._plumber = None
        self._started = time.monotonic()
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
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        if self._document is not None:
            self._document.close()
            self._document = None

    def slides(self) -> list[Slide]:
        """Number, title and text of every page."""
        return [self._guarded(_read_page_text, self._document, i) for i in range(self.page_count)]

    def add_layout(self, slide: Slide) -> None:
        """Words and vertical rules of one slide, from pdfplumber."""
        if self._plumber is None:
            self._plumber = self._guarded(_open_plumber, self._data)
        slide.words, slide.rules = self._guarded(_read_page_words, self._plumber, slide.number - 1)

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
        except Exception as error:  # anything escaping pdfminer/pdfium on a corrupt file
            raise MinutesImportError("damaged", technical=repr(error)) from error


def read_slides(
    data: bytes, wants_words: Callable[[str, str], bool], max_pages: int = MAX_PAGES
) -> list[Slide]:
    """All slides at once, with coordinates where ``wants_words(title, text)``: for tools and
    tests; the pipeline reads coordinates slide by slide to keep memory flat."""
    with Deck(data, max_pages) as deck:
        slides = deck.slides()
        for slide in slides:
            if wants_words(slide.title, slide.text):
                deck.add_layout(slide)
        return slides


def _pdfium_error(error: Exception) -> MinutesImportError:
    if "password" in str(error).casefold():
        return MinutesImportError("encrypted")
    return MinutesImportError("damaged", technical=str(error))


def _open_plumber(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:
        cause = getattr(error, "args", [None])[0] if error.args else None
        if isinstance(error, PDFPasswordIncorrect) or isinstance(cause, PDFPasswordIncorrect):
            raise MinutesImportError("encrypted") from error
        raise MinutesImportError("damaged", technical=repr(cause or error)) from error


def _read_page_text(document, index: int) -> Slide:
    import pypdfium2.raw as raw

    page = document[index]
    try:
        if raw.FPDFPage_CountObjects(page) > MAX_OBJECTS_PER_PAGE:
            raise MinutesImportError("damaged", technical=f"page {index + 1}: too many objects")
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = _clean(textpage.get_text_range())
            title = _title(textpage)
        finally:
            textpage.close()
    finally:
        page.close()
    return Slide(number=index + 1, title=title, text=text, width=width, height=height)


def _clean(text: str) -> str:
    # pdfium marks a hyphen at a line break as U+FFFE ("Total-summa").
    text = text.replace("\ufffe", "-").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _title(textpage) -> str:
    """The text in the page's largest font: what a reader sees as the slide title."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    chars = [chr(raw.FPDFText_GetUnicode(textpage, index) or 32) for index in range(count)]
    sizes = [
        raw.FPDFText_GetFontSize(textpage, index) if char.strip() else 0.0
        for index, char in enumerate(chars)
    ]
    if not sizes or max(sizes) <= 0:
        return ""
    largest = max(sizes)
    kept = [
        char if size >= largest - 0.5 else "\n" for char, size in zip(chars, sizes, strict=True)
    ]
    return " ".join(_clean("".join(kept)).split())


def _read_page_words(plumber, index: int) -> tuple[list[Word], list[Rule]]:
    page = plumber.pages[index]
    try:
        words = [
            Word(w["text"].strip(), w["x0"], w["x1"], w["top"], w["bottom"])
            for w in page.extract_words(**WORD_OPTIONS)
            if w["text"].strip()
        ]
        return words, _vertical_rules(page)
    finally:
        page.close()
        _forget_decoded_contents(page)


def _forget_decoded_contents(page) -> None:
    # pdfminer keeps each page's decoded content streams while the document is open;
    # letting go of them once read keeps memory to the largest page, not the sum of pages.
    # (A stream another page shares stays referenced there, so nothing is lost.)
    page_obj = getattr(page, "page_obj", None)
    if page_obj is not None and isinstance(getattr(page_obj, "contents", None), list):
        page_obj.contents = []
    cached = getattr(getattr(page, "pdf", None), "doc", None)
    cached = getattr(cached, "_cached_objs", None)
    if isinstance(cached, dict):
        cached.clear()


def _vertical_rules(page) -> list[Rule]:
    """Table rules from the objects pdfplumber has already parsed (no edge computation)."""
    width, height = float(page.width), float(page.height)
    rules = set()
    for kind in ("line", "rect"):
        for item in page.objects.get(kind, []):
            x0, x1, top, bottom = item["x0"], item["x1"], item["top"], item["bottom"]
            if bottom - top < 4 or (x1 - x0 > 0.9 * width and bottom - top > 0.9 * height):
                continue  # a horizontal rule, or the slide's background
            sides = ((x0 + x1) / 2,) if x1 - x0 < 3 else (x0, x1)
            for x in sides:
                rules.add(Rule(round(x, 1), round(top, 1), round(bottom, 1)))
    return sorted(rules, key=lambda r: (r.x, r.top))

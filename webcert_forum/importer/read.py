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
TIME_BUDGET_SECONDS = 60.0
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


@dataclass
class Slide:
    number: int
    title: str
    text: str
    width: float = 0.0
    height: float = 0.0
    words: list[Word] | None = None
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


def read_slides(
    data: bytes,
    wants_words: Callable[[str, str], bool],
    max_pages: int = MAX_PAGES,
    time_budget: float = TIME_BUDGET_SECONDS,
) -> list[Slide]:
    """One pass over the pages; ``wants_words(title, text)`` decides which need coordinates."""
    import pdfplumber
    import pypdfium2 as pdfium

    started = time.monotonic()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _pdfium_error(error) from error
    except Exception as error:  # pdfium may fail in ways it does not classify
        raise MinutesImportError("damaged", technical=repr(error)) from error
    plumber = None
    try:
        page_count = len(document)
        if page_count > max_pages:
            raise MinutesImportError("too_many_pages", f"{page_count} pages, at most {max_pages}")
        slides = []
        for index in range(page_count):
            if time.monotonic() - started > time_budget:
                raise MinutesImportError("damaged", technical="reading took too long")
            slide = _read_page_text(document, index)
            if wants_words(slide.title, slide.text):
                if plumber is None:
                    plumber = _open_plumber(pdfplumber, data)
                slide.words = _read_page_words(plumber, index)
            slides.append(slide)
        return slides
    except MinutesImportError:
        raise
    except Exception as error:  # anything escaping pdfminer/pdfium on a corrupt file
        raise MinutesImportError("damaged", technical=repr(error)) from error
    finally:
        if plumber is not None:
            plumber.close()
        document.close()


def _pdfium_error(error: Exception) -> MinutesImportError:
    if "password" in str(error).casefold():
        return MinutesImportError("encrypted")
    return MinutesImportError("damaged", technical=str(error))


def _open_plumber(pdfplumber, data: bytes):
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:
        cause = getattr(error, "args", [None])[0] if error.args else None
        if isinstance(error, PDFPasswordIncorrect) or isinstance(cause, PDFPasswordIncorrect):
            raise MinutesImportError("encrypted") from error
        raise MinutesImportError("damaged", technical=repr(cause or error)) from error


def _read_page_text(document, index: int) -> Slide:
    page = document[index]
    try:
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


def _read_page_words(plumber, index: int) -> list[Word]:
    page = plumber.pages[index]
    try:
        return [
            Word(w["text"].strip(), w["x0"], w["x1"], w["top"], w["bottom"])
            for w in page.extract_words(**WORD_OPTIONS)
            if w["text"].strip()
        ]
    finally:
        page.close()

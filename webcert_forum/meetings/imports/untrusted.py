"""An uploaded deck is read in the importer's cage (webcert_forum/importer/cage.py): the
active-content walk, the parse and the sanitised copy all run in the limited child, and so
does the rendering of the slide pictures when the minutes are saved.

Without Django: the child process runs this module, with nothing but the importer.
"""

import base64
import io
from pathlib import Path

from webcert_forum.importer.cage import Limits, call_in_cage
from webcert_forum.importer.errors import MinutesImportError
from webcert_forum.importer.pipeline import parse_minutes

from .pdf_safety import UNCHECKABLE, active_content, sanitised_copy


def parse_untrusted(
    data: bytes, meeting_date=None, reference=None, limits: Limits | None = None
) -> tuple[dict, bytes]:
    """The minutes document of an uploaded PDF and the sanitised copy to keep, both made in
    the cage."""
    answer = call_in_cage(
        f"{__name__}:checked_minutes", data, meeting_date, reference, limits=limits or Limits()
    )
    return answer["document"], base64.b64decode(answer["pdf"])


def checked_minutes(data: bytes, meeting_date=None, reference=None) -> dict:
    """In the child: refuse active content, parse, and rewrite the PDF without actions.
    Each step reads hostile structure."""
    found = active_content(data)
    if found and found != [UNCHECKABLE]:
        raise MinutesImportError("active_content", " och ".join(found))
    # A file the walk could not read is refused too, after the parse has had its say: it
    # names a damaged or encrypted file better than "could not be checked" does.
    document = parse_minutes(data, meeting_date, reference)
    if found:
        raise MinutesImportError("active_content", UNCHECKABLE)
    try:
        kept = sanitised_copy(data)
    except Exception as error:  # pypdf cannot rewrite what pdfium could read
        raise MinutesImportError("damaged", technical=repr(error)) from error
    return {"document": document, "pdf": base64.b64encode(kept).decode("ascii")}


def render_untrusted(
    data: bytes, numbers, out_dir: str, full_width: int, small_width: int, limits: Limits
) -> list[int]:
    """Render the pages ``numbers`` (1-based) of a kept PDF as JPEGs into ``out_dir``, in the
    cage: pdfium draws whatever the file asks for, so a hostile deck that survived the parse
    could still take the memory or the time of the web worker by its pictures. Returns the
    numbers drawn; raises ``MinutesImportError`` for a tripped limit."""
    return call_in_cage(
        f"{__name__}:slide_pictures",
        data,
        sorted(numbers),
        out_dir,
        full_width,
        small_width,
        limits=limits,
    )


def slide_pictures(data: bytes, numbers, out_dir: str, full_width: int, small_width: int):
    """In the child: bild-NN.jpg at ``full_width`` and bild-NN-liten.jpg at ``small_width``
    for each page number; the parent reads the files (no pictures through the JSON answer,
    which would hold the whole deck's JPEGs in the web worker at once)."""
    import pypdfium2 as pdfium

    out = Path(out_dir)
    drawn = []
    pdf = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            width = page.get_width()
            image = page.render(scale=full_width / width if width else 2).to_pil()
            page.close()
            (out / f"bild-{number:02d}.jpg").write_bytes(_jpeg(image, full_width))
            (out / f"bild-{number:02d}-liten.jpg").write_bytes(_jpeg(image, small_width))
            drawn.append(number)
    finally:
        pdf.close()
    return drawn


def _jpeg(image, width):
    scaled = image.resize((width, max(1, round(image.height * width / image.width))))
    buffer = io.BytesIO()
    scaled.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()

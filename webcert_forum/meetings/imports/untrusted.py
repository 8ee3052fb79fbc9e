"""An uploaded deck is read in the importer's cage (webcert_forum/importer/cage.py): the
active-content walk, the parse and the sanitised copy all run in the limited child.

Without Django: the child process runs this module, with nothing but the importer.
"""

import base64

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

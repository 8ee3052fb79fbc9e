import pytest

from tests.conftest import SEED_PDF
from tests.security import pdfs
from webcert_forum.meetings.imports.pdf_safety import active_content


def test_the_real_minutes_deck_and_a_plain_pdf_have_no_active_content():
    assert active_content(SEED_PDF.read_bytes()) == []
    assert active_content(pdfs.clean_deck()) == []


@pytest.mark.parametrize(
    "make,reason",
    [
        (pdfs.with_open_action_javascript, "JavaScript"),
        (pdfs.with_escaped_javascript_name, "JavaScript"),
        (pdfs.with_javascript_in_compressed_object_stream, "JavaScript"),
        (pdfs.with_embedded_file, "inbäddade filer"),
        (pdfs.with_launch_action, "en åtgärd som startar program (Launch)"),
    ],
)
def test_active_content_is_named_in_swedish(make, reason):
    assert reason in active_content(make())


def test_the_compressed_trick_hides_from_a_byte_scan_but_not_from_the_check():
    data = pdfs.with_javascript_in_compressed_object_stream()
    assert b"/JavaScript" not in data
    assert active_content(data) == ["JavaScript"]


def test_garbage_is_not_active_content():
    assert active_content(b"not a pdf at all") == []
    assert active_content(b"") == []

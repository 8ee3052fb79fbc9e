import pytest

from tests.conftest import SEED_PDF
from tests.security import pdfs
from webcert_forum.meetings.imports.pdf_safety import UNCHECKABLE, active_content


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


def test_what_the_walk_cannot_read_is_refused_not_taken_for_clean():
    assert active_content(b"not a pdf at all") == [UNCHECKABLE]
    assert active_content(b"") == [UNCHECKABLE]


class CountingPattern:
    """A compiled pattern that counts the bytes each call hands to the regex engine."""

    def __init__(self, pattern, counter):
        self.pattern, self.counter = pattern, counter

    def finditer(self, data, *args):
        self.counter.append(len(data))
        return self.pattern.finditer(data, *args)


def test_the_raw_scan_reads_the_file_a_fixed_number_of_times_whatever_it_holds(monkeypatch):
    """Linear by construction: each pattern goes over the bytes once, and neither can match
    more than a bounded token, so no position is read again from a later one."""
    from webcert_forum.meetings.imports import pdf_safety

    counted = []
    for name in ("_STREAM_TOKEN", "_NAME"):
        pattern = getattr(pdf_safety, name)
        monkeypatch.setattr(pdf_safety, name, CountingPattern(pattern, counted))
    hostile = SEED_PDF.read_bytes() + b"stream\n" * 100_000 + b"/JS "
    names = pdf_safety._names_in_raw_bytes(hostile)
    assert "/JS" not in names  # an unterminated stream hides what follows, as a reader would
    assert len(counted) == 2 and sum(counted) <= 2 * len(hostile)

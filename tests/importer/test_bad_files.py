"""Files a person can upload by mistake: each refused with one MinutesImportError code."""

import datetime as dt
import io

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from webcert_forum.importer import SWEDISH_MESSAGES, MinutesImportError, parse_minutes
from webcert_forum.importer import read as reading
from webcert_forum.importer.errors import CODES

from .deck_factory import Style, render, sample_deck

MEETING = dt.date(2022, 6, 1)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def plain_pdf(lines=("Ett helt annat dokument", "Kvartalsrapport"), pages=1, encrypt=None):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for _ in range(pages):
        pdf.setFont("Helvetica", 24)
        pdf.drawString(40, 780, lines[0])
        pdf.setFont("Helvetica", 12)
        for n, line in enumerate(lines[1:]):
            pdf.drawString(40, 740 - 20 * n, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def refused(source, reference, meeting=MEETING) -> MinutesImportError:
    with pytest.raises(MinutesImportError) as error:
        parse_minutes(source, meeting, reference)
    assert str(error.value)
    assert error.value.code in SWEDISH_MESSAGES
    return error.value


def test_every_code_has_both_messages():
    assert set(CODES) == set(SWEDISH_MESSAGES)
    for code in CODES:
        assert str(MinutesImportError(code))


def test_empty(reference):
    assert refused(b"", reference).code == "empty"
    assert refused(io.BytesIO(b""), reference).code == "empty"


@pytest.mark.parametrize("data", [PNG, b"Minnesanteckningar\n" * 50, b"<html></html>"])
def test_not_pdf(reference, data):
    assert refused(data, reference).code == "not_pdf"


def test_pdf_header_late_in_first_kilobyte_is_still_a_pdf(reference, seed_bytes):
    document = parse_minutes(b"\n" * 500 + seed_bytes, MEETING, reference)
    assert document["attendance"]


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated(reference, seed_bytes, keep):
    assert refused(seed_bytes[: int(len(seed_bytes) * keep)], reference).code == "damaged"


def test_garbage_after_header(reference):
    assert refused(b"%PDF-1.7\n" + bytes(range(256)) * 20, reference).code == "damaged"


def test_password_protected(reference):
    data = plain_pdf(encrypt="hemligt")
    assert refused(data, reference).code == "encrypted"
    deck = render(sample_deck(), Style(), encrypt="hemligt")
    assert refused(deck, reference).code == "encrypted"


def test_owner_password_only_opens(reference):
    deck = render(sample_deck(), Style(), encrypt=StandardEncryption("", ownerPassword="ägare"))
    assert parse_minutes(deck, MEETING, reference)["attendance"]


def test_no_forum_sections(reference):
    assert refused(plain_pdf(), reference).code == "not_minutes"


def test_too_many_pages(reference, monkeypatch):
    monkeypatch.setattr(reading, "MAX_PAGES", 3)
    assert refused(plain_pdf(pages=4), reference).code == "too_many_pages"
    assert refused(plain_pdf(pages=3), reference).code == "not_minutes"


def test_too_large(reference, seed_bytes, monkeypatch, tmp_path):
    monkeypatch.setattr(reading, "MAX_BYTES", len(seed_bytes) - 1)
    assert refused(seed_bytes, reference).code == "too_large"
    assert refused(io.BytesIO(seed_bytes), reference).code == "too_large"
    path = tmp_path / "minutes.pdf"
    path.write_bytes(seed_bytes)
    assert refused(path, reference).code == "too_large"
    assert refused(str(path), reference).code == "too_large"


def test_no_meeting_date(reference):
    deck = render(sample_deck(), Style())
    assert refused(deck, reference, meeting=None).code == "no_meeting_date"


def test_deck_naming_its_own_date(reference):
    deck = sample_deck()
    deck.extra_slides = [("Webcert användarforum", ["- Möte 1 juni 2022"])]
    document = parse_minutes(render(deck, Style()), None, reference)
    assert document["meeting"]["date"] == "2022-06-01"

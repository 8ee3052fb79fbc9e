"""The draft's PDF, converted by LibreOffice and imported, gives back the document the draft
was built from: every section the draft contains."""

import datetime as dt
import io

import pypdfium2
import pytest
from pptx import Presentation

from webcert_forum.importer import Reference, parse_minutes
from webcert_forum.meetings.drafts.deck import build_deck
from webcert_forum.meetings.drafts.services import convert_to_pdf, draft_deck
from webcert_forum.meetings.imports.reference import reference_from_database

from .conftest import SEED_DATE, SEED_MONTHS
from .documents import differences, fixture_labels, random_document


def _imported(pdf: bytes, document: dict, reference: Reference) -> dict:
    return parse_minutes(pdf, dt.date.fromisoformat(document["meeting"]["date"]), reference)


@pytest.mark.django_db
def test_the_seed_meetings_draft_imports_back_to_its_document(seed_meeting, needs_soffice):
    draft = draft_deck(SEED_DATE, SEED_MONTHS)
    imported = _imported(convert_to_pdf(draft.pptx), draft.document, reference_from_database())
    assert differences(draft.document, imported) == {}
    # Every section the seed deck has is in the draft, and came back.
    for key in ("service_windows", "release", "connection_dates", "signing_tests",
                "signing_production", "certificate_counts", "certificate_totals"):  # fmt: skip
        assert imported[key], key
    assert imported["unresolved"] == []


@pytest.mark.parametrize("seed, rows", [(1, 12), (2, 6), (5, 28)])
def test_a_generated_documents_draft_imports_back_to_it(seed, rows, needs_soffice):
    document, months = random_document(seed, rows=rows)
    pptx = build_deck(document, months, fixture_labels())
    imported = _imported(convert_to_pdf(pptx), document, Reference.from_fixtures())
    assert differences(document, imported) == {}
    assert imported["warnings"] == [] and imported["unresolved"] == []


def test_the_draft_opens_in_libreoffice_slide_for_slide(needs_soffice):
    document, months = random_document(4, rows=28)
    pptx = build_deck(document, months, fixture_labels())
    slides = len(Presentation(io.BytesIO(pptx)).slides)
    pdf = pypdfium2.PdfDocument(convert_to_pdf(pptx))
    assert len(pdf) == slides
    width, height = pdf[0].get_size()
    assert round(width / height, 2) == round(16 / 9, 2)

"""The preview speaks Swedish: warnings, the parts' display names, and the tense of a saved
import; it also says what the minutes change since the previous meeting."""

import pytest
from django.urls import reverse

from webcert_forum.meetings.imports.wording import swedish_warning
from webcert_forum.meetings.models import ImportRun

from .pdfs import attendance_deck
from .test_upload import page, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def importer(client, importer_user):
    client.force_login(importer_user)
    return client


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        (
            "Slide 3, Region Blekinge: attendance 'Kanske' is neither Ja nor Nej.",
            "Bild 3, Region Blekinge: närvaron ”Kanske” är varken Ja eller Nej.",
        ),
        (
            "Slide 11 (Statistik maj): the title names no month; skipped.",
            "Bild 11 (Statistik maj): rubriken anger ingen månad; bilden hoppades över.",
        ),
        (
            "Expected section missing: certificate statistics.",
            "Avsnittet intygsstatistik saknas i protokollet.",
        ),
        ("Release: no release date on the slide.", "Release: inget releasedatum på bilden."),
        (
            "2022-05 standalone Webcert, skane: the cells add up to 5 but the printed "
            "Totalsumma is 6.",
            "2022-05, Webcert Fristående, Region Skåne: cellerna summerar till 5, men "
            "protokollets totalsumma är 6.",
        ),
    ],
)
def test_importer_warnings_read_in_swedish(english, swedish):
    assert swedish_warning(english, {"skane": "Region Skåne"}) == swedish


def test_preview_of_a_deck_has_no_english_or_internal_codes(importer):
    deck = attendance_deck([("Region Blekinge", "Kanske")], title="Deltagare")
    html = page(importer.get(upload(importer, deck).url))
    assert "Varningar" in html
    assert "Expected section missing" not in html and "Slide " not in html
    assert "saknas i protokollet" in html and "(importens egen text)" not in html


def test_a_saved_import_speaks_in_the_past_and_names_changes_since_the_last_meeting(
    importer, seed_meeting, seed_pdf
):
    html = page(importer.get(upload(importer, seed_pdf, meeting_date="2022-09-01").url))
    assert "Förändringar sedan förra mötet (2022-06-01)" in html
    assert "planned" not in html and "not_reported" not in html
    assert "release_notes_date" not in html and "{&#x27;" not in html
    assert "datum 2022-06-14, release notes 2022-06-07" in html
    run = ImportRun.objects.get()
    html = page(importer.post(reverse("meetings:import-confirm", args=[run.pk]), follow=True))
    assert "skapades" in html and "skapas," not in html
    assert "Skapas:" not in html

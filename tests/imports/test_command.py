import io
import json

import pytest

from certificate_statistics.models import CertificateCount
from tests.conftest import SEED_PDF, seed_document_data
from tests.importer.deck_factory import Style, render, sample_deck
from webcert_forum.meetings.imports.pdf_safety import active_content
from webcert_forum.meetings.models import Meeting

from .conftest import import_minutes, row_counts, stored_files
from .pdfs import attendance_deck, slides_pdf

pytestmark = pytest.mark.django_db
SEED_DATE = "2022-06-01"


def test_dry_run_json_prints_exactly_the_expected_document_and_writes_nothing(
    reference, media_root
):
    before = row_counts()
    code, out, err = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE, "--dry-run", "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)  # nothing but the document on standard output
    expected = seed_document_data()
    for key in expected:
        assert document[key] == expected[key], key
    assert row_counts() == before
    assert not media_root.exists() or stored_files(media_root) == []


def test_json_is_indented_and_not_ascii_escaped(reference):
    _, out, _ = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE, "--dry-run", "--json")
    assert out.startswith('{\n  "schema"')
    assert "\\u00" not in out  # ensure_ascii=False: Swedish letters as they are
    assert "å" in out and "ö" in out


def test_import_saves_then_a_second_import_changes_nothing(reference):
    code, out, err = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE)
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    assert first.startswith("created: ") and not first.startswith("created: 0,")
    cells = CertificateCount.objects.count()
    assert cells == len(seed_document_data()["certificate_counts"])
    meeting = Meeting.objects.get(date=SEED_DATE)
    kept = meeting.source_file.read()
    # The sanitised copy is kept: the deck's hyperlinks (URI actions) are gone, its text stays.
    assert b"/URI" in SEED_PDF.read_bytes() and b"/URI" not in kept
    assert kept.startswith(b"%PDF-") and active_content(kept) == []

    code, out, err = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("created: 0, updated: 0, unchanged: ")
    assert CertificateCount.objects.count() == cells


def test_import_reports_a_changed_cell_as_updated(reference, seed_meeting):
    cell = CertificateCount.objects.order_by("pk").first()
    printed = cell.count
    cell.count = printed + 5
    cell.save()
    code, out, _ = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE)
    assert code == 0
    assert ", updated: 1," in out.splitlines()[0]
    cell.refresh_from_db()
    assert cell.count == printed


def test_dry_run_without_json_previews_the_line_and_writes_nothing(reference):
    before = row_counts()
    code, out, _ = import_minutes(SEED_PDF, "--meeting-date", SEED_DATE, "--dry-run")
    assert code == 0 and out.startswith("created: ")
    assert row_counts() == before


def test_warnings_follow_the_line(reference, tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(attendance_deck([("Region Blekinge", "Ja"), ("Region Dalarna", "Nej")]))
    code, out, _ = import_minutes(path, "--meeting-date", "2022-09-05")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "created: 4, updated: 0, unchanged: 0"  # meeting, slide, 2 rows
    assert lines[1:] and all(line.startswith("warning: ") for line in lines[1:])
    assert any("certificate statistics" in line for line in lines[1:])


def test_meeting_date_is_asked_for_when_the_deck_does_not_name_it(reference, tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(attendance_deck([("Region Blekinge", "Ja")]))
    before = row_counts()
    code, out, err = import_minutes(path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--meeting-date" in err
    assert row_counts() == before


def test_the_meeting_date_may_come_from_the_deck(reference, tmp_path):
    path = tmp_path / "deck.pdf"
    deck = attendance_deck(
        [("Region Blekinge", "Ja")], title="Webcert användarforum 5 september 2022"
    )
    path.write_bytes(deck)
    code, out, err = import_minutes(path, "--dry-run", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["meeting"]["date"] == "2022-09-05"


def _truncated_seed():
    data = SEED_PDF.read_bytes()
    return data[: len(data) // 3]


def _scanned_deck():
    return render(sample_deck(), Style(image_only=True), sections={"attendance", "release"})


def _too_many_pages():
    return slides_pdf("Deltagare", *(f"Bild {n}" for n in range(2, 203)))


BAD_FILES = {
    "empty": (lambda: b"", "empty"),
    "text": (lambda: "Mötesanteckningar\nInget PDF här.\n".encode(), "not a PDF"),
    "truncated": (_truncated_seed, "damaged"),
    "encrypted": (lambda: slides_pdf("Deltagare", encrypt="pw"), "password"),
    "not minutes": (lambda: slides_pdf("Kvartalsrapport", "Budget 2023"), "minutes"),
    "too many pages": (_too_many_pages, "pages"),
    "scanned, no text layer": (_scanned_deck, "no text layer"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_exits_2_with_one_line_naming_it_and_writes_nothing(
    reference, tmp_path, media_root, kind
):
    make, words = BAD_FILES[kind]
    path = tmp_path / "upload.pdf"
    path.write_bytes(make())
    before = row_counts()
    code, out, err = import_minutes(path, "--meeting-date", SEED_DATE)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and words in err
    assert row_counts() == before
    assert not media_root.exists()


def test_a_file_over_25_mb_is_refused_without_reading_it_as_a_pdf(reference, tmp_path):
    path = tmp_path / "big.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(25 * 1024 * 1024 + 1)
    code, out, err = import_minutes(path, "--meeting-date", SEED_DATE)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "too large" in err


def test_labels_that_match_no_organisation_are_listed_and_nothing_is_written(reference, tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(
        attendance_deck([("Region Atlantis", "Ja"), ("Region Blekinge", "Ja"), ("Lemuria", "Nej")])
    )
    before = row_counts()
    code, out, err = import_minutes(path, "--meeting-date", "2022-09-05")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "Region Atlantis" in err and "Lemuria" in err and "Blekinge" not in err
    assert row_counts() == before


def test_a_missing_file_exits_2(reference, tmp_path):
    code, _, err = import_minutes(tmp_path / "finns-inte.pdf", "--meeting-date", SEED_DATE)
    assert code == 2 and "finns-inte.pdf" in err


def test_load_seed_imports_the_june_meeting_from_its_pdf(reference):
    from django.core.management import call_command

    call_command("load_seed", stdout=io.StringIO())
    meeting = Meeting.objects.get(date=SEED_DATE)
    kept = meeting.source_file.read()
    # The sanitised copy is kept: the deck's hyperlinks (URI actions) are gone, its text stays.
    assert b"/URI" in SEED_PDF.read_bytes() and b"/URI" not in kept
    assert kept.startswith(b"%PDF-") and active_content(kept) == []
    assert CertificateCount.objects.count() == len(seed_document_data()["certificate_counts"])
    assert meeting.slides.exists()
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "created: 0, updated: 0" in out.getvalue()

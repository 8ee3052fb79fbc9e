import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificate_statistics.models import CertificateCount
from regions.models import OrganisationAlias
from tests.conftest import make_user
from tests.tables import table_in, tables_in
from webcert_forum.importer import parse_minutes
from webcert_forum.meetings.models import Attendance, ImportRun, Meeting

from .conftest import row_counts, stored_files
from .pdfs import attendance_deck, slides_pdf

pytestmark = pytest.mark.django_db
UPLOAD = reverse("meetings:import")


def pdf_upload(data, name="protokoll.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def upload(client, data, meeting_date="2022-06-01", name="protokoll.pdf"):
    return client.post(UPLOAD, {"file": pdf_upload(data, name), "meeting_date": meeting_date})


def page(response):
    return response.content.decode()


@pytest.fixture
def importer(client, importer_user):
    client.force_login(importer_user)
    return client


# Permissions -------------------------------------------------------------------------


IMPORT_PAGES = ["meetings:import", "meetings:import-history"]


@pytest.mark.parametrize("name", IMPORT_PAGES)
def test_anonymous_users_are_sent_to_the_login(client, reference, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", IMPORT_PAGES)
def test_staff_without_the_permission_are_refused(client, staff_user, name):
    client.force_login(staff_user)
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", IMPORT_PAGES)
def test_importers_reach_the_pages(importer, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert importer.get(reverse(name)).status_code == 200


def test_only_importers_see_the_link_from_the_meetings_list(client, staff_user, importer_user):
    client.force_login(staff_user)
    assert UPLOAD not in page(client.get(reverse("meetings:list")))
    client.force_login(importer_user)
    assert UPLOAD in page(client.get(reverse("meetings:list")))


def test_staff_without_the_permission_cannot_see_or_act_on_a_run(
    client, importer, staff_user, seed_pdf
):
    run_url = upload(importer, seed_pdf).url
    run = ImportRun.objects.get()
    client.force_login(staff_user)
    assert client.get(run_url).status_code == 403
    for action in ("import-confirm", "import-discard", "import-labels"):
        assert client.post(reverse(f"meetings:{action}", args=[run.pk])).status_code == 403
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEW


def test_another_importer_cannot_confirm_someone_elses_upload(client, importer, seed_pdf):
    upload(importer, seed_pdf)
    run = ImportRun.objects.get()
    client.force_login(make_user("other-importer", groups=["Importörer"]))
    assert client.post(reverse("meetings:import-confirm", args=[run.pk])).status_code == 404
    assert not Meeting.objects.exists()


# Upload, preview, confirm --------------------------------------------------------------


def test_upload_previews_what_a_first_import_creates_and_stores_nothing_else(
    importer, seed_pdf, django_assert_max_num_queries
):
    response = upload(importer, seed_pdf)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "meetings:import-preview", args=[run.pk]
    )
    assert not Meeting.objects.exists() and not CertificateCount.objects.exists()
    with django_assert_max_num_queries(8):
        html = page(importer.get(response.url))
    cells = run.summary["counts"]["statistics.CertificateCount"]
    assert cells["created"] == len(run.document["certificate_counts"]) > 0
    name = str(CertificateCount._meta.verbose_name_plural).capitalize()
    counts = {row[0]: row[1:] for row in table_in(html, "changes-heading").rows}
    assert counts[name][0] == f"{cells['created']:,}".replace(",", " ")
    assert "Spara importen" in html and "Avbryt importen" in html
    assert run.sha256 in html


def test_preview_lists_a_statistics_cell_that_changes_with_old_and_new_value(
    importer, seed_meeting, seed_pdf
):
    cell = CertificateCount.objects.select_related("organisation", "certificate_type").first()
    printed = cell.count
    cell.count = printed + 7
    cell.save()
    html = page(importer.get(upload(importer, seed_pdf).url))
    changed = [row for t in tables_in(html) if t.caption == "Ändras" for row in t.rows]
    where = f"{cell.organisation} {cell.certificate_type.code}"
    old_new = [f"{n:,}".replace(",", " ") for n in (printed + 7, printed)]
    assert any(row[0].endswith(where) and row[1:] == old_new for row in changed)
    cell.refresh_from_db()
    assert cell.count == printed + 7  # previewing changed nothing


def test_confirm_saves_the_previewed_document_once(importer, importer_user, seed_pdf):
    preview = upload(importer, seed_pdf).url
    run = ImportRun.objects.get()
    confirm = reverse("meetings:import-confirm", args=[run.pk])

    response = importer.post(confirm, follow=True)
    assert "Protokollet är sparat" in page(response)
    run.refresh_from_db()
    meeting = Meeting.objects.get(date="2022-06-01")
    assert run.status == ImportRun.Status.SAVED and run.meeting == meeting
    assert run.saved_at is not None and run.summary["totals"]["created"] > 0
    assert meeting.source_sha256 == run.sha256 and meeting.imported_by == importer_user
    assert CertificateCount.objects.count() == len(run.document["certificate_counts"])

    # A change made after the save is not undone by a second click on the same preview.
    cell = CertificateCount.objects.first()
    cell.count += 1
    cell.save()
    response = importer.post(confirm, follow=True)
    assert "Importen är redan sparad" in page(response)
    assert CertificateCount.objects.get(pk=cell.pk).count == cell.count
    assert "Spara importen" not in page(importer.get(preview))


def test_the_pdf_is_downloadable_from_the_meeting_page_after_confirming(importer, seed_pdf):
    upload(importer, seed_pdf)
    run = ImportRun.objects.get()
    importer.post(reverse("meetings:import-confirm", args=[run.pk]))
    meeting_page = page(importer.get(reverse("meetings:detail", args=["2022-06-01"])))
    pdf_url = reverse("meetings:pdf", args=["2022-06-01"])
    assert pdf_url in meeting_page
    response = importer.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    served = b"".join(response.streaming_content)
    # What is served is the sanitised copy: the same slides, no link or open action left.
    assert served.startswith(b"%PDF-") and b"/URI" in seed_pdf and b"/URI" not in served
    assert [s["text"] for s in parse_minutes(served, dt.date(2022, 6, 1))["slides"]] == [
        s["text"] for s in run.document["slides"]
    ]


def test_discard_keeps_the_database_as_it_was(importer, seed_pdf):
    upload(importer, seed_pdf)
    run = ImportRun.objects.get()
    before = row_counts()
    response = importer.post(reverse("meetings:import-discard", args=[run.pk]), follow=True)
    assert "Importen är avbruten" in page(response)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DISCARDED
    response = importer.post(reverse("meetings:import-confirm", args=[run.pk]), follow=True)
    assert "Importen är redan avbruten" in page(response)
    assert row_counts() == before and not Meeting.objects.exists()


def test_history_lists_past_runs(importer, seed_pdf, django_assert_max_num_queries):
    upload(importer, seed_pdf, name="juni.pdf")
    run = ImportRun.objects.get()
    importer.post(reverse("meetings:import-discard", args=[run.pk]))
    upload(importer, seed_pdf, name="juni-igen.pdf")
    with django_assert_max_num_queries(8):
        html = page(importer.get(reverse("meetings:import-history")))
    assert "juni.pdf" in html and "juni-igen.pdf" in html
    assert "avbruten" in html and "förhandsgranskning" in html


# Bad uploads ---------------------------------------------------------------------------


def _truncated(seed):
    return seed[: len(seed) // 3]


BAD_UPLOADS = {
    "empty": (lambda seed: b"", "Filen är tom."),
    "text": (lambda seed: b"Detta ar ingen PDF.\n", "Filen är inte en PDF."),
    "truncated": (_truncated, "PDF-filen är skadad"),
    "encrypted": (lambda seed: slides_pdf("Deltagare", encrypt="pw"), "lösenordsskyddad"),
    "not minutes": (lambda seed: slides_pdf("Budget 2023"), "ser inte ut som ett protokoll"),
}


@pytest.mark.parametrize("kind", BAD_UPLOADS)
def test_a_bad_upload_comes_back_with_the_reason_in_swedish_and_stores_nothing(
    importer, seed_pdf, media_root, kind
):
    make, reason = BAD_UPLOADS[kind]
    before = row_counts()
    response = upload(importer, make(seed_pdf))
    assert response.status_code == 200
    html = page(response)
    assert reason in html
    assert 'value="2022-06-01"' in html  # the date is kept for the next try
    assert row_counts() == before
    assert not media_root.exists() or stored_files(media_root) == []


def test_an_upload_over_the_size_limit_is_refused(importer, settings, seed_pdf, media_root):
    settings.MINUTES_MAX_UPLOAD_BYTES = len(seed_pdf) - 1
    html = page(upload(importer, seed_pdf))
    assert "Filen är för stor." in html
    assert not ImportRun.objects.exists()
    assert not media_root.exists() or stored_files(media_root) == []


def test_a_deck_without_its_date_asks_for_the_meeting_date(importer):
    html = page(upload(importer, attendance_deck([("Region Blekinge", "Ja")]), meeting_date=""))
    assert "Protokollet anger inte mötesdatum" in html
    assert not ImportRun.objects.exists()


def test_the_meeting_date_may_be_left_out_when_the_deck_names_it(importer):
    deck = attendance_deck(
        [("Region Blekinge", "Ja")], title="Webcert användarforum 5 september 2022"
    )
    response = upload(importer, deck, meeting_date="")
    assert response.status_code == 302
    assert str(ImportRun.objects.get().meeting_date) == "2022-09-05"


def test_the_same_file_saved_under_another_date_is_warned_about(importer, seed_pdf):
    upload(importer, seed_pdf)
    importer.post(reverse("meetings:import-confirm", args=[ImportRun.objects.get().pk]))
    html = page(importer.get(upload(importer, seed_pdf, meeting_date="2022-09-01").url))
    assert "Samma fil (samma SHA-256) är redan sparad som mötet 2022-06-01" in html
    # The same file again under its own date is an update, not a new meeting: no warning.
    html = page(importer.get(upload(importer, seed_pdf).url))
    assert "Samma fil" not in html


def test_a_date_other_than_the_decks_own_is_warned_about(importer):
    deck = attendance_deck(
        [("Region Blekinge", "Ja")], title="Webcert användarforum 5 september 2022"
    )
    html = page(importer.get(upload(importer, deck, meeting_date="2022-09-12").url))
    assert "Protokollet anger själv mötesdatumet 2022-09-05" in html
    html = page(importer.get(upload(importer, deck, meeting_date="2022-09-05").url))
    assert "Kontrollera mötesdatumet" not in html


# Unresolved labels ---------------------------------------------------------------------


def test_an_unknown_label_is_mapped_to_an_organisation_and_then_saved(
    importer, django_assert_max_num_queries
):
    deck = attendance_deck([("Region Blekinge", "Ja"), ("Region Atlantis", "Nej")])
    preview = upload(importer, deck, meeting_date="2022-09-05").url
    run = ImportRun.objects.get()
    # The preview also asks whether the same file was saved before (under another date).
    with django_assert_max_num_queries(9):
        html = page(importer.get(preview))
    assert "Region Atlantis" in html and 'name="label_0"' in html
    assert "Spara importen" not in html

    # Confirming before mapping is refused.
    importer.post(reverse("meetings:import-confirm", args=[run.pk]))
    assert not Meeting.objects.filter(date="2022-09-05").exists()

    labels = reverse("meetings:import-labels", args=[run.pk])
    html = page(importer.post(labels, {"label_0": ""}))
    assert "Välj en organisation för minst en etikett." in html

    response = importer.post(labels, {"label_0": "halland"}, follow=True)
    assert "Spara importen" in page(response)
    alias = OrganisationAlias.objects.get(alias="Region Atlantis")
    assert alias.organisation.key == "halland"

    importer.post(reverse("meetings:import-confirm", args=[run.pk]))
    present = {
        a.organisation.key: a.present
        for a in Attendance.objects.filter(meeting__date="2022-09-05").select_related(
            "organisation"
        )
    }
    assert present == {"blekinge": True, "halland": False}


def test_a_mapped_label_is_known_at_the_next_upload(importer):
    deck = attendance_deck([("Region Atlantis", "Ja")])
    upload(importer, deck, meeting_date="2022-09-05")
    run = ImportRun.objects.get()
    importer.post(reverse("meetings:import-labels", args=[run.pk]), {"label_0": "halland"})
    upload(importer, deck, meeting_date="2022-09-05")
    again = ImportRun.objects.order_by("-pk").first()
    assert again.document["unresolved"] == []
    assert again.document["attendance"] == [{"org": "halland", "present": True}]


# File names ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "a/../../b.pdf"])
def test_the_uploaded_file_name_is_never_a_path(importer, seed_pdf, media_root, name):
    upload(importer, seed_pdf, name=name)
    run = ImportRun.objects.get()
    stored = Path(run.file.path).resolve()
    assert stored.parent == (media_root / "imports").resolve()
    assert ".." not in run.file.name and "/" not in run.original_name
    assert "\\" not in run.original_name and run.original_name.endswith(".pdf")
    assert stored_files(media_root) == [stored.relative_to(media_root.resolve())]
    assert run.original_name in page(
        importer.get(reverse("meetings:import-preview", args=[run.pk]))
    )


def test_the_meeting_page_names_the_import(importer, importer_user, seed_pdf):
    upload(importer, seed_pdf)
    run = ImportRun.objects.get()
    importer.post(reverse("meetings:import-confirm", args=[run.pk]))
    html = page(importer.get(reverse("meetings:detail", args=["2022-06-01"])))
    assert run.sha256 in html
    assert f"av {importer_user.username}" in html
    assert reverse("meetings:import-preview", args=[run.pk]) in html


def test_preview_shows_a_window_a_region_moved_as_a_conflict(
    importer, seed_meeting, seed_pdf, editor_user
):
    from regions.models import ServiceWindow

    window = (
        ServiceWindow.objects.filter(imported_from=seed_meeting, organisation__key="jonkoping")
        .order_by("pk")
        .first()
    )
    window.end_date = window.end_date + dt.timedelta(days=2)
    window.changed_by = editor_user
    window.save()
    html = page(importer.get(upload(importer, seed_pdf).url))
    assert "Konflikter" in html
    assert "är ändrat i appen (nu" in html and f"{window.end_date}" in html

"""Slide pictures are drawn in the importer's cage, like the parse: a deck whose pictures
would take the web worker's memory or time loses its pictures, never its minutes, and the
person is told so in Swedish."""

import io
import resource

import pytest
from django.urls import reverse
from reportlab.pdfgen import canvas

from webcert_forum.meetings.models import ImportRun, Meeting, Slide

from .conftest import import_minutes
from .pdfs import draw_attendance
from .test_upload import page, upload

# Pictures are drawn once the minutes are committed, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)
MIB = 1024 * 1024
NO_PICTURES = "Bilderna av bildspelet kunde inte skapas ur protokollets PDF."


def picture_bomb():
    """A deck that parses: a cover 12 pt wide and 14 400 pt tall (the largest page PDF
    allows), then the participants. Drawn 1 600 px wide, the cover is a 12 GB bitmap."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(12, 14400))
    pdf.setFont("Helvetica-Bold", 4)
    pdf.drawString(1, 7000, "Webcert")
    pdf.showPage()
    draw_attendance(pdf, [("Region Stockholm", "Ja")])
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def importer(client, importer_user):
    client.force_login(importer_user)
    return client


def _confirm(client):
    run = ImportRun.objects.filter(status=ImportRun.Status.PREVIEW).get()
    return client.post(reverse("meetings:import-confirm", args=[run.pk]), follow=True)


def _peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_pictures_that_need_too_much_memory_cost_the_pictures_not_the_minutes(
    importer, reference, media_root
):
    assert upload(importer, picture_bomb()).status_code == 302
    before = _peak_rss_mib()
    html = page(_confirm(importer))
    assert (
        "Protokollet är sparat, men bilderna av bildspelet kunde inte skapas: ritningen krävde "
        "mer minne än minnesgränsen (1 GiB). Mötessidan visar bildernas text i stället." in html
    )
    meeting = Meeting.objects.get(date="2022-06-01")
    assert meeting.source_file and meeting.attendance.get().organisation.key == "stockholm"
    assert not Slide.objects.exclude(picture="").exists()
    assert not list((media_root / "minutes").rglob("*.jpg"))
    # The 12 GB bitmap was asked for in the child, not here.
    assert _peak_rss_mib() - before < 200

    meeting_page = page(importer.get(meeting.get_absolute_url()))
    assert NO_PICTURES in meeting_page
    assert '<div class="slide-text">Deltagare' in meeting_page  # the text, not folded
    assert 'class="slide-picture"' not in meeting_page
    assert 'class="slide-details"' not in meeting_page


def test_pictures_past_the_time_limit_are_made_when_the_deck_is_saved_again(
    importer, reference, seed_pdf, settings
):
    upload(importer, seed_pdf)
    settings.MINUTES_PARSE_WALL_SECONDS = 0.05
    html = page(_confirm(importer))
    assert "ritningen tog längre tid än tidsgränsen (0,05 sekunder)" in html
    meeting = Meeting.objects.get(date="2022-06-01")
    assert meeting.slides.count() > 20 and not meeting.slides.exclude(picture="").exists()
    assert meeting.attendance.exists()
    assert NO_PICTURES in page(importer.get(meeting.get_absolute_url()))

    settings.MINUTES_PARSE_WALL_SECONDS = 60
    upload(importer, seed_pdf)
    html = page(_confirm(importer))
    assert "kunde inte skapas" not in html
    assert not meeting.slides.filter(picture="").exists()
    meeting_page = page(importer.get(meeting.get_absolute_url()))
    assert NO_PICTURES not in meeting_page and 'class="slide-picture"' in meeting_page


def test_the_command_saves_the_minutes_and_warns_about_the_pictures(reference, tmp_path):
    path = tmp_path / "bildbomb.pdf"
    path.write_bytes(picture_bomb())
    code, out, err = import_minutes(path, "--meeting-date", "2022-06-01")
    assert (code, err) == (0, "")
    assert out.startswith("created: ")
    assert "warning: Protokollet är sparat, men bilderna av bildspelet kunde inte skapas" in out
    assert Meeting.objects.filter(date="2022-06-01").exists()


def test_pictures_are_drawn_after_the_minutes_are_committed(
    importer, reference, seed_pdf, monkeypatch
):
    """Drawing may take the cage's whole wall limit: the import's transaction and its row
    lock must be released by then, and the saved run visible to every other request."""
    from django.db import connection

    from webcert_forum.meetings import services

    seen = []
    draw = services.render_pictures

    def watched(meeting, data):
        seen.append((connection.in_atomic_block, ImportRun.objects.get().status))
        return draw(meeting, data)

    monkeypatch.setattr(services, "render_pictures", watched)
    upload(importer, seed_pdf)
    _confirm(importer)
    assert seen == [(False, ImportRun.Status.SAVED)]


def test_the_saved_run_keeps_why_the_pictures_could_not_be_drawn(
    importer, reference, seed_pdf, settings, plain_user
):
    """The confirmation's message is read once; whoever wonders later why a meeting has no
    pictures finds the reason on the import run and, as an importer, on the meeting page."""
    from django.test import Client

    upload(importer, seed_pdf)
    settings.MINUTES_PARSE_WALL_SECONDS = 0.05
    _confirm(importer)
    run = ImportRun.objects.get()
    reason = "ritningen tog längre tid än tidsgränsen (0,05 sekunder)"
    assert reason in run.summary["pictures_error"]

    run_page = page(importer.get(reverse("meetings:import-preview", args=[run.pk])))
    assert (
        f"<dt>Bilder</dt><dd>Protokollet är sparat, men bilderna av bildspelet kunde inte skapas: {reason}."
        in run_page
    )
    meeting_page = page(importer.get(run.meeting.get_absolute_url()))
    assert NO_PICTURES in meeting_page and reason in meeting_page

    reader = Client()
    reader.force_login(plain_user)
    meeting_page = page(reader.get(run.meeting.get_absolute_url()))
    assert NO_PICTURES in meeting_page and reason not in meeting_page

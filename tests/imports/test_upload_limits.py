"""Upload bodies over the limit never reach the disk, and nothing is written for a run that
is not complete; old discarded uploads are cleaned by a command."""

import datetime as dt
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from webcert_forum.meetings.models import ImportRun

from .conftest import stored_files

pytestmark = pytest.mark.django_db
UPLOAD = reverse("meetings:import")


@pytest.fixture
def importer(client, importer_user):
    client.force_login(importer_user)
    return client


@pytest.fixture
def temp_dir(settings, tmp_path, monkeypatch):
    """Where Django would spool an upload to disk: every temporary file made while the test
    runs is listed here, even though Django deletes it when the request ends."""
    from django.core.files import temp

    folder = tmp_path / "spool"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    made = []
    real = temp.NamedTemporaryFile

    def recording(*args, **kwargs):
        handle = real(*args, **kwargs)
        made.append(handle.name)
        return handle

    monkeypatch.setattr(temp, "NamedTemporaryFile", recording)
    return made


def _form(size):
    pdf = SimpleUploadedFile("stor.pdf", b"%PDF-1.4\n" + b"0" * (size - 9), "application/pdf")
    return {"file": pdf, "meeting_date": "2022-06-01"}


@pytest.mark.parametrize("over", [1, 10 * 1024 * 1024])
def test_an_oversized_body_is_refused_in_swedish_without_touching_the_disk(
    importer, settings, media_root, temp_dir, over
):
    settings.MINUTES_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    response = importer.post(UPLOAD, _form(settings.MINUTES_MAX_UPLOAD_BYTES + over))
    assert response.status_code == 200
    assert "Filen är för stor. Största tillåtna storlek är 2 MB." in response.content.decode()
    assert temp_dir == []
    assert not media_root.exists() or stored_files(media_root) == []
    assert ImportRun.objects.count() == 0


def test_a_file_at_the_limit_is_read(importer, settings, temp_dir):
    settings.MINUTES_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    response = importer.post(UPLOAD, _form(settings.MINUTES_MAX_UPLOAD_BYTES))
    html = response.content.decode()
    assert "för stor" not in html and "Välj en PDF-fil" not in html
    assert temp_dir == []


def test_clean_uploads_deletes_old_discarded_and_unreferenced_files_only(
    reference, importer_user, media_root, seed_pdf
):
    from webcert_forum.meetings.imports import runs as imports

    runs = {
        status: imports.start_import(seed_pdf, f"{status}.pdf", importer_user, dt.date(2022, 6, 1))
        for status in ("discarded", "preview", "saved", "recent")
    }
    ImportRun.objects.filter(pk=runs["discarded"].pk).update(status="discarded")
    ImportRun.objects.filter(pk=runs["saved"].pk).update(status="saved")
    old = timezone.now() - dt.timedelta(days=40)
    ImportRun.objects.exclude(pk=runs["recent"].pk).update(created_at=old)
    orphan = media_root / "imports" / "orphan.pdf"
    orphan.write_bytes(b"%PDF-1.4 left behind")
    os.utime(orphan, (old.timestamp(), old.timestamp()))

    call_command("clean_uploads", "--days", "30")

    kept = {p.name for p in stored_files(media_root / "imports")}
    assert kept == {
        ImportRun.objects.get(pk=runs[s].pk).file.name.split("/")[-1] for s in ("saved", "recent")
    }
    abandoned = ImportRun.objects.get(pk=runs["preview"].pk)
    assert abandoned.status == "discarded" and not abandoned.file

"""Attacks on the minutes upload (/meetings/import/, built on another branch).

Skipped until the URL `meetings:import` exists; then each test is a real check. The form is
read from the page itself (its file field and other fields), so these tests do not depend on
how the upload form names its fields.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from tests.conftest import SEED_PDF
from tests.security import pdfs
from webcert_forum.meetings.models import ImportRun, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload_url():
    try:
        return reverse("meetings:import")
    except NoReverseMatch:
        pytest.skip("upload page not merged yet")


class UploadForm(HTMLParser):
    def __init__(self):
        super().__init__()
        self.file_field = None
        self.other = {}
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if not name or name == "csrfmiddlewaretoken":
            return
        if tag == "input" and attrs.get("type") == "file":
            self.file_field = self.file_field or name
        elif tag == "input" and attrs.get("type") not in ("submit", "button"):
            kind = attrs.get("type")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.other[name] = attrs.get("value") or ("2022-06-01" if kind == "date" else "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and self._select not in self.other:
            self.other[self._select] = attrs.get("value", "")


@pytest.fixture
def upload(upload_url, client, importer_user, settings, tmp_path):
    """Post a file through the page's own form; MEDIA_ROOT is a fresh folder in tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(importer_user)
    page = client.get(upload_url)
    assert page.status_code == 200
    form = UploadForm()
    form.feed(page.content.decode())
    assert form.file_field, "the upload page has no file field"

    def post(content, name="protokoll.pdf"):
        data = dict(form.other)
        for key, value in data.items():
            if "date" in key or "datum" in key:
                data[key] = value or "2022-06-01"
        data[form.file_field] = SimpleUploadedFile(name, content, "application/pdf")
        return client.post(upload_url, data)

    return post


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


def assert_refused_in_swedish(response, *words):
    assert response.status_code in (200, 400, 413), response.status_code
    html = response.content.decode()
    assert any(word in html for word in words), f"none of {words} in the refusal"


def test_oversized_upload_is_refused_in_swedish_and_nothing_is_stored(upload, settings, tmp_path):
    size = settings.MINUTES_MAX_UPLOAD_BYTES + 1
    response = upload(b"%PDF-1.4\n" + b"0" * (size - 9))
    assert_refused_in_swedish(response, "för stor", "större än", "MB")
    assert ImportRun.objects.count() == 0
    assert stored_files(tmp_path) == []


@pytest.mark.parametrize(
    "make,reason",
    [
        (pdfs.with_open_action_javascript, "JavaScript"),
        (pdfs.with_javascript_in_compressed_object_stream, "JavaScript"),
        (pdfs.with_embedded_file, "inbäddade filer"),
    ],
)
def test_pdf_with_active_content_is_refused_with_the_reason(upload, tmp_path, make, reason):
    meetings_before = Meeting.objects.count()
    response = upload(make())
    assert_refused_in_swedish(response, reason)
    assert ImportRun.objects.count() == 0
    assert Meeting.objects.count() == meetings_before
    assert stored_files(tmp_path) == []


@pytest.mark.parametrize(
    "name",
    [
        "../../../../tmp/evil.pdf",
        "..\\..\\..\\evil.pdf",
        "/etc/cron.d/evil.pdf",
        "protokoll.pdf\x00.html",
        "<script>alert(1)</script>.pdf",
    ],
)
def test_path_tricks_in_the_file_name_stay_inside_media_root(upload, tmp_path, name):
    response = upload(SEED_PDF.read_bytes(), name=name)
    assert response.status_code < 500
    media = (tmp_path / "media").resolve()
    for path in stored_files(tmp_path):
        assert path.resolve().is_relative_to(media), f"{path} written outside MEDIA_ROOT"
    for run in ImportRun.objects.all():
        assert ".." not in run.file.name and not run.file.name.startswith("/")
    assert "<script>alert(1)</script>" not in response.content.decode()

"""The meeting page shows the deck: a picture of every slide rendered at import, its text
folded under it with links, and a link to the page that holds the slide's data."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from webcert_forum.meetings.models import ImportRun, Meeting

from .test_upload import page, upload

# Pictures are drawn once the minutes are committed, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def saved(client, importer_user, seed_pdf):
    client.force_login(importer_user)
    upload(client, seed_pdf)
    client.post(reverse("meetings:import-confirm", args=[ImportRun.objects.get().pk]))
    return Meeting.objects.get(date="2022-06-01")


def _image(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    return Image.open(io.BytesIO(b"".join(response.streaming_content)))


def test_every_slide_has_a_picture_beside_the_pdf(client, saved):
    slides = list(saved.slides.all())
    assert slides and all(s.picture and s.thumbnail for s in slides)
    folder = saved.source_file.name.rsplit(".", 1)[0]
    assert slides[0].picture.name.startswith(folder + "/")
    full = _image(client, reverse("meetings:slide-picture", args=["2022-06-01", 1]))
    small = _image(client, reverse("meetings:slide-thumbnail", args=["2022-06-01", 1]))
    assert full.width == 1600 and small.width < full.width


def test_meeting_page_shows_lazy_thumbnails_opening_full_size_with_text_and_links(client, saved):
    html = page(client.get(saved.get_absolute_url()))
    full = reverse("meetings:slide-picture", args=["2022-06-01", 19])
    thumbnail = reverse("meetings:slide-thumbnail", args=["2022-06-01", 19])
    assert f'<a class="slide-picture" href="{full}">' in html
    assert f'<img src="{thumbnail}" loading="lazy"' in html
    assert "<summary>Bildens text" in html
    assert 'href="mailto:Alexandra.Falke@socialstyrelsen.se"' in html
    # Slide 19 is April's statistics; the drift slide leads to the service windows.
    assert 'href="/statistics/?month_from=2022-04&amp;month_to=2022-04"' in html
    assert f'href="{reverse("service_windows:list")}"' in html


def test_the_seed_decks_news(saved):
    titles = list(saved.news.values_list("title", flat=True))
    assert "Information från Socialstyrelsen" in titles
    assert "Internet Explorer 11" in titles and "Övrigt" in titles


def test_a_picture_opened_on_its_own_finds_the_site_icon(client):
    # The browser asks for /favicon.ico when a JPEG is opened full size: no 404 for it.
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")

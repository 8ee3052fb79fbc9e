"""News items per meeting from the slides' text, on the meeting page and the overview."""

import copy

import pytest
from django.urls import reverse

from tests.meetings.factories import with_slides
from webcert_forum.meetings.models import NewsItem
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

SLIDES = [
    ("1. Deltagare", "1. Deltagare\nRegion Blekinge Ja"),
    (
        "6. Dödsbevis och Dödsorsaksintyg",
        "6. Dödsbevis och Dödsorsaksintyg\n• Information från Socialstyrelsen:\n"
        "- 20220601 tas blanketten för Dödsbeviset bort\n"
        "- Kontakta Alexandra.Falke@socialstyrelsen.se\n"
        "• Fråga från 2022-04-04: Behöver man identifiera sig?\nRegion/agent Anslutningsdatum",
    ),
    ("7c. Internet Explorer 11", "7c. Internet Explorer 11\nIE11 slutar fungera 15 juni 2022."),
    ("8.Övrigt", "8.Övrigt\nSe https://www.inera.se/webcert för mer."),
    ("8.Övrigt", "Fortsättning på övrigt."),
    ("11a. Statistik och användning – utfärdade intyg april", "Region Skåne 1 2 3"),
]


@pytest.fixture
def meeting(reference, seed_document):
    save_minutes(with_slides(copy.deepcopy(seed_document), SLIDES))
    return NewsItem.objects.first().meeting


def test_news_come_from_slides_the_site_keeps_no_data_for(meeting):
    items = list(meeting.news.order_by("position"))
    assert [(n.title, n.slide_number) for n in items] == [
        ("Information från Socialstyrelsen", 2),
        ("Internet Explorer 11", 3),
        ("Övrigt", 4),
    ]
    assert "Alexandra.Falke@socialstyrelsen.se" in items[0].links
    assert "Fråga från" not in items[0].text  # the next bullet is not part of the news
    assert items[2].links == ["https://www.inera.se/webcert"]
    assert "Fortsättning på övrigt." in items[2].text  # a continued slide is one item


def test_news_on_the_meeting_page_and_the_overview(client, plain_user, meeting):
    client.force_login(plain_user)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert '<article class="news-item" id="nyhet-2">' in html
    assert '<a href="https://www.inera.se/webcert"' in html
    assert '<a href="#bild-3">Bild 3</a>' in html
    overview = client.get(reverse("overview")).content.decode()
    assert "Nyheter från mötet 2022-06-01" in overview
    assert (
        f'href="{meeting.get_absolute_url()}#nyhet-1">Information från Socialstyrelsen' in overview
    )


def test_saving_the_same_minutes_again_changes_no_news(meeting, seed_document):
    summary = save_minutes(with_slides(copy.deepcopy(seed_document), SLIDES)).as_dict()
    assert summary["counts"]["webcert_forum.NewsItem"]["unchanged"] == 3

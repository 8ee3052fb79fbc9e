"""The meeting page shows the deck: lazy thumbnails that load as they come into view, each
opening full size, the slide's text folded under it with working links; axe clean."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAILTO = "mailto:Alexandra.Falke@socialstyrelsen.se"  # in the text of Socialstyrelsen's slide
LOADED = "img => img.complete && img.naturalWidth > 0"


@pytest.fixture
def meeting_with_pictures(settings, tmp_path, reference):
    """The June 2022 meeting as `make run` loads it: through the importer, PDF and pictures."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_seed")
    from webcert_forum.meetings.models import Meeting

    meeting = Meeting.objects.get(date="2022-06-01")
    assert not meeting.slides.filter(thumbnail="").exists()
    return meeting


def test_slide_thumbnails_load_lazily_open_full_size_and_unfold_their_text(
    page, live_server, login, plain_user, meeting_with_pictures, console_errors, screenshot
):
    login("reader", "pw-reader")
    page.goto(f"{live_server.url}{meeting_with_pictures.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    thumbnails = page.locator("a.slide-picture img")
    count = thumbnails.count()
    assert count == meeting_with_pictures.slides.count()
    # Lazy: the last slide, thousands of pixels down, has not been fetched yet.
    assert not thumbnails.last.evaluate(LOADED)

    slide = page.locator("article.slide", has=page.locator(f'a[href="{MAILTO}"]')).first
    thumbnail = slide.locator("a.slide-picture img")
    thumbnail.scroll_into_view_if_needed()
    # (Polled by expect: wait_for_function evaluates a string, which the site's CSP forbids.)
    expect(thumbnail).to_have_js_property("naturalWidth", 480)
    expect(thumbnail).to_have_attribute("alt", re.compile("öppnas i full storlek"))
    screenshot("mote-bilder", docs=True)

    # Full size: the link opens the 1 600 px picture.
    full_url = slide.locator("a.slide-picture").get_attribute("href")
    slide.locator("a.slide-picture").click()
    expect(page).to_have_url(f"{live_server.url}{full_url}")
    assert page.evaluate("document.images[0].naturalWidth") == 1600
    page.go_back()
    page.wait_for_load_state("networkidle")

    # The text is folded under the picture; unfolded, its e-mail address is a working link.
    slide = page.locator("article.slide", has=page.locator(f'a[href="{MAILTO}"]')).first
    link = slide.locator(f'.slide-text a[href="{MAILTO}"]').first
    expect(link).to_be_hidden()
    slide.locator("summary", has_text="Bildens text").click()
    expect(link).to_be_visible()
    link.click(trial=True)  # visible, enabled, not covered: a person can click it

    violations, report = axe_violations(page)
    assert violations == [], report

    # On a phone the 480 px thumbnails shrink to the screen; still axe clean.
    page.set_viewport_size({"width": 390, "height": 844})
    thumbnail.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert thumbnail.evaluate("img => img.getBoundingClientRect().right") <= 390
    violations, report = axe_violations(page)
    assert violations == [], report
    assert console_errors == []

"""A region editor prepares the next meeting in a browser: the attendance notice, a question,
and Min region, at desktop width and on a 390 px phone; axe finds nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .helpers import axe_violations, upcoming_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [pytest.param(1280, id="desktop"), pytest.param(390, id="phone")]


@pytest.fixture
def plan(reference):
    from webcert_forum.meetings.models import PlannedMeeting

    day = timezone.localdate() + dt.timedelta(days=12)
    starts = dt.datetime.combine(day, dt.time(13), timezone.get_current_timezone())
    return PlannedMeeting.objects.create(
        starts_at=starts, place="Inera, Stockholm", teams_link="https://teams.example/forum"
    )


@pytest.fixture
def editor_page(page, live_server, login, editor_user, plan):
    login("jkp", "pw-jkp")
    return page


def at_width(page, width):
    page.set_viewport_size({"width": width, "height": 900})


def fits_the_screen(page):
    """Nothing makes the page scroll sideways."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def assert_accessible(page):
    violations, report = axe_violations(page)
    assert violations == [], report
    assert fits_the_screen(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_editor_answers_the_attendance_notice(editor_page, live_server, plan, width, screenshot):
    page = editor_page
    at_width(page, width)
    page.goto(f"{live_server.url}/meetings/next/")
    expect(page.get_by_text("Ni har inte svarat.")).to_be_visible()
    page.get_by_role("link", name="Anmäl deltagande").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anmälan till mötet")
    assert_accessible(page)

    page.get_by_label("Ja, vi deltar").check()
    page.get_by_role("button", name="Skicka anmälan").click()
    expect(page.get_by_text("Skriv vem som deltar.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Vem deltar?").fill("Karin Berg, Ola Ek")
    page.get_by_role("button", name="Skicka anmälan").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Anmälan för Region Jönköpings län är sparad"
    )
    expect(page.get_by_text("Ni deltar: Karin Berg, Ola Ek")).to_be_visible()
    assert_accessible(page)
    screenshot(f"next-meeting-notice-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_editor_sends_in_a_question(editor_page, live_server, width):
    page = editor_page
    at_width(page, width)
    page.goto(f"{live_server.url}/meetings/next/")
    page.get_by_role("link", name="Skicka in en fråga").click()
    assert_accessible(page)
    page.get_by_role("button", name="Skicka frågan").click()
    expect(page.get_by_text("Skriv frågan.")).to_be_visible()
    page.get_by_label("Fråga").fill("När kommer DOI till Webcert Fristående?")
    page.get_by_label("Frågeställare (namn)").fill("Karin Berg")
    page.get_by_role("button", name="Skicka frågan").click()
    expect(page.get_by_role("status")).to_contain_text("Frågan är inskickad")
    questions = page.locator("section", has=page.get_by_role("heading", name="Inskickade frågor"))
    expect(questions).to_contain_text("När kommer DOI till Webcert Fristående?")
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_min_region_first_shows_what_to_do_then_confirms_a_window(
    page, live_server, login, editor_user, seed_meeting, plan, width, screenshot, console_errors
):
    upcoming_window("jonkoping", 20, note="Byte av journalsystem")
    at_width(page, width)
    login("jkp", "pw-jkp")
    expect(page.get_by_role("heading", level=1)).to_have_text("Min region: Region Jönköpings län")
    todo = page.locator(
        "section", has=page.get_by_role("heading", name="Att göra inför nästa möte")
    )
    expect(todo).to_contain_text("Svara om ni deltar i nästa möte.")
    expect(todo).to_contain_text("Bekräfta att 1 servicefönster fortfarande gäller.")
    assert_accessible(page)
    screenshot(f"min-region-{width}", docs=width == 1280)

    page.get_by_role("button", name="Bekräfta servicefönstret").click()
    expect(page.get_by_role("status")).to_contain_text("är bekräftat inför mötet")
    expect(todo).not_to_contain_text("servicefönster fortfarande gäller")
    expect(page.get_by_role("row").filter(has_text="Byte av journalsystem")).to_contain_text(
        "Bekräftat"
    )
    assert_accessible(page)
    assert console_errors == []

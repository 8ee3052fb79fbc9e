"""A region editor keeps their organisation's service windows in a browser."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from .helpers import axe_violations, focus_outline, tab_to, upcoming_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def day(days_ahead):
    return (dt.date.today() + dt.timedelta(days=days_ahead)).isoformat()


@pytest.fixture
def editor_page(page, live_server, login, editor_user):
    login("jkp", "pw-jkp")
    return page


def test_region_editor_adds_edits_and_deletes_a_window(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/service-windows/")
    page.get_by_role("link", name="Nytt servicefönster").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt servicefönster")
    expect(page.get_by_label("Organisation")).to_be_disabled()
    page.get_by_label("Från datum").fill(day(20))
    page.get_by_label("Till datum").fill(day(21))
    page.get_by_label("Berörda system eller anteckning").fill("Byte av journalsystem")
    page.get_by_role("button", name="Spara").click()

    expect(page.get_by_role("status")).to_contain_text("är sparat")
    row = page.get_by_role("row").filter(has_text="Byte av journalsystem")
    expect(row).to_contain_text("Region Jönköpings län")
    expect(row).to_contain_text(day(20))

    row.get_by_role("link", name="Ändra").click()
    expect(page.get_by_label("Från datum")).to_have_value(day(20))
    page.get_by_label("Till datum").fill(day(22))
    page.get_by_label("Berörda system eller anteckning").fill("Byte av journalsystem, dag 3")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("är ändrat")
    row = page.get_by_role("row").filter(has_text="dag 3")
    expect(row).to_contain_text(day(22))

    row.get_by_role("link", name="Ta bort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ta bort servicefönster")
    expect(page.locator(".facts")).to_contain_text("dag 3")
    page.get_by_role("button", name="Ta bort").click()
    expect(page.get_by_role("status")).to_contain_text("är borttaget")
    expect(page.get_by_role("row").filter(has_text="dag 3")).to_have_count(0)


def test_region_editor_cannot_open_another_regions_window(editor_page, live_server):
    halland = upcoming_window("halland", 30)
    response = editor_page.goto(f"{live_server.url}/service-windows/{halland.pk}/edit/")
    assert response.status == 403
    expect(editor_page.get_by_role("heading", level=1)).to_have_text("Åtkomst nekad")
    expect(editor_page.get_by_text("Du har inte behörighet")).to_be_visible()


def test_end_before_start_is_refused_in_swedish_and_the_input_is_kept(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/service-windows/new/")
    page.get_by_label("Från datum").fill(day(40))
    page.get_by_label("Till datum").fill(day(38))
    page.get_by_label("Berörda system eller anteckning").fill("Fel ordning")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Slutet kan inte vara före början.")).to_be_visible()
    expect(page.get_by_label("Från datum")).to_have_value(day(40))
    expect(page.get_by_label("Till datum")).to_have_value(day(38))
    expect(page.get_by_label("Berörda system eller anteckning")).to_have_value("Fel ordning")
    expect(page.get_by_label("Till datum")).to_have_attribute("aria-invalid", "true")
    violations, report = axe_violations(page)
    assert violations == [], report


def test_keyboard_user_fills_and_submits_the_form(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/service-windows/new/")
    start = dt.date.today() + dt.timedelta(days=50)
    tab_to(page, "el => el.id === 'id_start_date'")
    assert focus_outline(page) != "none"
    # Headless Chromium lays its date fields out month/day/year whatever the page's
    # language; each part moves on to the next when it is full.
    page.keyboard.type(f"{start:%m%d%Y}")
    expect(page.get_by_label("Från datum")).to_have_value(start.isoformat())
    tab_to(page, "el => el.id === 'id_end_date'", limit=12)
    page.keyboard.type(f"{start:%m%d%Y}")
    tab_to(page, "el => el.id === 'id_note'", limit=12)
    page.keyboard.type("Tangentbordsfönster")
    tab_to(page, "el => el.type === 'submit'", limit=12)
    assert focus_outline(page) != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("är sparat")
    expect(page.get_by_role("row").filter(has_text="Tangentbordsfönster")).to_contain_text(
        start.isoformat()
    )

"""The statistics dashboard in a browser: filtering, exporting and using it by keyboard."""

import re

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.exports import sheet_table

from .helpers import focus_outline, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLIDE_ORGANISATIONS = """() => {
  const chart = document.querySelector('[data-figure="fig-slide"]');
  return chart && chart.data ? [...new Set(chart.data.flatMap(trace => trace.x))] : null;
}"""


@pytest.fixture
def dashboard(page, live_server, login, staff_user, seed_meeting):
    login("anna", "pw-anna")
    page.goto(f"{live_server.url}/statistics/")
    # The charts are loaded after the page (a locator waits without evaluating a string,
    # which the site's Content Security Policy forbids); Plotly has drawn the bar chart once
    # its traces are on the element.
    expect(page.locator('[data-figure="fig-slide"] svg.main-svg').first).to_be_attached()
    assert page.evaluate(SLIDE_ORGANISATIONS) is not None
    return page


def test_filtering_to_one_region_and_two_months_changes_table_chart_and_url(dashboard):
    page = dashboard
    rows = page.locator("#minutes-table tbody tr")
    assert rows.count() > 10
    assert len(page.evaluate(SLIDE_ORGANISATIONS)) > 10
    expect(page.locator(".lead")).to_contain_text("maj 2022")

    page.get_by_label("Från månad").fill("2022-04")
    page.get_by_label("Till månad").fill("2022-05")
    page.get_by_text("Organisationer (alla)").click()
    page.get_by_label("Region Skåne (region)").check()
    page.get_by_role("button", name="Visa", exact=True).click()

    expect(page).to_have_url(re.compile(r"month_from=2022-04.*organisation=skane"))
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").first).to_have_text("Region Skåne")
    expect(page.locator(".lead")).to_contain_text("april 2022")
    expect(page.locator('[data-figure="fig-slide"] svg.main-svg').first).to_be_attached()
    assert page.evaluate(SLIDE_ORGANISATIONS) == ["Region Skåne"]
    # The form shows the filter it applied, so the reader can adjust it.
    expect(page.get_by_label("Från månad")).to_have_value("2022-04")
    expect(page.get_by_text("Organisationer (1 valda)")).to_be_visible()


def test_the_minutes_table_downloads_as_xlsx_with_the_minutes_numbers(dashboard, tmp_path):
    page = dashboard
    section = page.locator("section", has=page.locator("#minutes-heading"))
    with page.expect_download() as info:
        section.get_by_role("link", name="Excel (XLSX)").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    rows = sheet_table(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    header = rows[0]
    skane = next(row for row in rows if row[0] == "Region Skåne")
    assert skane[header.index("FK7804")] == 19949


def test_keyboard_user_filters_and_opens_a_charts_data_table(dashboard):
    page = dashboard
    tab_to(page, "el => el.id === 'id_channel'")
    assert focus_outline(page) != "none"
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Kanal").input_value() == "standalone"
    tab_to(page, "el => el.type === 'submit' && el.textContent.trim() === 'Visa'")
    assert focus_outline(page) != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"channel=standalone"))
    expect(page.locator(".lead")).to_contain_text("Webcert Fristående")

    tab_to(page, "el => el.textContent.trim() === 'Visa diagrammets data som tabell'")
    assert focus_outline(page) != "none"
    details = page.locator("details.chart-table").first
    expect(details.locator("table")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(details.locator("table")).to_be_visible()


def test_the_charts_section_keeps_its_link_when_the_charts_cannot_be_loaded(
    page, live_server, login, staff_user, seed_meeting
):
    login("anna", "pw-anna")
    page.route("**/statistics/diagram/**", lambda route: route.abort())
    page.goto(f"{live_server.url}/statistics/?channel=standalone")
    section = page.locator("section", has=page.locator("#charts-heading"))
    expect(section.get_by_role("status")).to_contain_text("Diagrammen kunde inte hämtas.")
    link = section.get_by_role("link", name="Visa diagrammen för samma urval")
    assert "/statistics/diagram/?" in link.get_attribute("href")
    assert "channel=standalone" in link.get_attribute("href")
    page.unroute("**/statistics/diagram/**")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intygsstatistik: diagram")
    expect(page.locator('[data-figure="fig-slide"] svg.main-svg').first).to_be_attached()


def test_the_charts_section_says_so_when_the_session_ended_before_the_charts_came(
    page, live_server, login, staff_user, seed_meeting
):
    login("anna", "pw-anna")
    # The charts' request meets a logged-out session: it is sent to the login page, as
    # LoginRequiredMiddleware answers it.
    page.route(
        "**/statistics/diagram/**",
        lambda route: route.fulfill(
            status=302, headers={"Location": "/accounts/login/?next=/statistics/diagram/"}
        ),
    )
    page.goto(f"{live_server.url}/statistics/")
    section = page.locator("section", has=page.locator("#charts-heading"))
    expect(section.get_by_role("status")).to_contain_text("Diagrammen kunde inte hämtas.")
    expect(section.locator(".chart")).to_have_count(0)

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAIN_PAGES = [
    ("oversikt", "/"),
    ("moten", "/meetings/"),
    ("mote-2022-06-01", "/meetings/2022-06-01/"),
    ("regioner", "/regions/"),
    ("region-jonkoping", "/regions/jonkoping/"),
    ("servicefonster", "/service-windows/"),
    ("releaser", "/releases/"),
    ("intygsstatistik", "/statistics/"),
    ("statistikdiagram", "/statistics/diagram/"),
    ("signering", "/signing/"),
    ("narvaro", "/meetings/attendance/"),
    ("sok-moten", "/meetings/search/?q=Webcert"),
    ("region-skane", "/regions/skane/"),
    ("nytt-servicefonster", "/service-windows/new/"),
    ("release-6.11.1", "/releases/6.11.1/"),
    ("rapportera-produktionsdatum", "/signing/skane/report/"),
]
# Also copied by hand to docs/screenshots/ for the README (viewport only, to stay small).
DOCS_SCREENSHOTS = {"oversikt", "mote-2022-06-01"}


@pytest.mark.parametrize("role", ["staff_user", "importer_user"])
def test_each_role_logs_in_and_sees_the_overview(
    request, page, live_server, login, seed_meeting, role
):
    user = request.getfixturevalue(role)
    login(user.username, f"pw-{user.username}")
    assert page.url.rstrip("/") == live_server.url
    assert page.get_by_role("heading", level=1).inner_text() == "Översikt"
    assert page.get_by_text(f"Inloggad som {user.username}").is_visible()


def test_anonymous_visitor_is_sent_to_login(page, live_server, seed_meeting):
    page.goto(f"{live_server.url}/statistics/")
    assert "/accounts/login/" in page.url
    assert page.get_by_role("heading", name="Logga in").is_visible()


@pytest.mark.parametrize("name,path", MAIN_PAGES)
def test_main_pages_have_no_axe_violations_and_no_console_errors(
    page, live_server, login, staff_user, seed_meeting, console_errors, screenshot, name, path
):
    login("anna", "pw-anna")
    page.goto(f"{live_server.url}{path}")
    page.wait_for_load_state("networkidle")
    screenshot(name, docs=name in DOCS_SCREENSHOTS)
    assert page.locator("html").get_attribute("lang") == "sv"
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
    assert console_errors == []


def test_keyboard_user_reaches_the_content_through_the_skip_link(
    page, live_server, login, staff_user, seed_meeting
):
    login("anna", "pw-anna")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

"""An importer brings the June 2022 minutes into an empty service through the browser."""

import pytest
from playwright.sync_api import expect

from tests.conftest import SEED_PDF

from .helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_importer_uploads_previews_and_confirms_the_seed_minutes(
    page, live_server, login, reference, importer_user, seed_document, console_errors, screenshot
):
    from webcert_forum.meetings.models import Meeting

    assert not Meeting.objects.exists()
    login("importer", "pw-importer")
    page.goto(f"{live_server.url}/meetings/import/")
    violations, report = axe_violations(page)
    assert violations == [], report
    page.get_by_label("Protokoll (PDF)").set_input_files(SEED_PDF)
    page.get_by_label("Mötesdatum").fill("2022-06-01")
    page.get_by_role("button", name="Ladda upp och förhandsgranska").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Förhandsgranskning av import", timeout=30_000
    )
    expect(page.locator(".facts")).to_contain_text(SEED_PDF.name)
    expect(page.locator(".facts")).to_contain_text("2022-06-01")
    expect(page.get_by_role("heading", name="Okända namn")).to_have_count(0)
    totals = page.get_by_text("Totalt:")
    expect(totals).to_contain_text("0 ändras")
    created = int(totals.inner_text().split("Totalt:")[1].split("skapas")[0])
    assert created > 500  # the statistics cells alone are more than 500
    assert not Meeting.objects.exists(), "the preview saved something"
    screenshot("importera-forhandsgranskning", docs=True)
    violations, report = axe_violations(page)
    assert violations == [], report

    page.get_by_role("button", name="Spara importen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sparad import")
    page.locator(".facts").get_by_role("link").first.click()

    expect(page).to_have_url(f"{live_server.url}/meetings/2022-06-01/")
    attendance = page.locator("section", has=page.locator("#narvaro"))
    expect(attendance.locator("tbody tr")).to_have_count(len(seed_document["attendance"]))
    pdf = page.get_by_role("link", name="Ladda ner PDF")
    expect(pdf).to_have_attribute("href", "/meetings/2022-06-01/protokoll.pdf")
    response = page.request.get(f"{live_server.url}/meetings/2022-06-01/protokoll.pdf")
    assert response.status == 200
    assert response.body().startswith(b"%PDF-")
    page.wait_for_load_state("networkidle")
    assert console_errors == []

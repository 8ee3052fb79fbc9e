"""Every page fits a phone (390 px wide): no sideways scroll of the page itself; wide tables
scroll inside their own box, with the first column kept in view."""

import pytest

from .test_foundation_flows import MAIN_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
EXTRA_PAGES = [
    ("import", "/meetings/import/"),
    ("importhistorik", "/meetings/import/history/"),
    ("kalender", "/service-windows/calendar/"),
]


def test_every_page_fits_a_phone(page, live_server, login, staff_user, seed_meeting, screenshot):
    login("anna", "pw-anna")
    page.set_viewport_size(PHONE)
    too_wide = {}
    for name, path in MAIN_PAGES + EXTRA_PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            culprits = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(el => el.tagName + '.' + el.className)"""
            )
            too_wide[path] = (widths, culprits)
        if name in ("oversikt", "intygsstatistik"):
            screenshot(f"mobil-{name}")
    assert too_wide == {}

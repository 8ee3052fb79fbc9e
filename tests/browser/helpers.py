"""What several browser tests share: keyboard navigation, focus visibility and axe."""

import datetime as dt

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def tab_to(page, predicate, limit=250):
    """Press Tab until `predicate` (a JS function of the focused element) holds; the test
    fails if it never does, so an unreachable control is an error, not a hang."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached the element matching {predicate}")


def focus_outline(page):
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def axe_violations(page):
    results = Axe().run(page, options={"runOnly": WCAG_21_AA})
    return results.response["violations"], results.generate_report()


def upcoming_window(organisation_key, days_ahead, length=1, note="Uppgradering av journalsystemet"):
    from regions.models import Organisation, ServiceWindow

    start = dt.date.today() + dt.timedelta(days=days_ahead)
    return ServiceWindow.objects.create(
        organisation=Organisation.objects.get(key=organisation_key),
        start_date=start,
        end_date=start + dt.timedelta(days=length - 1),
        note=note,
    )

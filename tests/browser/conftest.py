"""Browser tests: Playwright drives the OS's Chromium against pytest-django's live server.

Playwright cannot download its own browser on these machines, so it launches
/usr/bin/chromium. Without Chromium every browser test is skipped, and the run says so.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


SKIP_REASON = "Chromium not installed (apt-get install chromium)"


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering by database use
def pytest_collection_modifyitems(config, items):
    # Browser tests last: once Playwright runs, its event loop stays for the whole session.
    items.sort(key=lambda item: "browser" in item.keywords)
    if HAVE_CHROMIUM:
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


# Outermost wrapper, so that the line comes after the short summary, next to the totals.
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    result = yield
    # Counted from the reports: tests deselected with -m "not browser" are not skipped.
    skipped = sum(
        SKIP_REASON in str(report.longrepr) for report in terminalreporter.stats.get("skipped", [])
    )
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{skipped} browser tests SKIPPED: Chromium is not installed here "
            "(apt-get install chromium; .ci/run installs it)",
            yellow=True,
        )
    return result


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session", autouse=True)
def _orm_calls_beside_playwrights_event_loop():
    """Playwright's sync API leaves an event loop running in this thread until the session
    ends, and Django refuses ORM calls while one runs. Set from the first browser test on
    (which run last, see pytest_collection_modifyitems), not at import: in the environment
    of the whole run it would reach other tests' subprocesses, where `check --deploy`
    rightly fails on it (async.E001)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The README's screenshots are taken at this size.
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 900},
        "locale": "sv-SE",
        "accept_downloads": True,
    }


@pytest.fixture
def console_errors(page):
    errors = []
    # With the address: "Failed to load resource" alone does not say which one.
    page.on(
        "console",
        lambda m: (
            errors.append(f"{m.text} ({m.location.get('url')})") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture
def screenshot(page):
    def take(name, docs=False):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        if docs:
            # Candidates for docs/screenshots/: the viewport only, to keep each PNG small.
            (SCREENSHOTS / "docs").mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "docs" / f"{name}.png"))

    return take


@pytest.fixture
def login(page, live_server):
    def as_user(username, password):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state("networkidle")

    return as_user

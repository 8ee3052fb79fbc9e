"""Every main page asks the database the same number of times, whatever the length of the
history: more months of statistics and more meetings add rows, not queries."""

import copy
import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.statistics.conftest import add_history
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

MAIN_PAGES = [
    "/",
    "/meetings/",
    "/meetings/2022-06-01/",
    "/meetings/attendance/",
    "/regions/",
    "/regions/skane/",
    "/regions/stockholm-gotland/",
    "/service-windows/",
    "/releases/",
    "/signing/",
    "/statistics/",
    "/statistics/?organisation=skane&organisation=halland&month_from=2021-06&month_to=2022-05",
    "/statistics/?channel=integrated&certificate_type=FK7804",
    "/map/",
    "/map/?measure=change",
    "/map/?measure=signing",
]


def query_counts(client):
    counts = {}
    for path in MAIN_PAGES:
        cache.clear()  # the statistics pages keep built content: count the work, not a hit
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(captured)
    return counts


def earlier_meetings(seed_document, first, last):
    """The seed minutes under earlier dates, five weeks apart, each with its own release."""
    seed_document["certificate_counts"], seed_document["certificate_totals"] = [], []
    for i in range(first, last + 1):
        document = copy.deepcopy(seed_document)
        day = dt.date(2022, 6, 1) - dt.timedelta(weeks=5 * i)
        document["meeting"] = {"date": day.isoformat(), "next_meeting": None}
        document["release"]["version"] = f"6.10.{i}"
        document["release"]["date"] = day.isoformat()
        save_minutes(document, None)


def test_queries_do_not_grow_with_years_of_statistics_and_more_meetings(
    client, staff_user, seed_meeting, seed_document
):
    client.force_login(staff_user)
    # Two meetings (a meeting page compares with the one before) and a year of statistics…
    earlier_meetings(seed_document, 1, 1)
    add_history(10)
    short = query_counts(client)
    # …against six meetings and four years.
    earlier_meetings(seed_document, 2, 5)
    add_history(36, before=dt.date(2021, 6, 1))
    assert query_counts(client) == short

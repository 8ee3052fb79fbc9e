"""The service windows page: tabs, filters, timeline, export, paging, query count."""

import json

import pytest
from django.urls import reverse

from regions.models import Organisation
from tests.exports import read_csv

from .conftest import days_from_today, make_window

pytestmark = pytest.mark.django_db

URL = "/service-windows/"


@pytest.fixture
def reader(client, plain_user):
    client.force_login(plain_user)
    return client


def test_upcoming_and_past_tabs(reader, reference):
    make_window("jonkoping", days_from_today(3), note="Kommande-fönster")
    make_window("halland", days_from_today(-30), note="Gammalt-fönster")
    upcoming = reader.get(URL).content.decode()
    assert "Kommande-fönster" in upcoming and "Gammalt-fönster" not in upcoming
    past = reader.get(URL, {"tab": "past"}).content.decode()
    assert "Gammalt-fönster" in past and "Kommande-fönster" not in past
    assert 'aria-current="page">Tidigare' in past


def test_table_shows_duration_source_and_changed_by(reader, editor_user, reference):
    make_window("jonkoping", days_from_today(3), days_from_today(5), changed_by=editor_user)
    make_window("halland", days_from_today(4), source="minutes")
    html = reader.get(URL).content.decode()
    assert "3 dagar" in html and "1 dag<" in html
    assert "formulär" in html and "protokoll" in html
    assert ">jkp<" in html


def test_empty_states(reader, reference):
    html = reader.get(URL).content.decode()
    assert "Inga kommande servicefönster." in html
    assert "Inga servicefönster de kommande sex månaderna." in html
    assert "Inga tidigare servicefönster." in reader.get(URL, {"tab": "past"}).content.decode()


def test_filter_by_organisation_and_month(reader, reference):
    make_window("jonkoping", days_from_today(3), note="JKP-1")
    make_window("halland", days_from_today(3), note="HAL-1")
    far = days_from_today(100)
    make_window("halland", far, note="HAL-2")
    halland = Organisation.objects.get(key="halland")
    html = reader.get(URL, {"organisation": halland.pk}).content.decode()
    assert "HAL-1" in html and "HAL-2" in html and "JKP-1" not in html
    html = reader.get(URL, {"month": f"{far:%Y-%m}"}).content.decode()
    assert "HAL-2" in html and "HAL-1" not in html


def test_invalid_filter_shows_the_error_not_every_row(reader, reference):
    make_window("jonkoping", days_from_today(3), note="JKP-1")
    html = reader.get(URL, {"month": "maj"}).content.decode()
    assert "Ange månaden som ÅÅÅÅ-MM." in html
    assert "JKP-1" not in html


def main_table(response):
    """The list below the tabs (the timeline above holds the same windows)."""
    html = response.content.decode()
    return html[html.index('class="tabs"') :]


def test_sorting_by_organisation(reader, reference):
    make_window("varmland", days_from_today(1), note="Värmland-först-i-tid")
    make_window("blekinge", days_from_today(9), note="Blekinge-sist-i-tid")
    html = main_table(reader.get(URL))
    assert html.index("Värmland-först-i-tid") < html.index("Blekinge-sist-i-tid")
    html = main_table(reader.get(URL, {"sort": "organisation"}))
    assert html.index("Blekinge-sist-i-tid") < html.index("Värmland-först-i-tid")


def test_paginated(reader, reference):
    for day in range(30):
        make_window("jonkoping", days_from_today(day + 1), note=f"fönster-{day:02d}")
    first = main_table(reader.get(URL))
    assert "fönster-00" in first and "fönster-29" not in first
    second = main_table(reader.get(URL, {"page": 2}))
    assert "fönster-29" in second


def test_timeline_has_one_row_per_organisation_and_swedish_months(reader, reference):
    make_window("jonkoping", days_from_today(3))
    make_window("jonkoping", days_from_today(20))
    make_window("halland", days_from_today(40))
    make_window("skane", days_from_today(400))  # beyond six months: not drawn
    response = reader.get(URL)
    html = response.content.decode()
    start = html.index('id="fig-service-windows"')
    payload = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    rows = {trace["name"]: len(trace["y"]) for trace in payload["data"]}
    assert rows == {"Region Halland": 1, "Region Jönköpings län": 2}
    layout = payload["layout"]
    assert layout["xaxis"]["title"]["text"] and layout["yaxis"]["title"]["text"]
    assert len(layout["xaxis"]["ticktext"]) == 7
    assert all(t.split()[0] in html_months() for t in layout["xaxis"]["ticktext"])
    assert "Visa diagrammets data som tabell" in html
    assert "vendor/plotly-cartesian.min.js" in html


def html_months():
    from webcert_forum.core.months import SWEDISH_MONTHS

    return SWEDISH_MONTHS


def test_csv_export_takes_every_filtered_row_and_neutralises_formulas(reader, reference):
    for day in range(30):
        make_window("jonkoping", days_from_today(day + 1), note=f"fönster-{day}")
    make_window("halland", days_from_today(2), note='=HYPERLINK("http://x")')
    make_window("halland", days_from_today(-5), note="dåtid")
    response = reader.get(URL, {"_export": "csv"})
    assert response.status_code == 200
    filters, rows = read_csv(response)
    assert rows[0][:3] == ["Organisation", "Från", "Till"]
    assert "Åtgärder" not in rows[0]
    assert len(rows) == 1 + 31
    notes = [r[rows[0].index("Berörda system / anteckning")] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in notes
    assert "dåtid" not in notes
    halland = Organisation.objects.get(key="halland")
    filtered = reader.get(URL, {"_export": "csv", "organisation": halland.pk})
    filters, rows = read_csv(filtered)
    assert len(rows) == 2
    assert filters["Filter: Organisation"] == "Region Halland"


def test_list_page_query_count_does_not_grow_with_rows(
    reader, editor_user, reference, django_assert_max_num_queries
):
    keys = ["jonkoping", "halland", "skane", "varmland", "kalmar", "uppsala"]
    for day in range(40):
        make_window(keys[day % len(keys)], days_from_today(day), changed_by=editor_user)
    for day in range(10):
        make_window(keys[day % len(keys)], days_from_today(-day - 1))
    with django_assert_max_num_queries(10):
        assert reader.get(URL).status_code == 200
    with django_assert_max_num_queries(10):
        assert reader.get(URL, {"tab": "past"}).status_code == 200


def test_calendar_links_on_the_page(reader, reference):
    html = reader.get(URL).content.decode()
    assert reverse("service-windows-feed") in html
    assert reverse("service_windows:calendar") in html


def test_the_overview_says_when_it_shows_only_the_nearest_windows(client, staff_user):
    for n in range(7):
        make_window("halland", days_from_today(10 + 3 * n))
    client.force_login(staff_user)
    html = client.get(reverse("overview")).content.decode()
    assert "Visar de 5 närmaste av 7 kommande servicefönster." in html

"""The /statistics/ page as a staff member uses it: filters in the URL, the tables, errors."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificate_statistics.models import CertificateCount

from .conftest import add_history

pytestmark = pytest.mark.django_db

URL = reverse("statistics:dashboard")
CHARTS_URL = reverse("statistics:charts")
NBSP = "\xa0"


def get(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def minutes_rows(response):
    """{organisation: [cell texts]} of the minutes' table, in the order shown."""
    html = response.content.decode()
    table = html[
        html.index('id="minutes-table"') : html.index("</table>", html.index('id="minutes-table"'))
    ]
    rows = {}
    for row in re.findall(
        r"<tr[^>]*>(.*?)</tr>", table.split("<tbody")[1].split("</tbody>")[0], re.S
    ):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def test_defaults_to_the_latest_month_every_channel(client, staff_user, seed_meeting):
    response = get(client, staff_user)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="month_to" value="2022-05"' in html
    assert "Period: <strong>maj 2022</strong>" in html
    skane = minutes_rows(response)["Region Skåne"]
    assert f"19{NBSP}949" in skane
    assert skane[-3:-1] == [f"22{NBSP}631", f"22{NBSP}631"]  # computed beside printed


def test_empty_cells_are_empty_not_zero(client, staff_user, seed_meeting):
    rows = minutes_rows(get(client, staff_user, month_to="2022-04", channel="standalone"))
    gavleborg = rows["Region Gävleborg"]
    # AG1-14 … FK7800 empty, TS bas 146, TS diabetes 8, total 154.
    assert gavleborg[:8] == [""] * 8
    assert gavleborg[8:11] == ["146", "8", "154"]


def test_total_row_and_thousands_separator(client, staff_user, seed_meeting):
    html = get(client, staff_user).content.decode()
    footer = html[html.index("<tfoot") : html.index("</tfoot>")]
    assert "Totalt" in footer
    assert f"198{NBSP}592" in footer


def test_sortable_by_a_type_column(client, staff_user, seed_meeting):
    response = get(client, staff_user, **{"minutes-sort": "-t_fk7804"})
    order = list(minutes_rows(response))
    assert order[:3] == ["Stockholm/Gotland", "Västra Götalandsregionen", "Region Skåne"]


def test_change_table_sorts_by_per_cent(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    html = client.get(URL, {"change-sort": "-change_percent"}).content.decode()
    table = html[html.index('id="change-table"') :]
    first_row = re.search(r"<tbody[^>]*>\s*<tr[^>]*>(.*?)</tr>", table, re.S).group(1)
    # Västmanland grew most from April to May 2022: 5 005 → 5 780, +15,5 %.
    assert "Region Västmanland" in first_row
    assert "+775" in first_row and "+15,5 %" in first_row


def test_organisation_filter_keeps_only_those_rows(client, staff_user, seed_meeting):
    rows = minutes_rows(get(client, staff_user, organisation=["skane", "gavleborg"]))
    assert set(rows) == {"Region Skåne", "Region Gävleborg"}


def test_type_filter_keeps_only_those_columns_and_hides_the_printed_total(
    client, staff_user, seed_meeting
):
    response = get(client, staff_user, certificate_type=["FK7804", "DB"])
    html = response.content.decode()
    header = html[html.index('id="minutes-table"') : html.index("</thead>")]
    assert "FK7804" in header and "DB" in header and "AG7804" not in header
    assert "Totalsumma (protokollet)" not in header
    assert minutes_rows(response)["Region Skåne"] == ["864", f"19{NBSP}949", f"20{NBSP}813"]


def test_recipient_filter_keeps_that_recipients_types(client, staff_user, seed_meeting):
    response = get(client, staff_user, recipient="Transportstyrelsen")
    html = response.content.decode()
    header = html[html.index('id="minutes-table"') : html.index("</thead>")]
    codes = re.findall(r"minutes-sort=t_[^\"]*\">([^<]+)<", header)
    assert codes == ["TS bas", "TS diabetes"]


def test_channel_filter_and_integrated_is_labelled_as_computed(client, staff_user, seed_meeting):
    response = get(client, staff_user, month_to="2022-04", channel="integrated")
    html = response.content.decode()
    assert "beräknat" in html
    # Gävleborg April, TS bas: 146 in all channels − 146 standalone is a computed 0 (shown),
    # TS diabetes 35 − 8 = 27; FK7804 has no standalone cell, so it is all channels: 1 561.
    gavleborg = minutes_rows(response)["Region Gävleborg"]
    assert gavleborg[8:10] == ["0", "27"]
    assert gavleborg[4] == f"1{NBSP}561"


def test_month_range_filter(client, staff_user, seed_meeting):
    response = get(client, staff_user, month_from="2022-04", month_to="2022-05")
    assert "april 2022 – maj 2022" in response.content.decode()
    assert minutes_rows(response)["Region Skåne"][-3] == f"43{NBSP}920"


def test_invalid_filter_shows_swedish_errors_and_no_rows(client, staff_user, seed_meeting):
    html = get(client, staff_user, month_from="2022-13", channel="fel").content.decode()
    assert "Ange en månad som ÅÅÅÅ-MM" in html
    assert "Välj ett giltigt alternativ" in html
    assert 'id="minutes-table"' not in html
    assert "Filtret innehåller fel" in html
    # The form shows what was typed, so it can be corrected.
    assert 'value="2022-13"' in html


def test_reversed_month_range_is_an_error(client, staff_user, seed_meeting):
    html = get(client, staff_user, month_from="2022-05", month_to="2022-04").content.decode()
    assert "Från-månaden kan inte vara efter till-månaden." in html
    assert 'id="minutes-table"' not in html


def test_filter_that_matches_nothing_says_so(client, staff_user, seed_meeting):
    html = get(client, staff_user, month_to="2021-01").content.decode()
    assert "Ingen statistik matchar filtret" in html
    assert 'id="minutes-table"' not in html
    assert "plotly" not in html


def test_without_any_statistics_the_page_says_so(client, staff_user):
    html = get(client, staff_user).content.decode()
    assert "Ingen statistik är inläst." in html


def test_every_role_may_read_and_anonymous_must_log_in(
    client, seed_meeting, editor_user, plain_user
):
    assert client.get(URL).status_code == 302
    for user in (editor_user, plain_user):
        assert get(client, user).status_code == 200


def test_an_edit_is_shown_at_once_despite_the_cache(client, staff_user, seed_meeting):
    assert f"19{NBSP}949" in minutes_rows(get(client, staff_user))["Region Skåne"]
    cell = CertificateCount.objects.get(
        month="2022-05-01",
        channel="all",
        organisation__key="skane",
        certificate_type__code="FK7804",
    )
    cell.count = 20000
    cell.save()
    assert f"20{NBSP}000" in minutes_rows(get(client, staff_user))["Region Skåne"]


def test_an_import_preview_leaves_the_cached_page_alone(
    client, staff_user, seed_meeting, seed_document
):
    from certificate_statistics.cache import data_version
    from webcert_forum.meetings.services import preview_minutes

    get(client, staff_user)
    version = data_version()
    cell = next(e for e in seed_document["certificate_counts"] if e["org"] == "skane")
    cell["count"] += 1
    summary = preview_minutes(seed_document)
    assert summary.total("updated") >= 1  # the preview did write, then rolled back
    assert data_version() == version


def test_the_cached_page_still_greets_each_user(client, staff_user, plain_user, seed_meeting):
    assert "<strong>anna</strong>" in get(client, staff_user).content.decode()
    html = get(client, plain_user).content.decode()
    assert "<strong>reader</strong>" in html and "<strong>anna</strong>" not in html
    assert f"19{NBSP}949" in html


def queries_for(client, params, url=URL):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


FILTERS = [
    {},
    {"month_from": "2021-01", "month_to": "2022-05", "channel": "integrated"},
    {"organisation": ["skane", "gavleborg"], "month_from": "2021-06", "month_to": "2022-05"},
    {"certificate_type": ["FK7804"], "recipient": "Försäkringskassan"},
]


@pytest.mark.parametrize("url", [URL, CHARTS_URL])
@pytest.mark.parametrize("params", FILTERS)
def test_query_count_does_not_grow_with_history(
    client, staff_user, seed_meeting, params, url, django_assert_max_num_queries
):
    client.force_login(staff_user)
    before = queries_for(client, params, url)
    add_history(24)
    after = queries_for(client, params, url)
    assert after == before
    with django_assert_max_num_queries(16):
        client.get(url, params)


def test_a_cached_page_makes_fewer_queries(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    uncached = queries_for(client, {})
    with CaptureQueriesContext(connection) as captured:
        client.get(URL)
    assert len(captured) < uncached


def test_the_charts_section_links_to_the_charts_of_the_same_selection(
    client, staff_user, seed_meeting
):
    params = {
        "organisation": ["skane", "halland"],
        "month_from": "2022-04",
        "minutes-sort": "total",
    }
    html = get(client, staff_user, **params).content.decode()
    section = html[html.index('aria-labelledby="charts-heading"') :]
    link = re.search(r'<a href="([^"]+)">Visa diagrammen för samma urval</a>', section).group(1)
    assert re.search(r'data-charts="([^"]+)"', section).group(1) == link
    path, query = link.replace("&amp;", "&").split("?")
    assert path == CHARTS_URL
    # The selection, not how the tables are sorted.
    assert sorted(query.split("&")) == [
        "month_from=2022-04",
        "organisation=halland",
        "organisation=skane",
    ]
    charts = client.get(link.replace("&amp;", "&")).content.decode()
    assert "april 2022 – maj 2022" in charts
    assert charts.count('class="chart"') >= 5
    back = re.search(r'<a href="([^"]+)">Till statistiken med samma urval</a>', charts).group(1)
    path, query = back.replace("&amp;", "&").split("?")
    assert path == URL and sorted(query.split("&")) == [
        "month_from=2022-04",
        "organisation=halland",
        "organisation=skane",
    ]


def test_the_charts_page_says_why_it_has_no_charts(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    errors = client.get(CHARTS_URL, {"month_from": "2022-13"}).content.decode()
    assert "Filtret innehåller fel" in errors and "rätta dem på statistiksidan" in errors
    assert '<a href="/statistics/?month_from=2022-13">rätta dem på statistiksidan</a>' in errors
    nothing = client.get(CHARTS_URL, {"month_to": "2021-01"}).content.decode()
    assert "Ingen statistik matchar filtret" in nothing
    for html in (errors, nothing):
        assert 'class="chart"' not in html and "plotly" not in html


def test_the_charts_page_without_any_statistics(client, staff_user):
    client.force_login(staff_user)
    assert "Ingen statistik är inläst." in client.get(CHARTS_URL).content.decode()
    client.logout()
    assert client.get(CHARTS_URL).status_code == 302


def test_a_printed_total_that_differs_is_marked_in_its_row(
    client, staff_user, reference, seed_document
):
    from webcert_forum.meetings.services import save_minutes

    for entry in seed_document["certificate_totals"]:
        if (entry["month"], entry["channel"], entry["org"]) == ("2022-05", "all", "blekinge"):
            entry["total"] += 1207
    save_minutes(seed_document, None)
    response = get(client, staff_user, month_from="2022-05", month_to="2022-05")
    html = response.content.decode()
    marks = re.findall(r'<mark class="differs"[^>]*>(.*?)</mark>', html)
    assert marks == [f"≠ 1{NBSP}207"]
    blekinge = next(cells for name, cells in minutes_rows(response).items() if "Blekinge" in name)
    computed, printed = blekinge[-3], blekinge[-2]
    assert int(printed.replace(NBSP, "")) - int(computed.replace(NBSP, "")) == 1207


def test_the_dashboards_tables_write_the_rows_django_tables2_writes(staff_user, seed_meeting):
    """The minutes' and the change table's rows through the site's table tags and through
    django-tables2's own template: the same cells (numbers, signs, links, marks)."""
    from django.template import engines
    from django.test import RequestFactory

    from certificate_statistics.dashboard import build_dashboard
    from certificate_statistics.selection import Selection
    from certificate_statistics.tables import ChangeTable, MinutesTable

    may = dt.date(2022, 5, 1)
    data = build_dashboard(Selection(month_from=may, month_to=may))
    request = RequestFactory().get("/")
    request.user = staff_user

    def tables():
        return [
            MinutesTable(
                data["minutes"]["rows"],
                types=data["types"],
                footer_values=data["minutes"]["footer"],
                show_printed=True,
            ),
            ChangeTable(
                data["change"],
                previous_label=data["previous_label"],
                current_label=data["current_label"],
            ),
        ]

    def body(table, template_name):
        template = engines["django"].from_string(
            '{% load django_tables2 %}{% render_table table "' + template_name + '" %}'
        )
        html = template.render({"table": table}, request)
        return re.sub(r">\s+<", "><", html.split("<tbody")[1].split("</tbody>")[0]).strip()

    for ours, theirs in zip(tables(), tables(), strict=True):
        assert body(ours, "_tables2_table.html") == body(theirs, "django_tables2/table.html")
    assert "+" in body(tables()[1], "_tables2_table.html")

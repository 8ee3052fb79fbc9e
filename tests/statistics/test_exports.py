"""The CSV and XLSX downloads: what the page shows, every row, Swedish headers, safe cells."""

import re
from urllib.parse import parse_qs

import pytest
from django.urls import reverse

from regions.models import Organisation
from tests.exports import csv_table as read_csv
from tests.exports import read_csv as read_csv_with_filter
from tests.exports import read_xlsx as read_xlsx_with_filter
from tests.exports import xlsx_table as read_xlsx

pytestmark = pytest.mark.django_db

URL = reverse("statistics:dashboard")


def download(client, user, **params):
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def test_minutes_csv_has_swedish_headers_every_row_and_the_total_row(
    client, staff_user, seed_meeting
):
    response = download(client, staff_user, _export="csv", table="minutes")
    assert response["Content-Type"].startswith("text/csv")
    assert "intygsstatistik-2022-05-2022-05.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][0] == "Organisation"
    assert rows[0][-3:] == ["Summa (beräknad)", "Totalsumma (protokollet)", "Avvikelse"]
    by_name = {r[0]: r for r in rows[1:]}
    assert len(by_name) == 22  # 21 organisations and the total row
    skane = by_name["Region Skåne"]
    assert skane[rows[0].index("FK7804")] == "19949"
    assert skane[rows[0].index("Summa (beräknad)")] == "22631"
    assert by_name["Totalt"][rows[0].index("Summa (beräknad)")] == "198592"
    # An empty cell stays empty in the file too.
    assert by_name["Region Kronoberg"][rows[0].index("AG1-14")] == ""


def test_minutes_xlsx_reads_back_with_numbers(client, staff_user, seed_meeting):
    response = download(
        client,
        staff_user,
        _export="xlsx",
        table="minutes",
        organisation="gavleborg",
        month_to="2022-04",
        channel="standalone",
    )
    rows = read_xlsx(response)
    header = rows[0]
    assert header[0] == "Organisation" and "TS bas" in header
    gavleborg = rows[1]
    assert gavleborg[0] == "Region Gävleborg"
    assert gavleborg[header.index("TS bas")] == 146
    assert gavleborg[header.index("TS diabetes")] == 8
    assert gavleborg[header.index("FK7804")] in (None, "")
    assert rows[-1][0] == "Totalt"


def test_change_export_follows_the_filter(client, staff_user, seed_meeting):
    rows = read_xlsx(
        download(client, staff_user, _export="xlsx", table="change", organisation="skane")
    )
    assert rows[0] == [
        "Organisation",
        "April 2022",
        "Maj 2022",
        "Förändring (antal)",
        "Förändring (%)",
    ]
    assert rows[1:] == [["Region Skåne", 21289, 22631, 1342, round(100 * 1342 / 21289, 1)]]


def test_export_takes_every_row_not_the_page(client, staff_user, seed_meeting):
    page = download(client, staff_user, **{"change-per_page": 2}).content.decode()
    change_table = page[
        page.index('id="change-table"') : page.index("</table>", page.index('id="change-table"'))
    ]
    assert change_table.count("/regions/") == 2
    rows = read_csv(
        download(client, staff_user, _export="csv", table="change", **{"change-per_page": 2})
    )
    assert len(rows) == 1 + 21


def test_labels_that_look_like_formulas_are_neutralised(client, staff_user, seed_meeting):
    Organisation.objects.filter(key="skane").update(name='=HYPERLINK("http://x")')
    from certificate_statistics.cache import bump_version

    bump_version()
    csv_rows = read_csv(download(client, staff_user, _export="csv", table="minutes"))
    assert ['\'=HYPERLINK("http://x")'] == [r[0] for r in csv_rows if "HYPERLINK" in r[0]]
    xlsx_rows = read_xlsx(download(client, staff_user, _export="xlsx", table="change"))
    names = [r[0] for r in xlsx_rows if "HYPERLINK" in str(r[0])]
    assert names == ['\'=HYPERLINK("http://x")']
    # A negative change is a number, not a formula: it stays a number.
    assert all(isinstance(r[3], int) for r in xlsx_rows[1:])


def test_unknown_table_is_404(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    assert client.get(URL, {"_export": "csv", "table": "secrets"}).status_code == 404


def test_the_page_links_to_exports_of_what_it_shows(client, staff_user, seed_meeting):
    html = download(client, staff_user, organisation="skane", channel="standalone").content
    links = re.findall(r'href="\?([^"]*_export=[^"]*)"', html.decode())
    assert len(links) == 4
    for link in links:
        params = parse_qs(link.replace("&amp;", "&"))
        assert params["organisation"] == ["skane"] and params["channel"] == ["standalone"]
    assert {(parse_qs(x.replace("&amp;", "&"))["table"][0], x[-4:]) for x in links} == {
        ("minutes", "=csv"),
        ("minutes", "xlsx"),
        ("change", "=csv"),
        ("change", "xlsx"),
    }


def test_csv_opens_in_swedish_excel_and_both_formats_record_the_filter(
    client, staff_user, seed_meeting
):
    params = {"organisation": "skane", "channel": "standalone", "table": "change"}
    response = download(client, staff_user, _export="csv", **params)
    assert response.content.startswith("\ufeff".encode())
    filters, rows = read_csv_with_filter(response)
    assert rows[0][0] == "Organisation" and "Skåne" in rows[1][0]  # å survives
    assert re.fullmatch(r"-?\d+,\d", rows[1][rows[0].index("Förändring (%)")])  # 9,7
    xlsx_filters, _ = read_xlsx_with_filter(download(client, staff_user, _export="xlsx", **params))
    for recorded in (filters, xlsx_filters):
        assert recorded["Filter: Period"] == "maj 2022"
        assert recorded["Filter: Kanal"] == "Webcert Fristående"
        assert recorded["Filter: Organisationer"] == "Region Skåne"
        assert recorded["Filter: Intygstyper"] == "Alla"
        assert recorded["Filter: Jämförelse"] == "maj 2022 mot april 2022"

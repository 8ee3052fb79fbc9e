"""/map/: the 21 counties drawn on the server, coloured by the chosen measure, each a link to
its organisation, with the same figures in a table beside the map."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificate_statistics.models import CertificateCount
from regions.models import Organisation
from tests.tables import table_in
from webcert_forum.overview.sweden_map.counties import COUNTIES

pytestmark = pytest.mark.django_db

COUNTY = re.compile(
    r'<a href="(?P<url>[^"]+)" aria-label="(?P<label>[^"]+)"><path id="county-(?P<id>[\w-]+)" '
    r'class="sweden-map__county" data-class="(?P<cls>\w+)" d="[^"]+" fill="(?P<fill>[^"]+)">'
    r"<title>(?P<title>[^<]+)</title>"
)
LEGEND = re.compile(
    r'<rect width="18" height="18" fill="([^"]+)" stroke="#4a4a4a"/></svg> ([^<]+)</li>'
)


def draw(client, user, **params):
    client.force_login(user)
    response = client.get("/map/", params)
    html = response.content.decode()
    counties = {m["id"]: m.groupdict() for m in COUNTY.finditer(html)}
    legend = {label.strip(): colour for colour, label in LEGEND.findall(html)}
    return response, html, counties, legend


def month_total(key, month):
    return sum(
        CertificateCount.objects.filter(
            organisation__key=key, month=month, channel="all"
        ).values_list("count", flat=True)
    )


def test_every_county_is_drawn_and_links_to_its_organisation(client, staff_user, seed_meeting):
    response, html, counties, legend = draw(client, staff_user)
    assert response.status_code == 200
    assert len(counties) == len(COUNTIES) == 21
    assert counties["skane"]["url"] == "/regions/skane/"
    assert counties["vastra-gotaland"]["url"] == "/regions/vastra-gotaland/"
    assert counties["jamtland"]["url"] == "/regions/jamtland-harjedalen/"
    # Every county's organisation is found by its county code.
    coded = set(Organisation.objects.exclude(county_code="").values_list("key", flat=True))
    linked = {c["url"].split("/")[2] for c in counties.values()}
    assert linked == coded - {"stockholm", "gotland"} | {"stockholm-gotland"}
    # The licence is credited on the page.
    assert "@svg-maps/sweden" in html and "CC BY 4.0" in html


def test_certificates_colour_by_class_with_stockholm_and_gotland_as_their_group(
    client, staff_user, seed_meeting
):
    _, html, counties, legend = draw(client, staff_user, measure="certificates", month="2022-05")
    may = dt.date(2022, 5, 1)
    assert counties["skane"][
        "title"
    ] == f"Region Skåne: {month_total('skane', may):,} intyg".replace(",", "\xa0")
    group = month_total("stockholm-gotland", may)
    assert counties["stockholm"]["fill"] == counties["gotland"]["fill"]
    assert "Region Stockholm (redovisas som Stockholm/Gotland)" in counties["stockholm"]["title"]
    assert "redovisas gemensamt" in html
    # Each fill is its class's colour in the legend, and a larger county is never lighter.
    fills = list(legend.values())
    for county in counties.values():
        assert county["fill"] in fills
    order = sorted(counties.values(), key=lambda c: month_total(c["url"].split("/")[2], may))
    ranks = [fills.index(c["fill"]) for c in order]
    assert ranks == sorted(ranks)
    assert fills.index(counties["stockholm"]["fill"]) == len(fills) - 2  # darkest; last is "none"
    assert group > month_total("skane", may)


def test_change_against_the_previous_month(client, staff_user, seed_meeting):
    _, _, counties, legend = draw(client, staff_user, measure="change", month="2022-05")
    before = month_total("skane", dt.date(2022, 4, 1))
    now = month_total("skane", dt.date(2022, 5, 1))
    percent = round(100 * (now - before) / before, 1)
    assert 2 <= percent < 10
    assert counties["skane"]["fill"] == legend["Ökning 2–10 %"]
    assert (
        f"({'+' if percent > 0 else ''}{percent:.1f} %)".replace(".", ",")
        in counties["skane"]["title"]
    )
    # April has no earlier month: no change to colour.
    _, _, counties, legend = draw(client, staff_user, measure="change", month="2022-04")
    assert {c["fill"] for c in counties.values()} == {"url(#map-no-data)"}


def test_signing_status_and_connection(client, staff_user, seed_meeting):
    _, _, counties, legend = draw(client, staff_user, measure="signing")
    assert counties["stockholm"]["fill"] == counties["gotland"]["fill"] == legend["Planerat"]
    assert counties["skane"]["fill"] == legend["Ej rapporterat"]
    _, _, counties, legend = draw(client, staff_user, measure="connection")
    # Halland's date is preliminary in the seed minutes; Skåne's (2021) has passed.
    assert counties["halland"]["fill"] == legend["Planerad (datum framåt eller preliminärt)"]
    assert counties["skane"]["fill"] == legend["Ansluten"]


def test_the_table_beside_the_map_has_the_same_figures_and_lists_agents(
    client, staff_user, seed_meeting
):
    _, html, counties, _ = draw(client, staff_user, month="2022-05")
    table = table_in(html, id="map-table")
    assert table.caption == "Kartans siffror per län"
    assert table.headers == ["Län", "Organisation", "Utfärdade intyg under månaden"]
    assert len(table.rows) == 21
    for attrs, row in zip(table.row_attrs, table.rows, strict=True):
        assert counties[attrs["data-county"]]["title"].replace("\xa0", " ").endswith(row[2])
    assert ["Skåne", "Region Skåne", "22 631 intyg"] in table.rows
    outside = html[html.index('id="map-outside"') :]
    outside = outside[: outside.index("</ul>")]
    assert "Capio S:t Görans sjukhus</a>: 1\xa0287 intyg" in outside
    assert "Region" not in outside


def test_a_bad_month_is_a_clear_error(client, staff_user, seed_meeting):
    response, html, counties, _ = draw(client, staff_user, month="maj")
    assert response.status_code == 400
    assert "Ange en månad som ÅÅÅÅ-MM" in html
    assert counties == {}


def test_queries_do_not_grow_with_the_history(client, staff_user, seed_meeting):
    from tests.statistics.conftest import add_history

    client.force_login(staff_user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/map/", {"measure": "change"}).status_code == 200
        return len(captured)

    before = count()
    add_history(24)
    assert count() == before

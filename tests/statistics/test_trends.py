"""Change over time on /statistics/: the biggest movers between the two latest months with
data, and the same month a year earlier."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from certificate_statistics.cache import bump_version
from certificate_statistics.models import CertificateCount

from .conftest import add_history

pytestmark = pytest.mark.django_db

URL = reverse("statistics:dashboard")
APRIL, MAY = dt.date(2022, 4, 1), dt.date(2022, 5, 1)


def text(html, heading_id):
    start = html.index(">", html.index(f'id="{heading_id}"')) + 1
    end = html.index("</section>", start)
    return " ".join(re.sub(r"<[^>]+>", " ", html[start:end]).replace("\xa0", " ").split())


def sv(n):
    return f"{n:,}".replace(",", " ")


def set_count(key, code, month, n):
    CertificateCount.objects.filter(
        organisation__key=key, certificate_type__code=code, month=month, channel="all"
    ).update(count=n)
    bump_version()


def page(client, user, **params):
    client.force_login(user)
    return client.get(URL, params).content.decode()


def test_movers_name_organisation_type_number_and_per_cent_in_swedish(
    client, staff_user, seed_meeting
):
    set_count("skane", "FK7804", APRIL, 14864)
    set_count("skane", "FK7804", MAY, 13660)
    movers = text(page(client, staff_user, organisation="skane"), "movers-heading")
    assert movers.startswith("Största förändringar: maj 2022 mot april 2022")
    assert "Region Skåne , FK7804: −1 204 (−8,1 %)" in movers
    # The biggest change comes first.
    first = movers.index("FK7804: −1 204")
    assert all(first < movers.index(other) for other in ("DB:", "DOI:") if other in movers)


def test_movers_are_the_largest_changes_of_the_whole_country(client, staff_user, seed_meeting):
    html = page(client, staff_user)
    cells = re.findall(r"<li>(.*?)</li>", html[html.index('id="movers-heading"') :], re.S)[:5]
    changes = []
    for cell in cells:
        number = re.search(r": ([+−][\d\xa0 ]+) \(", cell).group(1)
        value = int(number.replace("−", "-").replace("+", "").replace("\xa0", "").replace(" ", ""))
        changes.append(abs(value))
    assert changes == sorted(changes, reverse=True)
    # Checked against the counts themselves: no cell changed more than the first mover.
    april = {
        (c.organisation_id, c.certificate_type_id): c.count
        for c in CertificateCount.objects.filter(month=APRIL, channel="all")
    }
    largest = max(
        abs(c.count - april[(c.organisation_id, c.certificate_type_id)])
        for c in CertificateCount.objects.filter(month=MAY, channel="all")
        if (c.organisation_id, c.certificate_type_id) in april
    )
    assert changes[0] == largest


def test_movers_skip_a_month_without_data(client, staff_user, seed_meeting):
    # The history stops in January; the two latest months with data are still April and May.
    add_history(3, before=dt.date(2022, 2, 1), organisation_keys=["skane"])
    movers = text(
        page(client, staff_user, organisation="skane", month_to="2022-05"), "movers-heading"
    )
    assert "maj 2022 mot april 2022" in movers
    # Up to March, the latest two months with data are December and January.
    movers = text(
        page(client, staff_user, organisation="skane", month_from="2022-01", month_to="2022-03"),
        "movers-heading",
    )
    assert "januari 2022 mot december 2021" in movers
    assert "Inga förändringar" in movers  # the history's counts are equal month to month


def test_year_over_year_where_the_month_a_year_earlier_exists(client, staff_user, seed_meeting):
    add_history(13, organisation_keys=["skane"], count=100)
    yoy = text(page(client, staff_user), "yoy-heading")
    assert yoy.startswith("Jämfört med samma månad året innan: maj 2022 mot maj 2021")
    may_2021 = sum(
        c.count
        for c in CertificateCount.objects.filter(
            organisation__key="skane", month="2021-05-01", channel="all"
        )
    )
    may_2022 = 22631
    change = may_2022 - may_2021
    percent = f"{100 * change / may_2021:,.1f}".replace(",", " ").replace(".", ",")
    assert f"Region Skåne {sv(may_2021)} 22 631 +{sv(change)} (+{percent} %)" in yoy
    # Only Skåne has May 2021: no other organisation is compared.
    assert "Region Halland" not in yoy
    fk7804 = re.search(r"FK7804 (\d+) ([\d ]+) ", yoy)
    assert int(fk7804.group(1)) == 100
    assert int(fk7804.group(2).replace(" ", "")) == 176276


def test_no_year_earlier_says_so(client, staff_user, seed_meeting):
    yoy = text(page(client, staff_user), "yoy-heading")
    assert "Ingen statistik för maj 2021 att jämföra med." in yoy


def test_the_overview_lists_the_countrys_biggest_movers(client, staff_user, seed_meeting):
    set_count("skane", "FK7804", APRIL, 30000)
    set_count("skane", "FK7804", MAY, 19949)
    client.force_login(staff_user)
    movers = text(client.get("/").content.decode(), "movers-heading")
    assert movers.startswith("Största förändringar: maj 2022 mot april 2022")
    # The largest change of the country comes first, in the minutes' words and Swedish numbers.
    first = re.findall(r"[^:]+: [+−][\d ]+ \([^)]*\)", movers.split("2022 ", 2)[-1])[0]
    assert first.strip() == "Region Skåne , FK7804: −10 051 (−33,5 %)"
    assert movers.count("%)") == 5

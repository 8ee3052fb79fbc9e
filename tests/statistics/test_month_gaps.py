"""Months with no statistics in between: every page that compares months compares with the
latest earlier month that has data, names both months, and says which are missing."""

import datetime as dt

import pytest
from django.urls import reverse

from certificate_statistics.cache import bump_version
from certificate_statistics.dashboard import build_dashboard
from certificate_statistics.models import CertificateCount, CertificateTotal
from certificate_statistics.selection import Selection
from tests.exports import read_csv

from .conftest import add_history

pytestmark = pytest.mark.django_db

APRIL, MAY = dt.date(2022, 4, 1), dt.date(2022, 5, 1)


@pytest.fixture
def april_missing(seed_meeting):
    """The seed deck's May and a March from another deck; April is in neither."""
    CertificateCount.objects.filter(month=APRIL).delete()
    CertificateTotal.objects.filter(month=APRIL).delete()
    bump_version()
    add_history(1, before=APRIL, count=7)


def test_change_compares_with_the_latest_month_that_has_data(april_missing):
    data = build_dashboard(Selection(MAY, MAY))
    skane = next(r for r in data["change"] if r["key"] == "skane")
    assert skane["previous"] is not None and skane["current"] is not None
    assert data["previous_label"] == "mars 2022"
    assert data["missing_months"] == "april 2022"


def test_page_and_export_name_both_months_and_the_gap(client, staff_user, april_missing):
    client.force_login(staff_user)
    url = reverse("statistics:dashboard")
    html = client.get(url, {"month_from": "2022-05", "month_to": "2022-05"}).content.decode()
    assert "maj 2022 mot mars 2022" in html
    assert "Statistik saknas för april 2022" in html
    response = client.get(url, {"_export": "csv", "table": "change"})
    filters, rows = read_csv(response)
    assert (
        filters["Filter: Jämförelse"] == "maj 2022 mot mars 2022 (statistik saknas för april 2022)"
    )
    header = rows[0]
    assert "Mars 2022" in header and "Maj 2022" in header
    body = rows[rows.index(header) + 1 :]
    assert body and all(r[header.index("Mars 2022")] for r in body)


def test_overview_uses_the_same_rule(client, staff_user, april_missing):
    client.force_login(staff_user)
    html = client.get(reverse("overview")).content.decode()
    assert "jämfört med mars 2022" in html
    assert "Statistik saknas för april 2022" in html


def test_no_earlier_month_says_so(client, staff_user, seed_meeting):
    CertificateCount.objects.filter(month=APRIL).delete()
    bump_version()
    client.force_login(staff_user)
    html = client.get(reverse("statistics:dashboard")).content.decode()
    assert "ingen tidigare månad med statistik" in html

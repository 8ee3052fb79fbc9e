"""The statistics section of /regions/<key>/: sections.organisation_statistics and its
partial, rendered as the regions page will render it."""

import pytest
from django.template.loader import render_to_string

from certificate_statistics.models import CertificateCount
from certificate_statistics.sections import organisation_statistics
from regions.models import Organisation

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def section(key):
    return organisation_statistics(Organisation.objects.get(key=key))


def test_latest_month_beside_the_country(seed_meeting):
    data = section("skane")
    assert data["latest_label"] == "maj 2022"
    assert data["latest"] == {
        "organisation": 22631,
        "standalone": 3,
        "national": 198592,
        "share": round(100 * 22631 / 198592, 1),
    }
    fk7804 = next(r for r in data["by_type"] if r["code"] == "FK7804")
    assert fk7804["organisation"] == 19949
    assert fk7804["national"] == 176276


def test_monthly_series_of_the_organisation(seed_meeting):
    data = section("gavleborg")
    assert [(s["label"], s["all"], s["standalone"]) for s in data["series"]] == [
        ("april 2022", 1923, 154),
        ("maj 2022", 2105, 95),
    ]
    line = data["figure"]["data"][0]
    assert line["x"] == ["april 2022", "maj 2022"]
    assert line["y"] == [1923, 2105]


def test_the_series_covers_the_last_three_years(seed_meeting):
    from .conftest import add_history

    add_history(60, organisation_keys=["skane"])
    series = section("skane")["series"]
    assert len(series) == 36
    assert (series[0]["label"], series[-1]["label"]) == ("juni 2019", "maj 2022")


def test_partial_renders_numbers_in_swedish_and_links_to_the_dashboard(seed_meeting):
    html = render_to_string(
        "certificate_statistics/_organisation_section.html",
        {"statistics_section": section("skane")},
    )
    assert f"<strong>22{NBSP}631</strong> intyg av riket totalt 198{NBSP}592" in html
    assert "11,4 %" in html
    assert 'data-figure="fig-organisation-statistics"' in html
    assert "/statistics/?organisation=skane&amp;month_from=2022-04&amp;month_to=2022-05" in html
    assert "Visa diagrammets data som tabell" in html


def test_organisation_without_statistics(seed_meeting):
    data = section("inera")
    assert data["has_data"] is False
    html = render_to_string(
        "certificate_statistics/_organisation_section.html", {"statistics_section": data}
    )
    assert "Ingen intygsstatistik för organisationen." in html


def test_section_is_refreshed_after_an_edit_and_queries_do_not_grow(
    seed_meeting, django_assert_num_queries
):
    skane = Organisation.objects.get(key="skane")
    with django_assert_num_queries(4):
        organisation_statistics(skane)
    # A cached read asks the database only for the data version every process shares.
    with django_assert_num_queries(1):
        organisation_statistics(skane)
    CertificateCount.objects.filter(
        month="2022-05-01", channel="all", organisation=skane, certificate_type__code="DB"
    ).get().delete()
    assert organisation_statistics(skane)["latest"]["organisation"] == 22631 - 864

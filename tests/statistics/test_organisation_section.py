"""The statistics section of /regions/<key>/: sections.organisation_statistics and its
partial, rendered as the regions page will render it."""

import datetime as dt

import pytest

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
    assert line["x"] == ["2022-04-01", "2022-05-01"]
    assert line["y"] == [1923, 2105]
    assert data["figure"]["layout"]["xaxis"]["type"] == "date"


def test_the_trend_covers_every_imported_month_with_gaps_and_the_meetings_marked(seed_meeting):
    from webcert_forum.meetings.models import Meeting

    from .conftest import add_history

    # Five years up to 2021-12, then nothing until the seed's April 2022.
    add_history(60, before=dt.date(2022, 1, 1), organisation_keys=["skane"])
    Meeting.objects.create(date=dt.date(2020, 3, 12))
    Meeting.objects.create(date=dt.date(2010, 3, 12))  # before the history: not marked
    data = section("skane")
    assert len(data["series"]) == 62
    assert (data["series"][0]["label"], data["series"][-1]["label"]) == ("januari 2017", "maj 2022")
    figure = data["figure"]
    line = figure["data"][0]
    assert len(line["x"]) == 65 and line["x"][0] == "2017-01-01"
    assert line["y"][60:62] == [None, None]  # January and February 2022 are gaps
    marks = next(t for t in figure["data"] if t["name"] == "Forummöte")
    assert marks["x"] == ["2020-03-12", "2022-06-01"]
    assert [shape["x0"] for shape in figure["layout"]["shapes"]] == marks["x"]
    assert "januari 2017 – maj 2022" in figure["layout"]["title"]["text"]


def test_partial_renders_numbers_in_swedish_and_links_to_the_dashboard(seed_meeting):
    html = section("skane")["html"]
    assert f"<strong>22{NBSP}631</strong> intyg av riket totalt 198{NBSP}592" in html
    assert "11,4 %" in html
    assert 'data-figure="fig-organisation-statistics"' in html
    assert "/statistics/?organisation=skane&amp;month_from=2022-04&amp;month_to=2022-05" in html
    assert "Visa diagrammets data som tabell" in html


def test_organisation_without_statistics(seed_meeting):
    data = section("inera")
    assert data["has_data"] is False
    html = data["html"]
    assert "Ingen intygsstatistik för organisationen." in html


def test_section_is_refreshed_after_an_edit_and_queries_do_not_grow(
    seed_meeting, django_assert_num_queries
):
    skane = Organisation.objects.get(key="skane")
    # The section's own queries, and the data version every process shares.
    with django_assert_num_queries(6):
        organisation_statistics(skane)
    # A cached read asks the database only for the data version every process shares.
    with django_assert_num_queries(1):
        organisation_statistics(skane)
    CertificateCount.objects.filter(
        month="2022-05-01", channel="all", organisation=skane, certificate_type__code="DB"
    ).get().delete()
    assert organisation_statistics(skane)["latest"]["organisation"] == 22631 - 864

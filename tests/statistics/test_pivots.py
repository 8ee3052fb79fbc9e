"""The pivots against the June 2022 deck (slides 11a–11d), computed through the same
dashboard data the page renders."""

import datetime as dt

import pytest

from certificate_statistics.dashboard import build_charts, build_dashboard
from certificate_statistics.frames import type_column
from certificate_statistics.selection import Selection

pytestmark = pytest.mark.django_db

APRIL, MAY = dt.date(2022, 4, 1), dt.date(2022, 5, 1)


def rows_by_key(data):
    return {r["key"]: r for r in data["minutes"]["rows"]}


def cells(document, month, channel, org):
    return {
        e["type"]: e["count"]
        for e in document["certificate_counts"]
        if (e["month"], e["channel"], e["org"]) == (month, channel, org)
    }


def test_skane_may_all_channels_matches_the_slide(seed_meeting):
    data = build_dashboard(Selection(MAY, MAY))
    skane = rows_by_key(data)["skane"]
    assert skane[type_column("FK7804")] == 19949
    assert skane["total"] == 22631
    assert skane["printed"] == 22631
    assert skane["difference"] is None


def test_gavleborg_april_standalone_has_exactly_two_cells(seed_meeting):
    data = build_dashboard(Selection(APRIL, APRIL, channel="standalone"))
    gavleborg = rows_by_key(data)["gavleborg"]
    filled = {c: v for c, v in gavleborg.items() if c.startswith("t_") and v is not None}
    assert filled == {type_column("TS bas"): 146, type_column("TS diabetes"): 8}
    assert gavleborg["total"] == 154


def test_every_cell_of_every_table_matches_the_document(seed_meeting, seed_document):
    for month, day in (("2022-04", APRIL), ("2022-05", MAY)):
        for channel in ("all", "standalone"):
            data = build_dashboard(Selection(day, day, channel=channel))
            for key, row in rows_by_key(data).items():
                expected = cells(seed_document, month, channel, key)
                shown = {
                    t["code"]: row[t["column"]]
                    for t in data["types"]
                    if row[t["column"]] is not None
                }
                assert shown == expected, (month, channel, key)


def test_integrated_channel_is_all_minus_standalone(seed_meeting, seed_document):
    data = build_dashboard(Selection(APRIL, APRIL, channel="integrated"))
    for key, row in rows_by_key(data).items():
        everything = cells(seed_document, "2022-04", "all", key)
        standalone = cells(seed_document, "2022-04", "standalone", key)
        for t in data["types"]:
            if t["code"] in everything:
                expected = everything[t["code"]] - standalone.get(t["code"], 0)
                assert row[t["column"]] == expected, (key, t["code"])
            else:
                # No all-channels cell: nothing to subtract from, so the cell stays empty.
                assert row[t["column"]] is None, (key, t["code"])


def test_column_totals_add_up_to_the_national_total(seed_meeting, seed_document):
    data = build_dashboard(Selection(MAY, MAY))
    national = sum(
        e["count"]
        for e in seed_document["certificate_counts"]
        if e["month"] == "2022-05" and e["channel"] == "all"
    )
    assert data["minutes"]["footer"]["total"] == national
    fk7804 = type_column("FK7804")
    assert data["minutes"]["footer"][fk7804] == sum(r[fk7804] or 0 for r in data["minutes"]["rows"])


def test_a_month_range_sums_the_months(seed_meeting, seed_document):
    data = build_dashboard(Selection(APRIL, MAY))
    skane = rows_by_key(data)["skane"]
    expected = sum(
        e["count"]
        for e in seed_document["certificate_counts"]
        if e["org"] == "skane" and e["channel"] == "all"
    )
    assert skane["total"] == expected
    assert data["period"] == "april 2022 – maj 2022"


def test_change_from_the_month_before(seed_meeting):
    data = build_dashboard(Selection(MAY, MAY))
    skane = next(r for r in data["change"] if r["key"] == "skane")
    assert (skane["previous"], skane["current"]) == (21289, 22631)
    assert skane["change"] == 1342
    assert skane["change_percent"] == round(100 * 1342 / 21289, 1)
    assert data["previous_label"] == "april 2022"


def test_a_printed_total_that_differs_is_marked(reference, seed_document):
    from webcert_forum.meetings.services import save_minutes

    for entry in seed_document["certificate_totals"]:
        if (entry["month"], entry["channel"], entry["org"]) == ("2022-05", "all", "blekinge"):
            entry["total"] += 7
    save_minutes(seed_document, None)
    blekinge = rows_by_key(build_dashboard(Selection(MAY, MAY)))["blekinge"]
    assert blekinge["printed"] == blekinge["total"] + 7
    assert blekinge["difference"] == 7


def test_standalone_share_per_organisation(seed_meeting):
    charts = build_charts(Selection(APRIL, APRIL))
    table = next(c["table"] for c in charts if c["id"] == "fig-standalone-share")
    gavleborg = next(r for r in table["rows"] if r[0] == "Region Gävleborg")
    assert gavleborg[1:] == [154, 1923, round(100 * 154 / 1923, 1)]

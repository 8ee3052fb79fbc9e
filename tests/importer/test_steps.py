"""Each pipeline step alone, on plain data."""

import datetime as dt

import pytest

from webcert_forum.importer.classify import classify, strip_numbering
from webcert_forum.importer.dates import (
    parse_date,
    parse_ranges,
    parse_time,
    resolve_year,
    statistics_month,
)
from webcert_forum.importer.read import Word
from webcert_forum.importer.reference import Reference, fold
from webcert_forum.importer.tables import is_empty_cell, join_header, parse_count, read_table

JUNE = dt.date(2022, 6, 1)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Region Stockholm", "stockholm"),
        ("Stockholm/Gotland", "stockholm-gotland"),
        ("Stockholm/ Gotland", "stockholm-gotland"),
        ("Capio St Görans sjkh agent", "capio-st-goran"),
        ("Capio S:t Görans sjukhus", "capio-st-goran"),
        ("Värmland", "varmland"),
        ("  REGION   jönköpings LÄN ", "jonkoping"),
        ("Jämtland/\nHärjedalen", "jamtland-harjedalen"),
        ("Region Kronoberg (Agent)", "kronoberg"),
        ("Evimeria (Agent)", "evimeria"),
        ("VGR", "vastra-gotaland"),
        ("Jämtland–Härjedalen", "jamtland-harjedalen"),
        ("Region Jämtland - Härjedalen", "jamtland-harjedalen"),
        ("Region Atlantis", None),
    ],
)
def test_organisation_labels(reference, label, key):
    assert reference.organisation(label) == key


def test_vendor_groups_and_types(reference):
    assert reference.vendor_group("TakeCare/Asynja Visph") == "takecare"
    assert reference.vendor_group("CGM J4") == "cgm-j4"
    assert reference.certificate_type("FK7804 (lisjp)") == "FK7804"
    assert reference.certificate_type("TS         bas") == "TS bas"
    assert reference.certificate_type("Totalsumma") is None
    # As other authors set the codes: dashes of any width, a code apart from its number,
    # the form's name instead of its code.
    assert reference.certificate_type("AG1–14") == "AG1-14"
    assert reference.certificate_type("FK-7804") == "FK7804"
    assert reference.certificate_type("AG 1–14") == "AG1-14"
    assert reference.certificate_type("Läkarintyg för\nsjukpenning") == "FK7804"
    assert reference.certificate_type("FK 7263") is None


def test_reference_from_rows():
    reference = Reference.from_rows(
        organisations=[("nord", ["Region Nord", "Nordan"])],
        vendor_groups=[("x", ["X System"])],
        certificate_types=[("AB1", ["AB1", "AB 1", "ab1"])],
    )
    assert reference.organisation("region nord") == "nord"
    assert reference.organisation("Nordan agent") == "nord"
    assert reference.vendor_group("x system") == "x"
    assert reference.certificate_type("AB 1") == "AB1"


@pytest.mark.django_db
def test_the_site_reads_the_database_lists_with_aliases_mapped_since():
    from regions.models import Organisation
    from regions.services import add_alias
    from webcert_forum.meetings.imports.reference import reference_from_database
    from webcert_forum.meetings.services import load_reference

    load_reference()
    assert reference_from_database().organisation("Region Atlantis") is None
    add_alias(Organisation.objects.get(key="halland"), "Region Atlantis")
    assert reference_from_database().organisation("Region Atlantis") == "halland"
    assert reference_from_database().organisation("Region Stockholm") == "stockholm"


def test_fold():
    assert fold("TS\u00a0 bas") == "ts bas"


def test_yearless_dates_resolve_into_the_meeting_window():
    assert resolve_year(4, 1, JUNE) == dt.date(2022, 4, 1)  # two months back
    assert resolve_year(3, 31, JUNE) == dt.date(2023, 3, 31)  # ten months ahead
    assert resolve_year(1, 10, dt.date(2022, 11, 20)) == dt.date(2023, 1, 10)
    assert resolve_year(12, 1, dt.date(2023, 1, 16)) == dt.date(2022, 12, 1)


def test_statistics_month_is_the_latest_ended():
    assert statistics_month(5, JUNE) == "2022-05"
    assert statistics_month(6, JUNE) == "2021-06"
    assert statistics_month(12, dt.date(2023, 1, 16)) == "2022-12"
    assert statistics_month(7, dt.date(2023, 9, 4)) == "2023-07"
    assert statistics_month(7, JUNE, year=2020) == "2020-07"


def test_date_phrases():
    assert parse_ranges("3-4 juni + 30 juni", JUNE) == [
        (dt.date(2022, 6, 3), dt.date(2022, 6, 4)),
        (dt.date(2022, 6, 30), dt.date(2022, 6, 30)),
    ]
    assert parse_ranges("30 december – 2 januari", JUNE) == [
        (dt.date(2022, 12, 30), dt.date(2023, 1, 2))
    ]
    assert parse_date("Datum: 14 juni, dagtid", JUNE) == dt.date(2022, 6, 14)
    assert parse_date("Måndag 5 september 2022", None) == dt.date(2022, 9, 5)
    assert parse_time("kl.13.00 – 14.30") == (13, 0)


@pytest.mark.parametrize(
    ("title", "kind", "channel", "month"),
    [
        ("11a. Statistik och användning – utfärdade intyg april", "statistics", "all", 4),
        ("12c. Statistik – Webcert Fristående maj", "statistics", "standalone", 5),
        ("9. Deltagare", "attendance", None, None),
        ("3.Drift regioner", "service_windows", None, None),
        ("8d. Signering i Chrome och Edge Chromium", "signing", None, None),
        ("Nästa möte", "next_meeting", None, None),
    ],
)
def test_classify_by_words_not_numbers(title, kind, channel, month):
    section = classify(title)
    assert (section.kind, section.channel, section.month) == (kind, channel, month)


def test_classify_continuation_and_unknown():
    assert classify("11a. Statistik – utfärdade intyg april (forts.)").continued
    assert classify("7a. SITHS eID-app 2.0") is None
    assert strip_numbering("11a. Statistik") == "Statistik"


def test_counts_and_headers():
    assert parse_count("37 732") == 37732
    assert parse_count("37\u00a0732") == 37732
    assert parse_count("5 67") is None
    assert parse_count("april") is None
    # Grouped by any one separator, as decks made with other settings print them.
    for printed in ("1\u202f237\u202f732", "1,237,732", "1.237.732", "1'237'732"):
        assert parse_count(printed) == 1237732, printed
    # Not a whole number, or groups that are no groups.
    for printed in ("1,5", "37,732.5", "1,237.732", "37,73", "1 237,732"):
        assert parse_count(printed) is None, printed
    assert is_empty_cell(" – ") and is_empty_cell("-") and is_empty_cell("")
    assert not is_empty_cell("0")
    assert join_header(["Total-", "summa"]) == "Totalsumma"
    assert join_header(["Vårdgivare/", "Bolag"]) == "Vårdgivare/Bolag"
    assert join_header(["FK7804", "(lisjp)"]) == "FK7804 (lisjp)"


def word(text, x0, x1, top, height=10.0):
    return Word(text, x0, x1, top, top + height)


def test_numbers_go_by_position_not_by_count():
    # Header: Region | DB | DOI | FK7804 | Total (narrow "DB"; numbers right-aligned).
    header = [word("Region", 10, 50, 0), word("DB", 120, 132, 0), word("DOI", 170, 188, 0),
              word("FK7804", 220, 260, 0), word("Total", 300, 330, 0)]  # fmt: skip
    body = [
        word("Dalarna", 10, 48, 20), word("5006", 240, 262, 20), word("5006", 320, 342, 20),
        word("Jämtland/", 10, 55, 34), word("94", 128, 139, 39), word("2 365", 234, 262, 39),
        word("2459", 320, 342, 39), word("Härjedalen", 10, 60, 44),
        word("Kalmar", 10, 44, 62),
        word("Skåne", 10, 40, 80), word("854", 122, 139, 80), word("665", 172, 190, 80),
        word("1519", 320, 342, 80),
    ]  # fmt: skip
    table = read_table(header + body, header)
    assert table.headers == ["Region", "DB", "DOI", "FK7804", "Total"]
    assert [row.cells for row in table.rows] == [
        ["Dalarna", "", "", "5006", "5006"],
        ["Jämtland/ Härjedalen", "94", "", "2 365", "2459"],
        ["Kalmar", "", "", "", ""],
        ["Skåne", "854", "665", "", "1519"],
    ]


def test_table_stops_before_text_far_below():
    header = [word("Region", 10, 50, 0), word("Datum", 200, 240, 0)]
    body = [word("Halland", 10, 50, 20), word("8 juni", 200, 230, 20),
            word("Källa: Inera", 10, 80, 200)]  # fmt: skip
    table = read_table(header + body, header)
    assert [row.cells for row in table.rows] == [["Halland", "8 juni"]]

"""Issue 10, kind 5: a generated deck whose authors write dates every way Swedish authors do
reads back the windows, dates and months it was made from."""

import datetime as dt

import pytest

from .deck_factory import STANDARD, WIDE, Style, sample_deck
from .test_decks import assert_statistics, parse

MEETING = dt.date(2024, 11, 20)

# (organisation key, the cell as printed, the windows it must give)
WINDOWS = [
    ("jonkoping", "12/3", [("2025-03-12", "2025-03-12")]),
    ("skane", "28/2–2/3", [("2025-02-28", "2025-03-02")]),
    ("kalmar", "7/12 kl. 06.00", [("2024-12-07", "2024-12-07", "06:00")]),
    ("dalarna", "1/12 kl. 21.00 – 2/12 kl. 05.00",
     [("2024-12-01", "2024-12-02", "21:00", "05:00")]),
    ("blekinge", "2024-12-09--10", [("2024-12-09", "2024-12-10")]),
    ("varmland", "2024-12-30--01-02", [("2024-12-30", "2025-01-02")]),
    ("orebro", "natten mellan 5 och 6 dec", [("2024-12-05", "2024-12-06")]),
    ("ostergotland", "söndag 2 feb", [("2025-02-02", "2025-02-02")]),
    ("vastra-gotaland", "Tisdagen den 4 mars 2025", [("2025-03-04", "2025-03-04")]),
    ("capio-st-goran", "lör 14/12 kl 21-05", [("2024-12-14", "2024-12-15", "21:00", "05:00")]),
    ("stockholm-gotland", "v. 51", [("2024-12-16", "2024-12-22")]),
    ("jamtland-harjedalen", "3-4 juni + 10 sept., dagtid",
     [("2025-06-03", "2025-06-04"), ("2024-09-10", "2024-09-10")]),
]  # fmt: skip


def expected_window(key, start, end, start_time=None, end_time=None):
    entry = {"org": key, "start": start, "end": end}
    if start_time:
        entry["start_time"] = start_time
    if end_time:
        entry["end_time"] = end_time
    return entry


def dated_deck():
    deck = sample_deck(year=2024, months=(9, 10), full_names=True, seed=21)
    labels = {key: label for key, label, _ in deck.attendance}
    deck.service_windows = [(key, labels[key], text) for key, text, _ in WINDOWS]
    deck.connection_dates = [
        ("blekinge", labels["blekinge"], "12/3 2024"),
        ("vastra-gotaland", labels["vastra-gotaland"], "2021-10-13\n2022-04-06"),
        ("dalarna", labels["dalarna"], "juni 2025 (prel.)"),
        ("skane", labels["skane"], "v. 41"),
        ("kalmar", labels["kalmar"], "3 okt."),
    ]
    deck.signing_production = [
        ("blekinge", labels["blekinge"], ""),
        ("skane", labels["skane"], "Klart"),
        ("stockholm-gotland", labels["stockholm-gotland"], "Prel v. 51"),
        ("jonkoping", labels["jonkoping"], "28/2"),
    ]
    deck.release_lines = [
        (0, "Kommande uppdatering av Webcert till version 7.3.0, release 2024-4:"),
        (1, "- Datum: söndag 8 dec. kl 21-05"),
        (1, "- Release utan användarpåverkan"),
        (1, "- Release notes kommer publiceras: ca 2/12"),
    ]
    deck.next_meeting = "Tisdag 4 mars 2025 kl. 13–15"
    for table in deck.statistics:  # abbreviated months, any case, in the titles
        table.title = table.title.replace("september", "sept.").replace("oktober", "Okt")
    return deck


@pytest.mark.parametrize("pagesize", [WIDE, STANDARD])
def test_swedish_date_forms_read_back(reference, pagesize):
    deck = dated_deck()
    document = parse(deck, Style(pagesize=pagesize), reference, meeting=MEETING)
    assert document["service_windows"] == [
        expected_window(key, *window) for key, _, windows in WINDOWS for window in windows
    ]
    assert document["connection_dates"] == [
        {"org": "blekinge", "dates": ["2024-03-12"], "preliminary": False},
        {"org": "vastra-gotaland", "dates": ["2021-10-13", "2022-04-06"], "preliminary": False},
        {"org": "dalarna", "dates": ["2025-06"], "preliminary": True},
        {"org": "skane", "dates": ["2024-10-07"], "preliminary": False},
        {"org": "kalmar", "dates": ["2024-10-03"], "preliminary": False},
    ]
    assert document["signing_production"] == [
        {"org": "blekinge", "status": "not_reported", "date": None, "preliminary": False},
        {"org": "skane", "status": "done", "date": None, "preliminary": False},
        {"org": "stockholm-gotland", "status": "planned", "date": "2024-12-16",
         "preliminary": True},
        {"org": "jonkoping", "status": "planned", "date": "2025-02-28", "preliminary": False},
    ]  # fmt: skip
    assert document["release"]["date"] == "2024-12-08"
    assert document["release"]["release_notes_date"] == "2024-12-02"
    assert document["meeting"]["next_meeting"] == "2025-03-04T13:00"
    assert_statistics(document, deck, reference)
    assert document["warnings"] == []


def test_a_date_that_cannot_be_read_is_a_warning_naming_it(reference):
    deck = dated_deck()
    labels = {key: label for key, label, _ in deck.attendance}
    deck.service_windows = [
        ("kalmar", labels["kalmar"], "31/2"),
        ("skane", labels["skane"], "efter sommaren"),
        ("orebro", labels["orebro"], "okt. 2025"),
        ("dalarna", labels["dalarna"], "14 jan"),
    ]
    deck.connection_dates = [("blekinge", labels["blekinge"], "30 feb")]
    deck.signing_production = [
        ("skane", labels["skane"], "snart"),
        ("dalarna", labels["dalarna"], "prel. jan"),
    ]
    deck.release_lines = [
        (0, "Kommande uppdatering av Webcert till version 7.3.0, release 2024-4:"),
        (1, "- Datum: meddelas senare"),
    ]
    document = parse(deck, Style(), reference, meeting=MEETING)
    assert document["service_windows"] == [
        {"org": "dalarna", "start": "2025-01-14", "end": "2025-01-14"}
    ]
    assert document["connection_dates"] == [{"org": "blekinge", "dates": [], "preliminary": False}]
    assert document["signing_production"] == [
        {"org": "skane", "status": "not_reported", "date": None, "preliminary": False},
        {"org": "dalarna", "status": "planned", "date": "2025-01-01", "preliminary": True},
    ]
    assert document["release"]["date"] is None
    warnings = "\n".join(document["warnings"])
    for printed in ("'31/2'", "'efter sommaren'", "'okt. 2025'", "'30 feb'", "'snart'",
                    "'prel. jan'", "meddelas senare"):  # fmt: skip
        assert printed in warnings


@pytest.mark.django_db
def test_printed_times_are_saved_with_the_window(reference):
    from regions.models import ServiceWindow
    from webcert_forum.meetings.services import load_reference, save_minutes

    load_reference()
    document = parse(dated_deck(), Style(), reference, meeting=MEETING)
    save_minutes(document)
    overnight = ServiceWindow.objects.get(organisation__key="dalarna")
    assert (overnight.start_date, overnight.start_time) == (dt.date(2024, 12, 1), dt.time(21))
    assert (overnight.end_date, overnight.end_time) == (dt.date(2024, 12, 2), dt.time(5))
    week = ServiceWindow.objects.get(organisation__key="stockholm-gotland")
    assert (week.start_date, week.end_date, week.start_time) == (
        dt.date(2024, 12, 16), dt.date(2024, 12, 22), None,
    )  # fmt: skip


def test_a_release_date_without_a_datum_line(reference):
    deck = dated_deck()
    deck.release_lines = [
        (0, "Kommande uppdatering av Webcert till version 7.3.0, release 2024-4"),
        (1, "- Driftsätts tisdag 10/12 kl. 18-20"),
        (1, "- Release notes kommer publiceras: ca 2/12"),
    ]
    document = parse(deck, Style(), reference, meeting=MEETING)
    assert document["release"]["date"] == "2024-12-10"
    assert document["release"]["release_notes_date"] == "2024-12-02"
    deck.release_lines = deck.release_lines[:1]
    document = parse(deck, Style(), reference, meeting=MEETING)
    assert document["release"]["date"] is None
    assert "Release: no release date on the slide." in document["warnings"]


@pytest.mark.parametrize("thousands", [",", "."])
def test_ordinal_dotted_and_short_year_dates_and_dashes_for_nothing(reference, thousands):
    deck = dated_deck()
    labels = {key: label for key, label, _ in deck.attendance}
    deck.service_windows = [
        ("kalmar", labels["kalmar"], "den 14:e dec"),
        ("skane", labels["skane"], "9.12.2024–10.12.2024"),
        ("orebro", labels["orebro"], "16/12-24 kl. 21-05"),
        ("dalarna", labels["dalarna"], "–"),
    ]
    deck.connection_dates = [("blekinge", labels["blekinge"], "–")]
    # Counts grouped as English or German settings print them, empty cells a dash.
    style = Style(thousands=thousands, empty_cell="–")
    document = parse(deck, style, reference, meeting=MEETING)
    assert document["service_windows"] == [
        expected_window("kalmar", "2024-12-14", "2024-12-14"),
        expected_window("skane", "2024-12-09", "2024-12-10"),
        expected_window("orebro", "2024-12-16", "2024-12-17", "21:00", "05:00"),
    ]
    assert document["connection_dates"] == [{"org": "blekinge", "dates": [], "preliminary": False}]
    assert_statistics(document, deck, reference)
    assert any(c["count"] >= 1000 for c in document["certificate_counts"])
    assert document["warnings"] == []


@pytest.mark.parametrize(
    "cell, status, date",
    [
        ("Klart", "done", None),
        ("I drift sedan maj", "done", None),
        ("Produktionssatt", "done", None),
        ("✓", "done", None),
        ("–", "not_reported", None),
        ("", "not_reported", None),
        ("den 3:e mars", "planned", "2025-03-03"),
        ("prel. 14/1-25", "planned", "2025-01-14"),
    ],
)
def test_production_status_as_authors_write_it(reference, cell, status, date):
    from signing_rollout.minutes import production_status
    from webcert_forum.importer.context import ParseContext

    entry = production_status(cell, ParseContext(MEETING, reference))
    assert (entry["status"], entry["date"]) == (status, date)


@pytest.mark.parametrize(
    "headers",
    [("Vårdgivare", "Servicefönster"), ("Region", "Tidpunkt:"), ("Organisation", "Datum/tid")],
)
def test_service_windows_under_other_headers(reference, headers):
    """The table is found by its headers alone when its title says nothing."""
    style = Style(window_headers=headers, unusual_titles=True)
    document = parse(dated_deck(), style, reference, meeting=MEETING)
    assert document["service_windows"] == [
        expected_window(key, *window) for key, _, windows in WINDOWS for window in windows
    ]


@pytest.mark.parametrize(
    "heading, date_line, items_heading",
    [
        ("Webcert 7.3.0 – release 2024-4", "- Releasedatum: 8.12.2024", "Innehåll:"),
        ("Ny version: Webcert 7.3.0 (release 2024-4)", "- Driftsättning: den 8:e dec", "Nyheter"),
        ("Kommande uppdatering av Webcert till version 7.3.0, release 2024-4:",
         "- Datum: 8/12-24, kvällstid", "Planerad utveckling:"),
    ],
)  # fmt: skip
def test_release_as_other_authors_write_it(reference, heading, date_line, items_heading):
    deck = dated_deck()
    deck.release_lines = [
        (0, heading),
        (1, date_line),
        (1, "- Release med nytt innehåll i intygen"),
        (1, f"- {items_heading}"),
        (2, "- Förbättrad sökning"),
        (2, "- Ny funktion för utskrift"),
        (1, "- Release notes och manualer"),
        (2, "- Release notes kommer publiceras: ca 2/12"),
    ]
    release = parse(deck, Style(), reference, meeting=MEETING)["release"]
    assert (release["version"], release["name"]) == ("7.3.0", "2024-4")
    assert release["date"] == "2024-12-08"
    assert release["items"] == ["Förbättrad sökning", "Ny funktion för utskrift"]
    assert release["release_notes_date"] == "2024-12-02"


@pytest.mark.parametrize(
    "connection, tests, production",
    [
        ("Datum för anslutning", "Testat av", "I produktion"),
        ("Anslutning DB/DOI", "Tester utförda", "Produktionsdatum"),
        ("Anslutningsdatum", "Testat av", "Driftsättning"),
    ],
)
def test_other_headers_over_connection_signing_and_production_tables(
    reference, connection, tests, production
):
    """Found by their headers (the slides' titles say nothing), read as under the usual ones."""
    deck = dated_deck()
    usual = parse(deck, Style(), reference, meeting=MEETING)
    style = Style(
        connection_header=connection,
        tests_header=tests,
        production_header=production,
        unusual_titles=True,
    )
    document = parse(deck, style, reference, meeting=MEETING)
    for key in ("connection_dates", "signing_tests", "signing_production"):
        assert usual[key] and document[key] == usual[key], key

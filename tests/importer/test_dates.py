"""The date grammar alone: text as Swedish authors print it -> the windows a reader sees."""

import datetime as dt

import pytest

from webcert_forum.importer.dates import (
    find_month,
    parse_date,
    parse_ranges,
    parse_time,
    read_dates,
    spans,
)

JUNE = dt.date(2022, 6, 1)
NOVEMBER = dt.date(2024, 11, 20)


def windows(text, meeting=JUNE):
    """Each window as 'start–end' with ' HH:MM' times when printed; months as 'YYYY-MM'."""
    read, unread = read_dates(text, meeting)
    assert unread == []
    shown = []
    for w in read:
        if w.month_only:
            shown.append(w.start.isoformat()[:7])
            continue
        start, end = w.start.isoformat(), w.end.isoformat()
        if w.start_time:
            start += f" {w.start_time:%H:%M}"
        if w.end_time:
            end += f" {w.end_time:%H:%M}"
        shown.append(f"{start}–{end}")
    return shown


READS = [
    # day/month numbers
    ("12/3", JUNE, ["2023-03-12–2023-03-12"]),
    ("28/2–2/3", JUNE, ["2023-02-28–2023-03-02"]),
    ("7/11 kl. 06.00", JUNE, ["2022-11-07 06:00–2022-11-07"]),
    ("1/12 kl. 21.00 – 2/12 kl. 05.00", JUNE, ["2022-12-01 21:00–2022-12-02 05:00"]),
    ("12/3 2025", JUNE, ["2025-03-12–2025-03-12"]),
    ("12/3/2025", JUNE, ["2025-03-12–2025-03-12"]),
    # ISO, ranges with a short end
    ("2024-03-09--10", JUNE, ["2024-03-09–2024-03-10"]),
    ("2024-03-09–10", JUNE, ["2024-03-09–2024-03-10"]),
    ("2024-03-30--04-02", JUNE, ["2024-03-30–2024-04-02"]),
    ("2024-03-30--02", JUNE, ["2024-03-30–2024-04-02"]),
    ("2024-12-30 – 2025-01-02", JUNE, ["2024-12-30–2025-01-02"]),
    ("2021-10-13\n2022-04-06", JUNE, ["2021-10-13–2021-10-13", "2022-04-06–2022-04-06"]),
    # nights
    ("natten mellan 5 och 6 okt", JUNE, ["2022-10-05–2022-10-06"]),
    ("Natten mellan den 5 och 6 oktober", JUNE, ["2022-10-05–2022-10-06"]),
    ("natten mellan lör 5/10 och sön 6/10 kl 22-04", JUNE,
     ["2022-10-05 22:00–2022-10-06 04:00"]),
    ("natten mellan 31 maj och 1 juni", JUNE, ["2022-05-31–2022-06-01"]),
    ("natten till 6 okt", JUNE, ["2022-10-05–2022-10-06"]),
    # weekday prefixes
    ("söndag 4 feb", JUNE, ["2023-02-04–2023-02-04"]),
    ("Tisdagen den 3 mars 2025", JUNE, ["2025-03-03–2025-03-03"]),
    ("lör 12/3", JUNE, ["2023-03-12–2023-03-12"]),
    ("lör. 12/3 – sön. 13/3", JUNE, ["2023-03-12–2023-03-13"]),
    # abbreviated months, any case, with or without a dot
    ("10 sept", JUNE, ["2022-09-10–2022-09-10"]),
    ("10 Sept.", JUNE, ["2022-09-10–2022-09-10"]),
    ("3 feb", JUNE, ["2023-02-03–2023-02-03"]),
    ("3 okt.", JUNE, ["2022-10-03–2022-10-03"]),
    ("3 Okt", JUNE, ["2022-10-03–2022-10-03"]),
    ("3 MARS", JUNE, ["2023-03-03–2023-03-03"]),
    ("3 febr. 2024", JUNE, ["2024-02-03–2024-02-03"]),
    # planned weeks: ISO week, Monday-Sunday, the year from the meeting
    ("v. 41", JUNE, ["2022-10-10–2022-10-16"]),
    ("vecka 41", JUNE, ["2022-10-10–2022-10-16"]),
    ("v41", JUNE, ["2022-10-10–2022-10-16"]),
    ("V.41", JUNE, ["2022-10-10–2022-10-16"]),
    ("v. 2", NOVEMBER, ["2025-01-06–2025-01-12"]),
    ("v. 41-42", JUNE, ["2022-10-10–2022-10-23"]),
    ("v. 52-1", JUNE, ["2022-12-26–2023-01-08"]),
    ("v. 41 2024", JUNE, ["2024-10-07–2024-10-13"]),
    # times; a span over midnight ends the next day
    ("14 juni kl. 9–11.30", JUNE, ["2022-06-14 09:00–2022-06-14 11:30"]),
    ("14 juni kl 21-05", JUNE, ["2022-06-14 21:00–2022-06-15 05:00"]),
    ("14 juni 09:00-11:30", JUNE, ["2022-06-14 09:00–2022-06-14 11:30"]),
    ("14 juni 9-11.30", JUNE, ["2022-06-14 09:00–2022-06-14 11:30"]),
    ("14 juni 21.00-05.00", JUNE, ["2022-06-14 21:00–2022-06-15 05:00"]),
    ("2024-03-09 21:00 – 2024-03-10 05:00", JUNE, ["2024-03-09 21:00–2024-03-10 05:00"]),
    ("12-13/3", JUNE, ["2023-03-12–2023-03-13"]),
    ("30/11-1/12", JUNE, ["2022-11-30–2022-12-01"]),
    ("14 juni kl. 21.00 – 15/6 kl. 05.00", JUNE, ["2022-06-14 21:00–2022-06-15 05:00"]),
    ("3-4 juni kl 22-04", JUNE, ["2022-06-03 22:00–2022-06-04 04:00"]),
    ("Måndag 5 september 2022, kl.13.00 – 14.30", None,
     ["2022-09-05 13:00–2022-09-05 14:30"]),
    # dotted, always with a year (without one, "14.06" is a time)
    ("14.6.2022", JUNE, ["2022-06-14–2022-06-14"]),
    ("14.06.22 kl. 10.05", JUNE, ["2022-06-14 10:05–2022-06-14"]),
    ("30.11.2022–1.12.2022", JUNE, ["2022-11-30–2022-12-01"]),
    ("släpps 14.6.2022.", JUNE, ["2022-06-14–2022-06-14"]),
    # the year shortened after a dash, as Swedes write it; too far from the meeting's year,
    # those digits end a range instead
    ("14/6-22", JUNE, ["2022-06-14–2022-06-14"]),
    ("14 juni -22 kl. 18-22", JUNE, ["2022-06-14 18:00–2022-06-14 22:00"]),
    ("28/12-22 – 2/1-23", JUNE, ["2022-12-28–2023-01-02"]),
    ("4/6-22 – 5/6-22, 3/6-22.", JUNE, ["2022-06-04–2022-06-05", "2022-06-03–2022-06-03"]),
    ("1/6-15", JUNE, ["2022-06-01–2022-06-15"]),
    ("14/6-22/6", JUNE, ["2022-06-14–2022-06-22"]),
    ("14 juni-22 juni", JUNE, ["2022-06-14–2022-06-22"]),
    ("14/6-22", NOVEMBER, ["2025-06-14–2025-06-22"]),
    # ordinal days
    ("den 14:e juni", JUNE, ["2022-06-14–2022-06-14"]),
    ("1:a juli", JUNE, ["2022-07-01–2022-07-01"]),
    ("14e-15e juni", JUNE, ["2022-06-14–2022-06-15"]),
    ("30:e juni – 2:a juli kl. 22–04", JUNE, ["2022-06-30 22:00–2022-07-02 04:00"]),
    ("5:e, 12:e och 19:e okt", JUNE,
     ["2022-10-05–2022-10-05", "2022-10-12–2022-10-12", "2022-10-19–2022-10-19"]),
    # the forms the seed and earlier decks use
    ("3-4 juni + 30 juni", JUNE, ["2022-06-03–2022-06-04", "2022-06-30–2022-06-30"]),
    ("14 juni, dagtid", JUNE, ["2022-06-14–2022-06-14"]),
    ("2022-06 (prel.)", JUNE, ["2022-06"]),
    ("10 september", JUNE, ["2022-09-10–2022-09-10"]),
    ("28 feb - 2 mars", JUNE, ["2023-02-28–2023-03-02"]),
    ("från 3 juni till 5 juni", JUNE, ["2022-06-03–2022-06-05"]),
    ("3 juni t.o.m. 5 juni", JUNE, ["2022-06-03–2022-06-05"]),
    ("3 juni T.o.m 5 juni", JUNE, ["2022-06-03–2022-06-05"]),
    ("5, 12 och 19 okt", JUNE,
     ["2022-10-05–2022-10-05", "2022-10-12–2022-10-12", "2022-10-19–2022-10-19"]),
    ("28 feb -\n2 mars", JUNE, ["2023-02-28–2023-03-02"]),
    # the year: from the meeting, an explicit year wins, an end before its start is next year
    ("1 april", JUNE, ["2022-04-01–2022-04-01"]),
    ("31 mars", JUNE, ["2023-03-31–2023-03-31"]),
    ("10 jan", NOVEMBER, ["2025-01-10–2025-01-10"]),
    ("30 december – 2 januari", JUNE, ["2022-12-30–2023-01-02"]),
    ("28 dec – 2 jan 2025", JUNE, ["2024-12-28–2025-01-02"]),
    ("28/12 2023 – 2/1", JUNE, ["2023-12-28–2024-01-02"]),
    # months alone stay months
    ("juni 2022", JUNE, ["2022-06"]),
    ("prel. okt.", JUNE, ["2022-10"]),
    # a day closes no range opened by a month alone: a month, then a day
    ("april - 2021-06-03", JUNE, ["2022-04", "2021-06-03–2021-06-03"]),
    ("Nästa möte juni – 5 september", JUNE, ["2022-06", "2022-09-05–2022-09-05"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "meeting", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(text, meeting, expected):
    assert windows(text, meeting) == expected


NOT_DATES = [
    "6.11.1",
    "6.11.22",
    "Webcert 7.3.12",
    "1.234.567",
    "version 6.11",
    "Webcert v. 7.3.0",
    "Webcert 7.3.0 – release 2025-1",
    "release 2022-1, SP1",
    "2 incidenter",
    "08-123 45 67",
    "010-123 45 67",
    "+46 10 123 45 67",
    "Prio 1 och Prio 2",
    "AG1-14 och FK7804",
    "Totalsumma 12 345",
    "kl. 13.00 – 14.30",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert spans(text) == []
    assert parse_date(text, JUNE) is None


@pytest.mark.parametrize("text", ["31/2", "30 feb", "2024-02-30", "v. 54"])
def test_a_day_that_does_not_exist_is_named_not_dropped(text):
    read, unread = read_dates(f"Servicefönster {text}", JUNE)
    assert read == []
    assert unread == [text]


def test_a_yearless_date_needs_the_meeting():
    assert parse_date("5 september", None) is None
    assert parse_date("5 september 2022", None) == dt.date(2022, 9, 5)


def test_the_callers_shapes():
    assert parse_ranges("3-4 juni + 30 juni", JUNE) == [
        (dt.date(2022, 6, 3), dt.date(2022, 6, 4)),
        (dt.date(2022, 6, 30), dt.date(2022, 6, 30)),
    ]
    # A month alone is not a day: incidents 'i maj' are not a date.
    assert parse_date("2 incidenter i maj", JUNE) is None
    assert parse_date("Nästa möte: tisdag 12/3 kl. 13", JUNE) == dt.date(2023, 3, 12)
    # A word beside the title on the same line as the date (pdfium joined them).
    assert parse_date("Nästa möte april - 2021-06-03", JUNE) == dt.date(2021, 6, 3)
    assert parse_time("tisdag 12/3 kl. 13") == (13, 0)
    assert parse_time("09:00-11:30") == (9, 0)
    assert parse_time("version 6.11.1") is None


@pytest.mark.parametrize(
    ("title", "month"),
    [
        ("statistik – utfärdade intyg sept.", 9),
        ("statistik – utfärdade intyg Okt", 10),
        ("statistik webcert fristående feb 2024", 2),
        ("statistik 2024-09", 9),
        ("statistik och användning", None),
    ],
)
def test_statistics_month_words(title, month):
    assert find_month(title) == month

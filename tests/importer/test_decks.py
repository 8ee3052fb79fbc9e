"""Generated decks with the variations later minutes will have: every count must land in
its own column, every row with its own organisation."""

import dataclasses
import datetime as dt

import pytest

from webcert_forum.importer import parse_minutes

from .deck_factory import STANDARD, WIDE, Style, render, sample_deck

MEETING = dt.date(2022, 6, 1)


def expected_statistics(deck, reference):
    counts, totals = [], []
    for table in deck.statistics:
        for key, _, cells, total in table.rows:
            for printed, count in zip(table.types, cells, strict=True):
                if count is not None:
                    code = reference.certificate_type(printed) or printed
                    counts.append(
                        {"month": table.month, "channel": table.channel, "org": key,
                         "type": code, "count": count}
                    )  # fmt: skip
            if total is not None:
                totals.append(
                    {"month": table.month, "channel": table.channel, "org": key, "total": total}
                )
    return counts, totals


def assert_statistics(document, deck, reference):
    counts, totals = expected_statistics(deck, reference)
    got = document["certificate_counts"]
    for index, (actual, expected) in enumerate(zip(got, counts, strict=False)):
        assert actual == expected, f"certificate_counts[{index}]"
    assert len(got) == len(counts)
    assert document["certificate_totals"] == totals


def parse(deck, style, reference, meeting=MEETING, **options):
    return parse_minutes(render(deck, style, **options), meeting, reference)


STYLES = {
    "wide ruled right-aligned": Style(),
    "4:3": Style(pagesize=STANDARD),
    "no ruling lines": Style(rules=False),
    "4:3 without lines": Style(pagesize=STANDARD, rules=False),
    "left-aligned numbers": Style(number_align="left"),
    "centred numbers": Style(number_align="centre"),
    "left-aligned headers and numbers": Style(number_align="left", header_align="left"),
    "right-aligned headers": Style(header_align="right"),
    "thousands with a space": Style(thousands=" "),
    "thousands with a no-break space": Style(thousands="\u00a0", pagesize=STANDARD),
    "headers on one line": Style(wrap_headers=False),
    "labels on one line": Style(wrap_labels=False),
    "stray word near the title": Style(stray_word="april"),
    "everything at once": Style(
        pagesize=STANDARD,
        rules=False,
        number_align="centre",
        header_align="left",
        thousands="\u00a0",
        stray_word="mars",
    ),  # fmt: skip
}


@pytest.mark.parametrize("name", list(STYLES))
def test_every_cell_lands_in_its_column(name, reference):
    deck = sample_deck(seed=len(name))
    document = parse(deck, STYLES[name], reference)
    assert_statistics(document, deck, reference)
    assert document["warnings"] == []
    assert document["unresolved"] == []


def test_ruling_lines_separate_columns_the_text_alone_cannot(reference):
    # Right-aligned headers over left-aligned labels: the gap before "Region Skåne" in the
    # second attendance table is narrower than the one after it; only the rules tell.
    style = Style(header_align="right", label_header_align="right", rules=True)
    deck = sample_deck(seed=13)
    document = parse(deck, style, reference)
    assert document["attendance"] == [
        {"org": key, "present": present} for key, _, present in deck.attendance
    ]
    assert_statistics(document, deck, reference)


def test_right_aligned_label_headers_without_rules(reference):
    # Without rules the columns come from where the cells stand, matched to headers in order.
    style = Style(header_align="right", label_header_align="right", rules=False)
    deck = sample_deck(seed=13)
    document = parse(deck, style, reference)
    assert document["attendance"] == [
        {"org": key, "present": present} for key, _, present in deck.attendance
    ]


@pytest.mark.parametrize("pagesize", [WIDE, STANDARD])
def test_other_sections_in_generated_deck(reference, pagesize):
    deck = sample_deck()
    assert_other_sections(parse(deck, Style(pagesize=pagesize), reference), deck)


def expected_sections(deck) -> dict:
    """What ``sample_deck()`` holds besides statistics, for a meeting on 2022-06-01."""
    return {
        "attendance": [{"org": key, "present": present} for key, _, present in deck.attendance],
        "service_windows": [
            {"org": "jonkoping", "start": "2022-06-03", "end": "2022-06-04"},
            {"org": "jonkoping", "start": "2022-06-30", "end": "2022-06-30"},
            {"org": "skane", "start": "2022-10-04", "end": "2022-10-04"},
        ],
        "connection_dates": [
            {"org": "blekinge", "dates": ["2021-05-11"], "preliminary": False},
            {"org": "vastra-gotaland", "dates": ["2021-10-13", "2022-04-06"], "preliminary": False},
            {"org": "dalarna", "dates": ["2022-06"], "preliminary": True},
        ],
        "signing_tests": [
            {"vendor_group": "cosmic", "tested_by": "varmland", "plan": None},
            {"vendor_group": "kliniken", "tested_by": None, "plan": "plan mitten av juni"},
            {"vendor_group": "vas", "tested_by": None, "plan": None},
        ],
        "release": {
            "version": "7.2.0",
            "name": "2023-2",
            "date": "2022-06-14",
            "user_impact": False,
            "items": ["Ny funktion A", "Förbättring B: detalj C", "Buggrättningar"],
            "release_notes_date": "2022-06-07",
        },
        "meeting": {"date": "2022-06-01", "next_meeting": "2022-09-05T13:00"},
    }


def assert_other_sections(document, deck):
    """The sections of ``sample_deck()`` other than statistics, read back as drawn."""
    for key, expected in expected_sections(deck).items():
        assert document[key] == expected, key
    assert [e["status"] for e in document["signing_production"]] == [
        "not_reported", "done", "planned",
    ]  # fmt: skip


def test_full_organisation_names(reference):
    deck = sample_deck(full_names=True, seed=7)
    assert_statistics(parse(deck, Style(), reference), deck, reference)
    assert_statistics(parse(deck, Style(pagesize=STANDARD), reference), deck, reference)


def test_table_continued_on_next_slide(reference):
    deck = sample_deck(rows_per_slide=5, seed=3)
    document = parse(deck, Style(), reference)
    assert any("(forts.)" in slide["title"] for slide in document["slides"])
    assert_statistics(document, deck, reference)
    assert document["warnings"] == []


def test_continuation_slide_titled_only_forts(reference):
    deck = sample_deck(rows_per_slide=6, seed=4)
    for table in deck.statistics:
        table.continued_title = "(forts.)"
    document = parse(deck, Style(rules=False), reference)
    assert [s["title"] for s in document["slides"]].count("(forts.)") == 4
    assert_statistics(document, deck, reference)
    assert document["warnings"] == []


def test_rows_in_another_order(reference):
    deck = sample_deck(shuffle=True, seed=11)
    assert_statistics(parse(deck, Style(), reference), deck, reference)


def test_unknown_certificate_type_is_kept_with_a_warning(reference):
    deck = sample_deck(extra_type="LK1001", seed=5)
    document = parse(deck, Style(), reference)
    assert_statistics(document, deck, reference)
    assert any(c["type"] == "LK1001" for c in document["certificate_counts"])
    assert any("LK1001" in w and "not a known certificate type" in w for w in document["warnings"])


def test_another_month_and_year(reference):
    deck = sample_deck(year=2023, months=(7, 8), seed=9)
    document = parse(deck, Style(stray_word="juni"), reference, meeting=dt.date(2023, 9, 4))
    assert {c["month"] for c in document["certificate_counts"]} == {"2023-07", "2023-08"}
    assert_statistics(document, deck, reference)
    # Yearless service windows fall in the year after: "3-4 juni" is June 2024.
    assert document["service_windows"][0] == {
        "org": "jonkoping", "start": "2024-06-03", "end": "2024-06-04",
    }  # fmt: skip


def test_december_statistics_at_a_january_meeting(reference):
    deck = sample_deck(year=2022, months=(11, 12), seed=12)
    document = parse(deck, Style(), reference, meeting=dt.date(2023, 1, 16))
    assert {c["month"] for c in document["certificate_counts"]} == {"2022-11", "2022-12"}


def test_unresolved_label_is_listed_not_dropped(reference):
    deck = sample_deck(seed=6)
    table = deck.statistics[0]
    key, _, cells, total = table.rows[2]
    table.rows[2] = ("Region Atlantis", "Region Atlantis", cells, total)
    document = parse(deck, Style(), reference)
    assert {"label": "Region Atlantis", "kind": "organisation", "slide": 8} in document[
        "unresolved"
    ]
    assert_statistics(document, deck, reference)


def test_row_not_adding_up_is_a_warning(reference):
    deck = sample_deck(wrong_total_for="dalarna", seed=8)
    document = parse(deck, Style(), reference)
    assert_statistics(document, deck, reference)  # the printed total is kept as printed
    mismatches = [w for w in document["warnings"] if "dalarna" in w and "Totalsumma" in w]
    assert len(mismatches) == 2  # the all-channels table of each month


def test_standalone_larger_than_all_channels_is_a_warning(reference):
    deck = sample_deck(standalone_over=True, seed=10)
    document = parse(deck, Style(), reference)
    assert any("standalone" in w and "blekinge" in w for w in document["warnings"])


@pytest.mark.parametrize("missing", ["release", "attendance", "statistics", "signing"])
def test_missing_section_is_a_warning(reference, missing):
    sections = {"attendance", "service_windows", "release", "connection_dates", "signing",
                "next_meeting", "statistics"} - {missing}  # fmt: skip
    document = parse(sample_deck(), Style(), reference, sections=sections)
    assert any(w.startswith("Expected section missing") for w in document["warnings"])


def test_a_printed_total_row_is_a_checksum_not_an_organisation(reference):
    deck = sample_deck(seed=14)
    table = deck.statistics[0]
    columns = list(zip(*(row[2] for row in table.rows), strict=True))
    sums = [sum(c for c in column if c) for column in columns]
    total = sum(row[3] or 0 for row in table.rows)
    table.rows.append(("", "Totalsumma", sums, total))
    document = parse(deck, Style(), reference)
    table.rows.pop()
    assert_statistics(document, deck, reference)
    assert document["unresolved"] == [] and document["warnings"] == []


def test_empty_rows_produce_no_entries(reference):
    deck = sample_deck(seed=2)
    table = deck.statistics[1]
    key, label, cells, _ = table.rows[0]
    table.rows[0] = (key, label, [None] * len(cells), None)
    document = parse(deck, Style(), reference)
    assert_statistics(document, deck, reference)


def test_style_is_plain_data():
    assert dataclasses.asdict(Style())["pagesize"] == WIDE


@pytest.mark.parametrize(
    "marks, header",
    [(("X", ""), "Deltog"), (("x", "–"), "Närvarande?"), (("JA", "NEJ"), "Närvaro")],
)
def test_attendance_as_other_authors_mark_it(reference, marks, header):
    """A ticked box and a blank one, a dash for absent, other words over the mark column."""
    deck = sample_deck()
    deck.attendance = [
        (key, label, index % 3 != 1) for index, (key, label, _) in enumerate(deck.attendance)
    ]
    style = Style(attendance_marks=marks, attendance_header=header, unusual_titles=True)
    document = parse(deck, style, reference)
    assert document["attendance"] == [
        {"org": key, "present": present} for key, _, present in deck.attendance
    ]
    assert {False, True} == {entry["present"] for entry in document["attendance"]}
    assert not [w for w in document["warnings"] if "attendance" in w]


@pytest.mark.parametrize(
    "printed", ["1 juni 2022", "2022-06-01", "1.6.2022", "den 1:a juni 2022", "Onsdag 1 juni 2022"]
)
def test_the_cover_names_the_meeting_date_however_it_is_printed(reference, printed):
    deck = sample_deck()
    deck.meeting_date = printed
    document = parse(deck, Style(cover=True), reference, meeting=None)
    assert document["meeting"]["date"] == "2022-06-01"

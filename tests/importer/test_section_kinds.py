"""Sections found by what they are, not by their number or place (issue 10, kind 6):
titles without numbers or in other words, shuffled order, a cover and an agenda naming every
section, divider pages, a release line without the word "version"."""

import pytest

from webcert_forum.importer import parse_minutes
from webcert_forum.importer.classify import Section, classify_slides
from webcert_forum.importer.read import Slide

from .deck_factory import STANDARD, Style, render, sample_deck
from .test_decks import (
    MEETING,
    assert_other_sections,
    expected_sections,
    expected_statistics,
    parse,
)

DECK_KINDS = {
    "titles without numbers": dict(numbered_titles=False),
    "titles in other words": dict(unusual_titles=True),
    # Text beside the table shares a line with its header in the page text.
    "titles in other words, tight rows": dict(unusual_titles=True, dense_rows=True),
    "sections in another order": dict(section_order=3),
    "a cover naming every section": dict(cover=True),
    "an agenda naming every section": dict(agenda=True),
    "divider pages": dict(dividers=True),
    # The template's word beside every title: a divider is still its title alone.
    "divider pages with a word on every slide": dict(dividers=True, stray_word="april"),
    "divider pages with a word on every slide, unnumbered, print driver": dict(
        dividers=True, stray_word="juni", numbered_titles=False, glyphs=True, cover=True
    ),
    "everything at once": dict(
        numbered_titles=False,
        unusual_titles=True,
        section_order=7,
        cover=True,
        agenda=True,
        dividers=True,
        group_header=True,
        merged_label_total="centre",
        totals_row="Summa",
    ),  # fmt: skip
}


def in_any_order(entries):
    return sorted(entries, key=lambda entry: sorted(entry.items()))


def check(document, deck, reference):
    assert_other_sections(document, deck)
    # Shuffled sections give the statistics in the deck's new order.
    counts, totals = expected_statistics(deck, reference)
    assert in_any_order(document["certificate_counts"]) == in_any_order(counts)
    assert in_any_order(document["certificate_totals"]) == in_any_order(totals)
    assert document["warnings"] == []
    assert document["unresolved"] == []


@pytest.mark.parametrize("kind", list(DECK_KINDS))
def test_deck_kind_reads_back(reference, kind):
    deck = sample_deck(seed=len(kind))
    check(parse(deck, Style(**DECK_KINDS[kind]), reference), deck, reference)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_shuffled_unnumbered_decks_with_dividers(reference, seed):
    style = Style(
        numbered_titles=seed % 2 == 0, unusual_titles=seed > 2, section_order=seed,
        dividers=True, agenda=seed != 3, cover=seed != 1, rules=seed != 4,
        pagesize=STANDARD if seed == 2 else Style().pagesize,
    )  # fmt: skip
    deck = sample_deck(seed=seed, rows_per_slide=8 if seed == 4 else None)
    check(parse(deck, style, reference), deck, reference)


def test_meeting_date_from_the_cover_despite_the_agenda(reference):
    deck = sample_deck(seed=5)
    pdf = render(deck, Style(cover=True, agenda=True, dividers=True, section_order=2))
    document = parse_minutes(pdf, None, reference)
    assert document["meeting"]["date"] == MEETING.isoformat()
    check(document, deck, reference)


@pytest.mark.parametrize(
    "line",
    [
        "Webcert 7.2.0 – release 2023-2",
        "Release 2023-2 (Webcert 7.2.0)",
        "Nästa release: 7.2.0, release 2023-2",
        "Kommande uppdatering av Webcert till version 7.2.0, release 2023-2:",
    ],
)
@pytest.mark.parametrize("unusual", [False, True])
def test_release_line_variants(reference, line, unusual):
    deck = sample_deck(release_line=line)
    document = parse(deck, Style(unusual_titles=unusual), reference, sections={"release"})
    assert document["release"] == expected_sections(deck)["release"]


NOT_STATISTICS = {"attendance", "service_windows", "release", "connection_dates", "signing",
                  "next_meeting"}  # fmt: skip


@pytest.mark.parametrize(
    "style",
    [
        Style(unusual_titles=True, side_note=True, column_order=True, dense_rows=True),
        Style(unusual_titles=True, side_note=True, dense_rows=True, pagesize=STANDARD),
        Style(unusual_titles=True, side_note=True, column_order=True, dense_rows=True,
              numbered_titles=False, rules=False),
    ],
    ids=["column order, tight rows", "tight rows 4:3", "column order, tight rows, no lines"],
)  # fmt: skip
def test_tables_by_content_with_a_note_box_beside_them(reference, style):
    """An unusual title ('Regionernas planer'): the table is known by its header's cells,
    'Region' and 'Datum' side by side, with a note box's first line on their line; with
    rows as tight as the note's lines, the note is still not the table."""
    deck = sample_deck(seed=11)
    labels = dict((key, label) for key, label, _ in deck.service_windows)
    # A long cell wraps within its cell (a note box stands right beside it).
    deck.service_windows.append(
        ("skane", labels["skane"], "måndag 17 okt – onsdag 19 okt + fredag 21 okt")
    )
    document = parse(deck, style, reference, sections=NOT_STATISTICS)
    expected = expected_sections(deck)
    expected["service_windows"] += [
        {"org": "skane", "start": f"2022-10-{day}", "end": f"2022-10-{end}"}
        for day, end in (("17", "19"), ("21", "21"))
    ]
    for key, value in expected.items():
        assert document[key] == value, key
    assert document["warnings"] == ["Expected section missing: certificate statistics."]


def _slide(number, title, text, lines=""):
    return Slide(number=number, title=title, text=text, lines=lines or text)


def test_a_continuation_continues_the_slide_right_before_it(reference):
    """'(forts.)' after a slide of no section is none either: it never inherits a section
    further back (here the next meeting, whose parser would warn about a table)."""
    slides = [
        _slide(1, "Nästa möte", "Nästa möte\n- 5 september"),
        _slide(2, "Övrigt", "Övrigt\nInget att rapportera"),
        _slide(3, "Övrigt (forts.)", "Övrigt (forts.)\nA 1 2\nB 3 4"),
    ]
    classify_slides(slides, reference.certificate_type)
    assert [s.section.kind if s.section else None for s in slides] == ["next_meeting", None, None]


def test_a_table_written_cell_by_cell_is_known_by_its_wrapped_header(reference):
    """A print driver writing cell by cell: the text shows 'TS' / 'bas' on lines of their
    own, the lines by position show the rows; together they are a statistics table."""
    text = "Utfärdade intyg oktober\nVårdgivare/\nBolag\nHalland\nSumma\nAG7804\n29635\n29635\n"
    text += "DB\n91\n91\nTS\nbas\n646\n646\nTotal-summa\n30372\n30372"
    lines = "Utfärdade intyg oktober\nVårdgivare/\tTS\tTotal-\nAG7804\tDB\nBolag\tbas\tsumma\n"
    lines += "Halland\t29635\t91\t646\t30372\nSumma\t29635\t91\t646\t30372"
    slides = [_slide(1, "Utfärdade intyg oktober", text, lines)]
    classify_slides(slides, reference.certificate_type)
    assert slides[0].section == Section("statistics", channel="all", month=10)


@pytest.mark.parametrize(
    "style",
    [Style(), Style(unusual_titles=True, group_header=True, total_header="Totalt", rules=False)],
    ids=["plain", "unusual titles, group row, no lines"],
)
def test_a_month_with_every_cell_empty_is_a_section_printed_empty(reference, style):
    # No one issued anything that month: the tables are printed, their cells empty.
    deck = sample_deck(months=(5,), seed=3)
    for table in deck.statistics:
        table.rows = [
            (key, label, [None] * len(cells), None) for key, label, cells, _ in table.rows
        ]
    document = parse(deck, style, reference)
    assert document["certificate_counts"] == [] and document["certificate_totals"] == []
    assert document["warnings"] == []
    assert document["unresolved"] == []


@pytest.mark.parametrize("empty", ["service_windows", "connection_dates"])
def test_a_two_column_table_printed_with_no_rows_is_a_section_printed_empty(reference, empty):
    # No region planned a window (or connected) this time: the header is printed, no rows.
    deck = sample_deck(months=(5,), seed=3)
    setattr(deck, empty, [])
    document = parse(deck, Style(), reference)
    assert document[empty] == []
    assert document["warnings"] == []


def test_a_table_of_three_types_one_wrapped_read_into_one_line_is_statistics(reference):
    """Header rows read into one line put a wrapped code's lower part first ("diabetes TS");
    with only three types on the slide, that code decides whether it is statistics."""
    from webcert_forum.importer.classify import _is_statistics_table

    lines = [
        "vårdgivare/ bolag ag7804 diabetes ts fk-7800 summa",
        "kliniken 12 956 3 481 16 437",
    ]
    assert _is_statistics_table(lines, reference.certificate_type)
    assert not _is_statistics_table(
        ["vårdgivare ag7804 diabetes fk7800"], reference.certificate_type
    )

"""Statistics tables as other authors and tools make them (issue 10, kind 1): headers over
several rows, merged group cells, other total headers, a totals row. Every count must
land in its own column and row, read from where the numbers stand."""

import pytest

from .deck_factory import STANDARD, Style, sample_deck
from .test_decks import assert_statistics, parse

HEADER_KINDS = {
    "group row": dict(group_header=True),
    "group row, label and total merged over both rows": dict(
        group_header=True, merged_label_total="centre"
    ),
    "group row, label and total only in the top row": dict(
        group_header=True, merged_label_total="top"
    ),
    "Totalt as total column": dict(total_header="Totalt"),
    "Summa as total column": dict(total_header="Summa", wrap_headers=False),
    "totals row Totalt": dict(totals_row="Totalt"),
    "totals row Totalsumma": dict(totals_row="Totalsumma"),
    "totals row Summa": dict(totals_row="Summa"),
}
LAYOUTS = {
    "ruled": dict(),
    "no rules": dict(rules=False),
    "4:3 without rules, left-aligned numbers": dict(
        pagesize=STANDARD, rules=False, number_align="left"
    ),
    "right-aligned headers over left-aligned numbers": dict(
        rules=False, header_align="right", number_align="left"
    ),
    "left-aligned headers, thousands with a space": dict(header_align="left", thousands=" "),
    # The first row's labels stand as close below the header as its lines stand together.
    "4:3 tight rows, left-aligned headers": dict(
        pagesize=STANDARD, rules=False, dense_rows=True, header_align="left"
    ),
}


def check(deck, style, reference):
    document = parse(deck, style, reference)
    assert_statistics(document, deck, reference)
    assert document["warnings"] == []
    assert document["unresolved"] == []


@pytest.mark.parametrize("kind", list(HEADER_KINDS))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_header_kind_in_layout(reference, kind, layout):
    deck = sample_deck(seed=len(kind) + 3 * len(layout), shuffle=True)
    check(deck, Style(**HEADER_KINDS[kind], **LAYOUTS[layout]), reference)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_everything_other_authors_do_at_once(reference, seed):
    style = Style(
        group_header=True, merged_label_total=("centre", "top", None)[seed % 3],
        total_header=("Totalt", "Totalsumma", "Summa")[seed % 3],
        totals_row=("Totalsumma", "Summa", "Totalt")[seed % 3], rules=seed != 2,
        number_align=("left", "centre", "right")[seed % 3],
        pagesize=STANDARD if seed == 3 else Style().pagesize,
    )  # fmt: skip
    deck = sample_deck(
        seed=seed * 17, full_names=seed == 2, rows_per_slide=7 if seed == 1 else None
    )
    check(deck, style, reference)


def test_unknown_type_without_a_group_under_a_group_row(reference):
    deck = sample_deck(seed=44, extra_type="LK1001", rows_per_slide=6)
    style = Style(group_header=True, merged_label_total="top", dense_rows=True, rules=False)
    document = parse(deck, style, reference)
    assert_statistics(document, deck, reference)
    assert any("'LK1001' is not a known certificate type" in w for w in document["warnings"])


def test_column_left_empty_under_a_group_row(reference):
    # A type no one issued that month: its column has no numbers to stand on.
    deck = sample_deck(seed=21)
    for table in deck.statistics:
        table.rows = [
            (key, label, [None, *cells[1:]], (total or 0) - (cells[0] or 0) or None)
            for key, label, cells, total in table.rows
        ]
    check(deck, Style(group_header=True, merged_label_total="centre", rules=False), reference)


# --- tables as other authors lay them out (issue 10, kinds 1, 3 and 8) ---------------------


def with_types(deck, printed):
    """The deck's statistics with only the ``printed`` type columns, totals recomputed."""
    for table in deck.statistics:
        keep = [table.types.index(t) for t in printed]
        rows = []
        for key, label, cells, _ in table.rows:
            kept = [cells[i] for i in keep]
            filled = [c for c in kept if c is not None]
            rows.append((key, label, kept, sum(filled) if filled else None))
        table.types, table.rows = list(printed), rows
    return deck


def emptied(deck, printed):
    """The ``printed`` type's column left empty in every table (no one issued it)."""
    for table in deck.statistics:
        at = table.types.index(printed)
        rows = []
        for key, label, cells, _ in table.rows:
            cells = [None if i == at else c for i, c in enumerate(cells)]
            filled = [c for c in cells if c is not None]
            rows.append((key, label, cells, sum(filled) if filled else None))
        table.rows = rows
    return deck


FEW_TYPES = ["DB", "FK7804", "TS bas"]


@pytest.mark.parametrize(
    "layout",
    [dict(), dict(rules=False), dict(pagesize=STANDARD), dict(header_align="right", rules=False),
     dict(label_header_align="centre", dense_rows=True, totals_row="Summa")],
)  # fmt: skip
def test_a_note_and_legend_across_few_wide_columns_are_no_rows(reference, layout):
    # The note line and the legend end inside the first type column: no row, no label.
    deck = with_types(sample_deck(seed=5, full_names=True), FEW_TYPES)
    check(deck, Style(side_note=True, **layout), reference)


@pytest.mark.parametrize(
    "printed",
    [["AG7804", "DB", "DOI", "FK7804", "TS bas"],  # recipients over one and two columns
     ["FK7804", "FK7802", "FK7801", "DB"],  # one centred over the middle of three
     ["TS bas", "AG1-14", "TS diabetes"]],  # the same recipient twice, apart
)  # fmt: skip
@pytest.mark.parametrize("merged", [None, "centre", "top"])
def test_a_recipient_over_any_number_of_columns_is_no_type(reference, printed, merged):
    deck = with_types(sample_deck(seed=len(printed)), printed)
    style = Style(group_header=True, merged_label_total=merged, wrap_headers=False, rules=False)
    check(deck, style, reference)


def test_a_recipient_wider_than_its_cell_is_broken_over_two_lines(reference):
    deck = with_types(sample_deck(seed=8), ["FK7804", "DB", "TS bas", "AG7804", "FK7800"])
    style = Style(pagesize=STANDARD, group_header=True, side_note=True, dense_rows=True)
    check(deck, style, reference)


@pytest.mark.parametrize(
    "aligned, empty",
    [(dict(header_align="right", number_align="left"), "AG1-14"),  # the first type column
     (dict(header_align="right", number_align="centre"), "AG1-14"),
     (dict(header_align="left", number_align="right"), "FK7800"),  # one in the middle
     (dict(header_align="left", number_align="centre"), "TS diabetes")],
)  # fmt: skip
def test_headers_aligned_apart_from_their_numbers_with_a_column_empty(reference, aligned, empty):
    # Without lines each header stands nearer the next column's numbers than its own: the
    # row total's column, never empty, and the way every column stands tell them apart.
    deck = emptied(sample_deck(seed=len(empty), rows_per_slide=4), empty)
    check(deck, Style(rules=False, wrap_headers=False, **aligned), reference)


def test_tight_rows_with_a_totals_row_and_a_note_keep_every_row(reference):
    # The last slide holds one row and the totals row, as tight as the text allows.
    deck = with_types(sample_deck(seed=3, rows_per_slide=5), ["AG1-14", "DB", "DOI", "TS bas"])
    style = Style(side_note=True, dense_rows=True, totals_row="Totalsumma", total_header="Totalt")
    check(deck, style, reference)


@pytest.mark.parametrize("pagesize", [STANDARD, Style().pagesize])
def test_a_stray_word_touching_the_header_is_no_column(reference, pagesize):
    deck = with_types(sample_deck(seed=11, rows_per_slide=4), ["FK7800", "FK7804", "AG7804"])
    style = Style(pagesize=pagesize, stray_word="juni", header_align="left",
                  number_align="centre", dense_rows=True, totals_row="Totalt")  # fmt: skip
    check(deck, style, reference)


def test_a_label_wrapped_alone_on_its_slide_is_one_label(reference):
    # Twelve rows, eleven per slide: the last slide holds one row, its label on two lines.
    deck = sample_deck(seed=2, full_names=True, rows_per_slide=11)
    for table in deck.statistics:
        key, label, cells, _ = table.rows[-1]
        table.rows[-1] = (key, label, [None] * len(cells), None)
    check(deck, Style(dense_rows=True, rules=False), reference)


def test_a_name_no_list_knows_is_unresolved_as_printed(reference):
    deck = sample_deck(seed=4, full_names=True)
    for table in deck.statistics:
        _, _, cells, total = table.rows[3]
        table.rows[3] = ("Vårdbolaget Norr AB", "Vårdbolaget Norr AB", cells, total)
        table.rows[4] = (*table.rows[4][:2], [None] * len(cells), None)
    document = parse(deck, Style(dense_rows=True, side_note=True), reference)
    assert_statistics(document, deck, reference)
    assert {u["label"] for u in document["unresolved"]} == {"Vårdbolaget Norr AB"}


@pytest.mark.parametrize("titles", [dict(unusual_titles=True), dict(continued_title_only=True)])
def test_wrapped_codes_under_titles_without_the_section_name(reference, titles):
    # "Utfärdade intyg mars" names no section: the codes ("TS" over "bas") do, however the
    # text was written; its continuation on the next slide stays in its own channel.
    deck = with_types(sample_deck(seed=6, rows_per_slide=6), ["DOI", "TS bas", "TS diabetes"])
    style = Style(column_order=True, glyphs=True, numbered_titles=False, **titles)
    check(deck, style, reference)


# --- two-column tables (service windows) ------------------------------------------------

# A date cell an author lets wrap in a narrow column: each line is as many words as a
# sentence, and a label centred on the cell stands level with its middle lines only.
WRAPPED_WINDOWS = (
    "fredag 10 juni – söndag 12 juni, lördag 13 aug – måndag 15 aug, tisdag 4 okt – onsdag 5 okt"
)


@pytest.mark.parametrize(
    "layout",
    [dict(pagesize=STANDARD), dict(pagesize=STANDARD, side_note=True), dict(side_note=True)],
    ids=["4:3", "4:3 beside a note box", "16:9 beside a note box"],
)
def test_a_date_cell_wrapped_over_several_lines_is_one_row(reference, layout):
    deck = sample_deck(seed=5)
    deck.service_windows[1] = ("skane", deck.service_windows[1][1], WRAPPED_WINDOWS)
    document = parse(deck, Style(**layout), reference)
    assert document["service_windows"] == [
        {"org": "jonkoping", "start": "2022-06-03", "end": "2022-06-04"},
        {"org": "jonkoping", "start": "2022-06-30", "end": "2022-06-30"},
        {"org": "skane", "start": "2022-06-10", "end": "2022-06-12"},
        {"org": "skane", "start": "2022-08-13", "end": "2022-08-15"},
        {"org": "skane", "start": "2022-10-04", "end": "2022-10-05"},
    ]
    assert document["warnings"] == []

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

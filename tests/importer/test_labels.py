"""Labels (issue 10, kind 8): a name no reference list knows is kept as printed and listed
in ``unresolved``; a label is never joined from several rows, however tight the rows."""

import pytest

from .deck_factory import STANDARD, Style, sample_deck
from .test_decks import assert_other_sections, assert_statistics, parse

UNKNOWN = ["Region Atlantis", "Vårdbolaget Norr AB", "Region Långt Namn Som Bryts"]


@pytest.mark.parametrize(
    "style",
    [
        Style(dense_rows=True),
        Style(dense_rows=True, rules=False),
        Style(dense_rows=True, rules=False, pagesize=STANDARD, wrap_labels=True),
        Style(dense_rows=True, rules=False, group_header=True, totals_row="Totalt"),
    ],
    ids=["dense ruled", "dense without rules", "dense 4:3", "dense with group header"],
)
@pytest.mark.parametrize("full_names", [False, True])
def test_tight_rows_keep_each_label_to_its_row(reference, style, full_names):
    deck = sample_deck(seed=31, full_names=full_names)
    document = parse(deck, style, reference)
    assert_statistics(document, deck, reference)
    assert_other_sections(document, deck)
    assert document["unresolved"] == [] and document["warnings"] == []


@pytest.mark.parametrize("rules", [True, False])
def test_unknown_names_are_listed_as_printed(reference, rules):
    deck = sample_deck(seed=32)
    rows = deck.statistics[0].rows
    for index, name in enumerate(UNKNOWN):
        _, _, cells, total = rows[index]
        rows[index] = (name, name, cells, total)  # a long one wraps within its row
    deck.service_windows.append((UNKNOWN[1], UNKNOWN[1], "8 juni"))
    deck.signing_production.append((UNKNOWN[0], UNKNOWN[0], "Klart"))
    document = parse(deck, Style(rules=rules, dense_rows=not rules), reference)
    assert_statistics(document, deck, reference)
    slide_of = {s["title"]: s["number"] for s in document["slides"]}
    statistics_slide = slide_of[deck.statistics[0].title]
    service_slide = next(n for title, n in slide_of.items() if "Drift" in title)
    signing_slide = max(n for title, n in slide_of.items() if "Signering" in title)
    assert document["unresolved"] == [
        {"label": UNKNOWN[1], "kind": "organisation", "slide": service_slide},
        {"label": UNKNOWN[0], "kind": "organisation", "slide": signing_slide},
        *({"label": name, "kind": "organisation", "slide": statistics_slide} for name in UNKNOWN),
    ]
    assert {"org": UNKNOWN[1], "start": "2022-06-08", "end": "2022-06-08"} in document[
        "service_windows"
    ]

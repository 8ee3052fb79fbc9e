"""The property: parsing a deck gives back the minutes document it was made from.

A fixed sample of random documents in random styles (``random_decks``; deck ``seed`` is the
same here and in ``bench/import_fidelity.py --seed seed --decks 1``). A deck the importer
cannot read yet is an explicit strict xfail naming the fewest style switches that break it,
so it shows in every run and turns into a failure once the importer reads it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .deck_factory import Style
from .document_diff import first_difference
from .random_decks import (
    HELD,
    STYLE_CHOICES,
    changed_switches,
    draw_minutes,
    drawn,
    read_back,
    reference_lists,
)

SAMPLE = range(36)
_LEGEND = "the legend under a table with a note box beside it is read as a row"
_MERGED_TOP = "label and total headers written only in the top header row"
# seed -> the fewest switches (apart from the defaults) that still break it, and how (the
# bench's --minimal after merging fidelity with tables and geometry). Strict: a deck the
# importer learns to read fails here until its entry goes.
KNOWN_GAPS: dict[int, str] = {
    3: "side_note, rows_per_slide=4, totals_row: a statistics row glued to the totals row",
    13: "mixed_pagesizes, group_header: a recipient group read as an unknown type",
    14: f"side_note: {_LEGEND} (numbers without an organisation)",
    15: f"side_note: {_LEGEND} (unresolved)",
    20: "side_note, rows_per_slide=5, totals_row, dense_rows: statistics rows lost",
    22: "unusual_titles: statistics rows lost (TS bas)",
    25: f"group_header, merged_label_total='top': {_MERGED_TOP}; legend read as a row",
    27: f"side_note: {_LEGEND} (unresolved)",
    31: f"group_header, merged_label_total='top': {_MERGED_TOP}; two labels glued",
    33: "header_align='right', stray_word, group_header: a count read into the wrong row",
    34: f"group_header, merged_label_total='top': {_MERGED_TOP}; statistics rows lost",
}


def _sample():
    for seed in SAMPLE:
        gap = KNOWN_GAPS.get(seed)
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        yield pytest.param(seed, marks=marks, id=f"seed{seed}")


@pytest.mark.parametrize("seed", list(_sample()))
def test_deck_reads_back_as_drawn(seed, reference):
    minutes, style = drawn(seed)
    document = read_back(minutes, style, reference)
    difference = first_difference(minutes.expected, document)
    changed = changed_switches(style)
    assert difference is None, (
        f"seed {seed}, style {changed}, document {minutes.features}: {difference}"
    )


def test_every_style_switch_is_drawn():
    """A Style field the draw leaves at one value would hide its failures from the sample
    and the bench; only the HELD ones (each with its reason) may."""
    styles = [drawn(seed)[1] for seed in range(200)]
    for switch in dataclasses.fields(Style):
        values = Counter(repr(getattr(style, switch.name)) for style in styles)
        assert len(values) >= 2 or switch.name in HELD, f"Style.{switch.name} is always {values}"
    assert set(STYLE_CHOICES) <= {f.name for f in dataclasses.fields(Style)}


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(rng=st.randoms(use_true_random=False))
def test_drawn_documents_are_consistent(rng, reference):
    """The truth the property compares with: totals add up, the standalone channel never
    exceeds all channels, and every printed label resolves to the key it stands for."""
    minutes = draw_minutes(rng)
    expected, deck = minutes.expected, minutes.deck
    sums = Counter()
    for entry in expected["certificate_counts"]:
        sums[entry["month"], entry["channel"], entry["org"]] += entry["count"]
    for entry in expected["certificate_totals"]:
        assert sums[entry["month"], entry["channel"], entry["org"]] == entry["total"]
    counts = {(e["month"], e["org"], e["type"]): e["count"] for e in expected["certificate_counts"]
              if e["channel"] == "all"}  # fmt: skip
    for entry in expected["certificate_counts"]:
        if entry["channel"] == "standalone":
            assert entry["count"] <= counts[entry["month"], entry["org"], entry["type"]]
    printed = deck.attendance + deck.service_windows + deck.connection_dates
    for key, label, _ in printed + deck.signing_production:
        assert reference.organisation(label) == key, label
    for table in deck.statistics:
        for key, label, _, _ in table.rows:
            assert reference.organisation(label) == (None if key == label else key), label
    known = {t.key for t in reference_lists()["certificate_types"]}
    for table in deck.statistics:
        for header in table.types:
            assert reference.certificate_type(header) in known | {None}

"""Working memory flat in page count (issue 10): a longer deck may hold more only in the
document it returns. The statistics checks look a slide's cells up in the document as the
slide is collected; they keep no index of every cell and no copy of a repeated table."""

import gc
import tracemalloc

from webcert_forum.importer import parse_minutes

from .deck_factory import Style, render, sample_deck
from .test_decks import MEETING

# What a dozen more slides may add besides the document: the slides themselves and, until
# the furniture is learnt and the slides classified, each page's lines by position (a few
# KiB a page). Holding a dozen copies of a table's cells until the end takes twice this.
SLACK_MIB = 0.06


def working_memory(pdf: bytes, reference) -> tuple[float, dict]:
    """MiB traced at the peak of the parse beyond the document it returns, and the document."""
    gc.collect()
    tracemalloc.start()
    try:
        document = parse_minutes(pdf, MEETING, reference)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - held) / 2**20, document


def statistics_deck(times: int) -> bytes:
    """The statistics of one month (both channels), printed ``times`` times."""
    deck = sample_deck(months=(5,), seed=12)
    deck.statistics = deck.statistics * times
    return render(deck, Style())


def test_tables_printed_again_and_again_need_no_more_memory(reference):
    few, many = statistics_deck(2), statistics_deck(8)
    parse_minutes(few, MEETING, reference)  # first-use allocations (imports, caches) aside
    small, once = working_memory(few, reference)
    large, again = working_memory(many, reference)
    assert again["certificate_counts"] == once["certificate_counts"]
    assert (
        "The 2022-05 statistics table (all channels) is printed more than once."
        in (again["warnings"])
    )
    assert large - small < SLACK_MIB

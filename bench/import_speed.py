"""Import speed and memory (a benchmark, not a test).

    python bench/import_speed.py [--runs 7]

Reports, in one process: the median time to parse the seed deck beside the median time
pdfplumber alone needs to extract the words of every page, and their ratio (target
<= 0.7, issue 10); and the working memory of parsing a generated 120-page deck vs a 10-page
one (the traced peak less the document returned), which must be flat in page count.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from tests.importer.deck_factory import MONTH_NAMES, Style, render, sample_deck  # noqa: E402
from webcert_forum.importer import parse_minutes  # noqa: E402
from webcert_forum.importer.reference import Reference  # noqa: E402

SEED = ROOT / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.pdf"
MEETING = dt.date(2022, 6, 1)
# Working memory counts as flat when 120 pages need at most this much more than 10 pages:
# what is left is the slides themselves (a few hundred bytes each) and, until the furniture
# is learnt and the slides classified, each page's lines by position (a few KiB a page,
# below the document's own growth), against the ~17 KiB a page of statistics adds to the
# document.
FLAT_MIB = 0.10


def interleaved_medians(actions, runs: int) -> list[float]:
    """Median seconds of each action, run in turn so both see the same machine load."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            started = time.perf_counter()
            action()
            times[index].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def extract_all_words(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()


def deck_of(pages: int, distinct: bool = False) -> bytes:
    """A generated deck of ``pages`` pages: the 7 other slides, then statistics tables; its
    24 tables (12 months, 2 channels) printed over and over, or with ``distinct`` each
    table once (earlier years named in the titles), so the document grows with the deck."""
    deck = sample_deck(months=tuple(range(1, 13)), seed=pages)
    tables = deck.statistics
    deck.statistics = []
    for n in range(pages - 7):
        table = tables[n % len(tables)]
        if distinct:
            year, month = 2022 - n // len(tables), int(table.month[5:])
            name = MONTH_NAMES[month - 1]
            table = dataclasses.replace(
                table, title=table.title.replace(f" {name}", f" {name} {year}"),
                month=f"{year}-{month:02d}",
            )  # fmt: skip
        deck.statistics.append(table)
    return render(deck, Style())


def working_memory(data: bytes, reference: Reference) -> dict[str, float]:
    """Traced MiB of parsing a deck: the peak over the whole parse, what the returned
    document holds, and their difference, the working memory (pages being read, a slide's
    words, what the checks look up): what must stay flat in page count."""
    gc.collect()  # the previous deck's garbage is not this parse's memory
    tracemalloc.start()
    try:
        document = parse_minutes(data, dt.date(2023, 1, 16), reference)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "peak": peak / 2**20, "document": held / 2**20, "working": (peak - held) / 2**20,
        "pages": len(document["slides"]), "cells": len(document["certificate_counts"]),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    reference = Reference.from_fixtures()
    parse_minutes(SEED, MEETING, reference)  # imports and caches warmed for both sides
    extract_all_words(SEED)
    words, parse = interleaved_medians(
        [lambda: extract_all_words(SEED), lambda: parse_minutes(SEED, MEETING, reference)], runs
    )
    print(f"seed deck ({SEED.name}), median of {runs} runs")
    print(f"  pdfplumber extract_words, every page: {words * 1000:8.1f} ms")
    print(f"  parse_minutes:                        {parse * 1000:8.1f} ms")
    print(f"  ratio parse / extract_words:          {parse / words:8.2f}  (target <= 0.70)")
    working_memory(deck_of(10), reference)  # first-use allocations (imports, caches) aside
    print("working memory of parse_minutes (tracemalloc), MiB: the peak over the whole parse")
    print("less the document it returns. It must be flat in page count (only the document may")
    print(f"grow): target 120 pages within {FLAT_MIB:.2f} MiB of 10 pages")
    for distinct in (False, True):
        print("  each table once" if distinct else "  24 tables printed over and over")
        working = []
        for pages in (10, 40, 120):
            m = working_memory(deck_of(pages, distinct), reference)
            working.append(m["working"])
            print(
                f"    {m['pages']:3d} pages, {m['cells']:5d} cells: working {m['working']:5.2f} "
                f"(peak {m['peak']:5.2f}, document {m['document']:5.2f})"
            )
        growth = working[-1] - working[0]
        verdict = "flat" if growth <= FLAT_MIB else "NOT FLAT"
        print(f"    working memory 120 - 10 pages: {growth:+.2f} MiB ({verdict})")


if __name__ == "__main__":
    main()

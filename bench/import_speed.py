"""Import speed and memory (a benchmark, not a test).

    python bench/import_speed.py [--runs 7]

Reports, in one process: the median time to parse the seed deck beside the median time
pdfplumber alone needs to extract the words of every page, and their ratio (target
<= 0.7, issue 10); and the peak traced memory of parsing a generated 120-page deck vs a 10-page one.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from tests.importer.deck_factory import MONTH_NAMES, Style, render, sample_deck  # noqa: E402
from webcert_forum.importer import parse_minutes, pipeline  # noqa: E402
from webcert_forum.importer.reference import Reference  # noqa: E402

SEED = ROOT / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.pdf"
MEETING = dt.date(2022, 6, 1)


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


def peak_memory(data: bytes, reference: Reference) -> dict[str, float]:
    """Traced MiB while parsing: the peak while reading the pages and parsing the slides,
    what the parsed entries hold when the checks begin, the peak during the checks and
    assembly, and what the returned document holds."""
    found = {}
    assemble = pipeline.assemble

    def measured(*arguments, **options):
        held, peak = tracemalloc.get_traced_memory()
        found.update(reading=peak, entries=held)
        tracemalloc.reset_peak()
        return assemble(*arguments, **options)

    pipeline.assemble = measured
    tracemalloc.start()
    try:
        document = parse_minutes(data, dt.date(2023, 1, 16), reference)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        pipeline.assemble = assemble
    mib = {key: value / 2**20 for key, value in found.items()}
    return {**mib, "checks": peak / 2**20, "document": held / 2**20,
            "pages": len(document["slides"]), "cells": len(document["certificate_counts"])}  # fmt: skip


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
    peak_memory(deck_of(10), reference)  # first-use allocations (imports, caches) off the books
    print("traced memory of parse_minutes (tracemalloc), MiB: 'reading' is the peak while the")
    print("pages are read and the slides parsed, over the entries parsed by then; 'checks' the")
    print("peak of the checks and assembly over the document they return")
    for distinct in (False, True):
        print("  each table once" if distinct else "  24 tables printed over and over")
        rows = []
        for pages in (10, 120):
            m = peak_memory(deck_of(pages, distinct), reference)
            reading, checks = m["reading"] - m["entries"], m["checks"] - m["document"]
            rows.append((reading, checks))
            print(
                f"    {m['pages']:3d} pages, {m['cells']:5d} cells: reading {reading:5.2f} "
                f"(entries {m['entries']:5.2f}), checks {checks:5.2f} "
                f"(document {m['document']:5.2f})"
            )
        print(
            f"    ratio 120 / 10 pages: reading {rows[1][0] / rows[0][0]:.2f}, "
            f"checks {rows[1][1] / rows[0][1]:.2f}"
        )


if __name__ == "__main__":
    main()

"""Import speed and memory (a benchmark, not a test).

    python bench/import_speed.py [--runs 7]

Reports, in one process: the median time to parse the seed deck beside the median time
pdfplumber alone needs to extract the words of every page, and their ratio (target
<= 0.7, issue 10); and the peak traced memory of parsing a generated 120-page deck vs a 10-page one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from tests.importer.deck_factory import Style, render, sample_deck  # noqa: E402
from webcert_forum.importer import parse_minutes  # noqa: E402
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


def deck_of(pages: int) -> bytes:
    """A generated deck of ``pages`` pages: the 7 other slides, then statistics tables."""
    deck = sample_deck(months=tuple(range(1, 13)), seed=pages)
    tables = deck.statistics
    deck.statistics = [tables[n % len(tables)] for n in range(pages - 7)]
    return render(deck, Style())


def peak_memory(data: bytes, reference: Reference) -> tuple[float, float, int]:
    """Peak traced MiB while parsing, MiB still held by the returned document, page count."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    document = parse_minutes(data, dt.date(2023, 1, 16), reference)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, held / 2**20, len(document["slides"])


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
    small, large = deck_of(10), deck_of(120)
    peak_memory(small, reference)  # first-use allocations (imports, caches) off the books
    print("peak traced memory of parse_minutes (tracemalloc); 'document' is what the result")
    print("itself holds, so peak - document is the parser's working memory")
    rows = []
    for data in (small, large):
        peak, held, pages = peak_memory(data, reference)
        rows.append(peak - held)
        print(
            f"  {pages:3d}-page deck ({len(data) / 1024:4.0f} KiB): peak {peak:5.1f} MiB, "
            f"document {held:5.1f} MiB, working {peak - held:5.1f} MiB"
        )
    print(f"  working memory ratio 120 / 10 pages: {rows[1] / rows[0]:.2f}")


if __name__ == "__main__":
    main()

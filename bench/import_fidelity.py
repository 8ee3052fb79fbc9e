"""Import fidelity over random decks (a benchmark, not a test).

    python bench/import_fidelity.py [--decks 1000] [--seed 0] [--processes 2] [--minimal 5]

Deck ``seed + i`` is a random minutes document rendered in a random style
(``tests/importer/random_decks.py``); parsing it should give that document back. Prints the
share of statistics cells read exactly, each section's precision (entries read that were in
the document) and recall (entries of the document that were read), and which style switches
and document variations the failing decks have. ``--minimal K`` also narrows the first K
failing decks to the fewest switches that still break them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importer.document_diff import SECTIONS, first_difference, scores  # noqa: E402
from tests.importer.random_decks import (  # noqa: E402
    drawn,
    minimal_style,
    read_back,
    style_switches,
)
from webcert_forum.importer.reference import Reference  # noqa: E402

CELLS = ("certificate_counts", "certificate_totals")
_reference: Reference | None = None


def _start_worker() -> None:
    global _reference
    _reference = Reference.from_fixtures()


def fails(minutes, style) -> bool:
    try:
        return first_difference(minutes.expected, read_back(minutes, style, _reference)) is not None
    except Exception:
        return True


def run_deck(seed: int) -> dict:
    minutes, style = drawn(seed)
    switches = {**style_switches(style), **minutes.features}
    try:
        document = read_back(minutes, style, _reference)
    except Exception as error:
        message = "".join(traceback.format_exception_only(error)).strip()
        wanted = {s: (n, 0, 0) for s, (n, _, _) in _empty_scores(minutes).items()}
        return {"seed": seed, "switches": switches, "scores": wanted, "error": message}
    return {
        "seed": seed,
        "switches": switches,
        "scores": scores(minutes.expected, document),
        "first": first_difference(minutes.expected, document),
    }


def _empty_scores(minutes) -> dict:
    nothing = {key: [] for key in minutes.expected} | {"meeting": {"next_meeting": None}}
    return scores(minutes.expected, {**nothing, "warnings": [], "unresolved": []})


def narrow(seed: int) -> dict:
    minutes, style = drawn(seed)
    return minimal_style(minutes, style, fails)


def _switch_label(value) -> str:
    if isinstance(value, tuple) and all(isinstance(v, int | float) for v in value):
        return "x".join(str(int(v)) for v in value)  # a page size
    return repr(value)


def report(results: list[dict], seconds: float) -> None:
    totals = defaultdict(lambda: [0, 0, 0])
    for result in results:
        for section, figures in result["scores"].items():
            for index, figure in enumerate(figures):
                totals[section][index] += figure
    print(f"{len(results)} decks in {seconds:.0f} s")
    wanted = sum(totals[s][0] for s in CELLS)
    read = sum(totals[s][1] for s in CELLS)
    right = sum(totals[s][2] for s in CELLS)
    union = wanted + read - right
    print(f"statistics cells exact: {right}/{union} = {100 * right / max(union, 1):.3f} %")
    print(f"  {'section':20s} {'entries':>8s} {'precision':>10s} {'recall':>8s}")
    for section in SECTIONS:
        wanted, read, right = totals[section]
        precision = 100 * right / read if read else 100.0
        recall = 100 * right / wanted if wanted else 100.0
        print(f"  {section:20s} {wanted:8d} {precision:9.2f}% {recall:7.2f}%")
    failed = [r for r in results if r.get("error") or r.get("first")]
    print(f"decks not read back exactly: {len(failed)} ({100 * len(failed) / len(results):.1f} %)")
    errors = Counter(r["error"].splitlines()[-1] for r in failed if r.get("error"))
    for message, count in errors.most_common(5):
        print(f"  {count:4d} raised {message}")
    by_section = Counter(r["first"].split(":")[0] for r in failed if r.get("first"))
    for section, count in by_section.most_common():
        print(f"  {count:4d} first differ in {section}")
    print("failure rate by switch (decks with that value: failed/all), worst first")
    seen, bad = Counter(), Counter()
    for result in results:
        for name, value in result["switches"].items():
            key = f"{name}={_switch_label(value)}"
            seen[key] += 1
            bad[key] += bool(result.get("error") or result.get("first"))
    for key in sorted(seen, key=lambda k: (-bad[k] / seen[k], k)):
        print(f"  {key:36s} {bad[key]:5d}/{seen[key]:<5d} {100 * bad[key] / seen[key]:5.1f} %")
    for section in SECTIONS:
        seeds = [r["seed"] for r in failed if (r.get("first") or "").startswith(section + ":")]
        if seeds:
            print(f"seeds first differing in {section}: {' '.join(map(str, seeds[:40]))}")
    for result in failed[:5]:
        print(f"  seed {result['seed']}: {result.get('error') or result['first']}"[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--processes", type=int, default=2, choices=(1, 2))
    parser.add_argument("--minimal", type=int, default=0, metavar="K")
    options = parser.parse_args()
    started = time.perf_counter()
    seeds = range(options.seed, options.seed + options.decks)
    with multiprocessing.Pool(options.processes, initializer=_start_worker) as pool:
        results = []
        for result in pool.imap(run_deck, seeds, chunksize=4):
            results.append(result)
            if len(results) % 100 == 0:
                print(f"{len(results)} decks …", file=sys.stderr, flush=True)
        report(results, time.perf_counter() - started)
        failing = [r["seed"] for r in results if r.get("error") or r.get("first")]
        if options.minimal and failing:
            print(f"fewest switches (apart from defaults) still failing, first {options.minimal}:")
            narrowed = failing[: options.minimal]
            for seed, switches in zip(narrowed, pool.map(narrow, narrowed), strict=True):
                print(f"  seed {seed}: {switches}")


if __name__ == "__main__":
    main()

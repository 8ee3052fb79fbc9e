"""Every corrupted variant of the seed deck (a sweep, not a test).

    python bench/robustness.py [--workers 2]

Parses all 362 variants of tests/importer/corrupted.py (the test parses a sample of each
kind) and reports, by kind of damage, how many parsed and which import errors the rest gave.
Exits 1 if any variant raised something other than MinutesImportError or took more than
15 s of CPU time.
"""

from __future__ import annotations

import argparse
import collections
import functools
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.importer.corrupted import outcome, variants  # noqa: E402

SEED = ROOT / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.pdf"
SLOWEST_ALLOWED = 15.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    items = variants(SEED.read_bytes())
    parse = functools.partial(outcome, fixtures=ROOT / "fixtures")
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(parse, items, chunksize=4))
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for result in results:
        by_kind[result.variant.kind][result.result.split(":")[0]] += 1
    for kind, counts in sorted(by_kind.items()):
        print(
            f"{kind:20} {sum(counts.values()):4}  "
            + ", ".join(f"{k} {n}" for k, n in counts.most_common())
        )
    bad = [r for r in results if r.result.startswith("ESCAPED") or r.seconds > SLOWEST_ALLOWED]
    for result in bad:
        print(f"FAIL {result.variant.name}: {result.result} ({result.seconds:.1f} s CPU)")
    slowest = max(results, key=lambda r: r.seconds)
    print(f"{len(results)} variants, slowest {slowest.seconds:.1f} s CPU ({slowest.variant.name})")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

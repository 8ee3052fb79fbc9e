"""Time of the active-content check on a deck followed by a block of `stream` tokens.

    .venv/bin/python bench/pdf_scan.py [--sizes 1 2 4 8 16]

A script, not a test: timings depend on the machine. Linear means the time per MB stays
flat as the block doubles; the scan it replaced took minutes at 1 MB (quadratic).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    from tests.imports.hostile import with_stream_token_block
    from tests.imports.pdfs import attendance_deck
    from webcert_forum.meetings.imports.pdf_safety import active_content

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    sizes = parser.parse_args().sizes
    deck = attendance_deck([("Region Stockholm", "Ja")], title="Webcert användarforum")
    print(f"{'MB':>4} {'seconds':>8} {'s/MB':>6}")
    for mb in sizes:
        data = with_stream_token_block(deck, mb * 1024 * 1024)
        started = time.perf_counter()
        found = active_content(data)
        took = time.perf_counter() - started
        print(f"{mb:>4} {took:>8.2f} {took / mb:>6.2f}  {found or 'nothing found'}")


if __name__ == "__main__":
    main()

"""Corrupted variants of the seed: each either parses or raises MinutesImportError.

Full parses of the 22-page seed cost ~0.7 s, so byte flips are made on seeded 2-4 page
extracts of it (and a few on the whole deck); truncations fail fast. Two processes keep the
run near 30-40 s on two cores.
"""

import datetime as dt
import io
import logging
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor

import pypdfium2 as pdfium

from webcert_forum.importer import MinutesImportError, parse_minutes
from webcert_forum.importer.reference import Reference

from .conftest import ROOT, SEED_PDF

MEETING = dt.date(2022, 6, 1)
SLOWEST_ALLOWED = 15.0  # seconds for one variant: a damaged file must not hang


def extract(data: bytes, pages: list[int]) -> bytes:
    source = pdfium.PdfDocument(data)
    target = pdfium.PdfDocument.new()
    try:
        target.import_pages(source, pages)
        buffer = io.BytesIO()
        target.save(buffer)
        return buffer.getvalue()
    finally:
        target.close()
        source.close()


def flipped(data: bytes, rng: random.Random) -> bytes:
    corrupt = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(corrupt))
        corrupt[position] ^= rng.randint(1, 255)
    return bytes(corrupt)


def variants(seed_bytes: bytes) -> list[tuple[str, bytes]]:
    rng = random.Random(20220601)
    page_count = 22
    found = []
    for _ in range(120):
        cut = rng.randrange(1, len(seed_bytes))
        found.append((f"truncated at {cut}", seed_bytes[:cut]))
    extracts = []
    for _ in range(60):
        pages = sorted(rng.sample(range(page_count), rng.randint(1, 4)))
        extracts.append(extract(seed_bytes, pages))
        found.append((f"pages {pages} kept", extracts[-1]))
    for n in range(150):
        base = extracts[n % len(extracts)]
        found.append((f"extract {n % len(extracts)} flipped", flipped(base, rng)))
    for _ in range(12):
        found.append(("whole seed flipped", flipped(seed_bytes, rng)))
    for n in range(20):
        base = extracts[n]
        found.append(("extract truncated", base[: rng.randrange(1, len(base))]))
    return found


_REFERENCE = None


def outcome(item: tuple[str, bytes]) -> tuple[str, str, float]:
    global _REFERENCE
    if _REFERENCE is None:
        logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
        _REFERENCE = Reference.from_fixtures(ROOT / "fixtures")
    name, data = item
    started = time.monotonic()
    try:
        parse_minutes(data, MEETING, _REFERENCE)
        result = "parsed"
    except MinutesImportError as error:
        result = error.code
    except Exception as error:  # the failure this test exists to find
        result = f"ESCAPED {type(error).__name__}: {error}"
    return name, result, time.monotonic() - started


def test_corrupted_seed_variants_parse_or_raise_import_error():
    items = variants(SEED_PDF.read_bytes())
    assert len(items) >= 300
    workers = max(1, min(2, os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(outcome, items, chunksize=4))
    escaped = [(name, result) for name, result, _ in results if result.startswith("ESCAPED")]
    assert escaped == []
    slow = [(name, seconds) for name, _, seconds in results if seconds > SLOWEST_ALLOWED]
    assert slow == []
    codes = {result for _, result, _ in results}
    assert "damaged" in codes and "parsed" in codes

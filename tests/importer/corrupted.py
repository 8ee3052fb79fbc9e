"""Corrupted variants of the seed deck, by kind of damage, and what parsing one gives.

The test parses a sample of each kind; bench/robustness.py sweeps them all. Full parses of
the 22-page seed cost ~0.7 s, so byte flips are made on seeded 2-4 page extracts of it (and a
few on the whole deck); truncations fail fast.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import random
import time
from typing import NamedTuple

import pypdfium2 as pdfium

from webcert_forum.importer import MinutesImportError, parse_minutes
from webcert_forum.importer.reference import Reference

MEETING = dt.date(2022, 6, 1)
SEED_PAGES = 22


class Variant(NamedTuple):
    kind: str
    name: str
    data: bytes


class Outcome(NamedTuple):
    variant: Variant
    result: str  # "parsed", an import error's code, or "ESCAPED ..." for any other exception
    seconds: float  # CPU time of the parse


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


def variants(seed_bytes: bytes) -> list[Variant]:
    rng = random.Random(20220601)
    found = []
    for _ in range(120):
        cut = rng.randrange(1, len(seed_bytes))
        found.append(Variant("truncated", f"truncated at {cut}", seed_bytes[:cut]))
    extracts = []
    for _ in range(60):
        pages = sorted(rng.sample(range(SEED_PAGES), rng.randint(1, 4)))
        extracts.append(extract(seed_bytes, pages))
        found.append(Variant("pages kept", f"pages {pages} kept", extracts[-1]))
    for n in range(150):
        base = extracts[n % len(extracts)]
        name = f"extract {n % len(extracts)} flipped ({n})"
        found.append(Variant("extract flipped", name, flipped(base, rng)))
    for n in range(12):
        found.append(
            Variant("whole seed flipped", f"whole seed flipped ({n})", flipped(seed_bytes, rng))
        )
    for n in range(20):
        base = extracts[n]
        cut = rng.randrange(1, len(base))
        found.append(Variant("extract truncated", f"extract {n} truncated at {cut}", base[:cut]))
    return found


def sample_by_kind(items: list[Variant], per_kind: int, seed: int) -> list[Variant]:
    """``per_kind`` variants of each kind, the same ones on every run."""
    rng = random.Random(seed)
    kinds = sorted({item.kind for item in items})
    picked = []
    for kind in kinds:
        of_kind = [item for item in items if item.kind == kind]
        picked += rng.sample(of_kind, min(per_kind, len(of_kind)))
    return picked


_REFERENCE: Reference | None = None


def outcome(variant: Variant, fixtures) -> Outcome:
    """Parse one variant; module-level so a process pool can call it."""
    global _REFERENCE
    if _REFERENCE is None:
        logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
        _REFERENCE = Reference.from_fixtures(fixtures)
    # CPU seconds, not wall time: on a shared machine a slow clock is load, not a hang.
    started = time.process_time()
    try:
        parse_minutes(variant.data, MEETING, _REFERENCE)
        result = "parsed"
    except MinutesImportError as error:
        result = error.code
    except Exception as error:  # the failure these variants exist to find
        result = f"ESCAPED {type(error).__name__}: {error}"
    return Outcome(variant, result, time.process_time() - started)

"""Corrupted variants of the seed: each either parses or raises MinutesImportError.

A fixed sample of every kind of damage (tests/importer/corrupted.py); bench/robustness.py
parses all 362 variants.
"""

from .conftest import ROOT, SEED_PDF
from .corrupted import outcome, sample_by_kind, variants

SLOWEST_ALLOWED = 15.0  # CPU seconds for one variant: a damaged file must not hang
PER_KIND = 6


def test_corrupted_seed_variants_parse_or_raise_import_error():
    every = variants(SEED_PDF.read_bytes())
    assert len(every) >= 300
    sample = sample_by_kind(every, PER_KIND, seed=11)
    assert {v.kind for v in sample} == {v.kind for v in every}
    results = [outcome(variant, ROOT / "fixtures") for variant in sample]
    escaped = [(o.variant.name, o.result) for o in results if o.result.startswith("ESCAPED")]
    assert escaped == []
    slow = [(o.variant.name, o.seconds) for o in results if o.seconds > SLOWEST_ALLOWED]
    assert slow == []
    codes = {o.result for o in results}
    assert "damaged" in codes and "parsed" in codes

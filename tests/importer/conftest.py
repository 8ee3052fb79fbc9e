import datetime as dt
import json
from pathlib import Path

import pytest

from webcert_forum.importer.reference import Reference

ROOT = Path(__file__).resolve().parents[2]
SEED_PDF = ROOT / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.pdf"
SEED_EXPECTED = ROOT / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.expected.json"
SEED_MEETING = dt.date(2022, 6, 1)


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference.from_fixtures(ROOT / "fixtures")


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED_PDF.read_bytes()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))

"""The June 2022 seed deck must give exactly the expected document."""

import json

import pytest

from webcert_forum.importer import parse_minutes

from .conftest import SEED_EXPECTED, SEED_MEETING, SEED_PDF

EXPECTED_KEYS = [
    key for key in json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    if key != "reconstruction_notes"
]  # fmt: skip


@pytest.fixture(scope="module")
def document(reference):
    return parse_minutes(SEED_PDF, meeting_date=SEED_MEETING, reference=reference)


@pytest.mark.parametrize("key", EXPECTED_KEYS)
def test_seed_key_matches_expected(document, seed_expected, key):
    expected, actual = seed_expected[key], document[key]
    if isinstance(expected, list) and isinstance(actual, list):
        # Item by item, so a failure names the first entry that differs.
        for index, (got, want) in enumerate(zip(actual, expected, strict=False)):
            assert got == want, f"{key}[{index}]"
        assert len(actual) == len(expected), key
    assert actual == expected


def test_seed_is_json_serialisable(document):
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document


def test_seed_keeps_every_slide(document):
    slides = document["slides"]
    assert [s["number"] for s in slides] == list(range(1, 23))
    assert slides[0]["title"] == "1. Deltagare"
    assert slides[21]["title"] == "11d. Statistik och användning – Webcert Fristående maj"
    assert "Skatteverket: inväntar svar" in slides[5]["text"]


def test_seed_extras(document):
    assert document["incidents"] == [
        {
            "month": "2022-05",
            "count": 2,
            "description": "båda berodde på Windows SITHS e-ID klienten, "
            "ej problem i själva Webcert",
            "slide": 2,
        }
    ]
    timeline = {entry["label"]: entry for entry in document["timeline"]}
    assert list(timeline) == ["Feb 2022", "Juni 2022", "Jan 2023", "Vår 2023", "Juni 2023"]
    assert timeline["Juni 2022"]["when"] == "2022-06"
    assert timeline["Juni 2022"]["text"].startswith(
        "Microsoft slutar att supportera Internet Explorer 11."
    )
    assert "PIN-SSO" not in timeline["Jan 2023"]["text"]
    question = document["questions"][0]
    assert question == {
        "asked_on": "2022-04-04",
        "text": "Behöver man identifiera sig när man ringer till Skatteverket och ska "
        "makulera intyg?",
        "answer": "Skatteverket: inväntar svar",
        "slide": 6,
    }


def test_seed_from_file_object_and_bytes(reference, seed_bytes, document):
    with open(SEED_PDF, "rb") as handle:
        from_file = parse_minutes(handle, SEED_MEETING, reference)
    assert from_file["certificate_counts"] == document["certificate_counts"]
    assert parse_minutes(seed_bytes, SEED_MEETING, reference)["release"] == document["release"]


def test_seed_without_meeting_date_is_refused(reference, seed_bytes):
    from webcert_forum.importer import MinutesImportError

    with pytest.raises(MinutesImportError) as error:
        parse_minutes(seed_bytes, None, reference)
    assert error.value.code == "no_meeting_date"

"""The draft's document and deck from the database, without LibreOffice."""

import datetime as dt

import pytest
from django.apps import apps
from django.utils import timezone

from regions.models import Organisation, ServiceWindow
from signing_rollout.models import ProductionStatus
from webcert_forum.meetings.drafts.deck import build_deck
from webcert_forum.meetings.drafts.services import DraftError, draft_deck

from .conftest import SEED_DATE, SEED_MONTHS, slide_tables
from .documents import fixture_labels, random_document

SECTIONS = ("service_windows", "release", "connection_dates", "signing_tests",
            "signing_production", "certificate_counts", "certificate_totals")  # fmt: skip


def _as_set(entries):
    return sorted(map(repr, entries)) if isinstance(entries, list) else entries


def _row_counts():
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


def _table(pptx, words):
    return [rows for title, rows in slide_tables(pptx) if words in title]


@pytest.mark.django_db
def test_the_seed_meeting_drafted_again_holds_what_its_minutes_said(seed_meeting, seed_document):
    draft = draft_deck(SEED_DATE, SEED_MONTHS)
    for key in SECTIONS:
        assert _as_set(draft.document[key]) == _as_set(seed_document[key]), key
    # Attendance is asked anew: the organisations of the latest list, unanswered.
    assert {e["org"] for e in draft.document["attendance"]} == {
        e["org"] for e in seed_document["attendance"]
    }
    assert {e["present"] for e in draft.document["attendance"]} == {None}


@pytest.mark.django_db
def test_building_a_draft_changes_no_data(seed_meeting):
    before = _row_counts()
    draft_deck(SEED_DATE, SEED_MONTHS)
    draft_deck()
    assert _row_counts() == before


@pytest.mark.django_db
def test_the_next_meeting_is_drafted_by_default_with_windows_from_its_date(seed_meeting):
    draft = draft_deck()
    assert draft.meeting_date == dt.date(2022, 9, 5)
    assert draft.months == ["2022-07", "2022-08"]
    starts = [w["start"] for w in draft.document["service_windows"]]
    assert starts and min(starts) >= "2022-09-05"
    assert draft.document["release"] is None  # 6.11.1 came on 2022-06-14
    assert draft.document["certificate_counts"] == []


@pytest.mark.django_db
def test_windows_are_written_as_the_deck_writes_them(seed_meeting):
    rows = _table(draft_deck(SEED_DATE, SEED_MONTHS).pptx, "Drift regioner")[0]
    assert rows[0] == ["Region", "Datum"]
    assert ["Region Jönköpings län", "3–4 juni + 30 juni"] in rows


@pytest.mark.django_db
def test_a_window_a_region_entered_in_the_app_is_in_the_draft(seed_meeting):
    halland = Organisation.objects.get(key="halland")
    ServiceWindow.objects.create(
        organisation=halland, start_date=dt.date(2022, 10, 1), end_date=dt.date(2022, 10, 1),
        start_time=dt.time(21), end_time=dt.time(23), source="form",
    )  # fmt: skip
    rows = _table(draft_deck(SEED_DATE, SEED_MONTHS).pptx, "Drift regioner")[0]
    assert ["Region Halland", "8 juni + 1 oktober kl. 21.00–23.00"] in rows


@pytest.mark.django_db
def test_a_regions_own_production_report_wins_over_older_minutes(seed_meeting):
    ProductionStatus.objects.create(
        organisation=Organisation.objects.get(key="blekinge"), status="done", source="form",
        reported_at=timezone.now(),
    )  # fmt: skip
    draft = draft_deck(SEED_DATE, SEED_MONTHS)
    blekinge = [e for e in draft.document["signing_production"] if e["org"] == "blekinge"]
    assert blekinge == [{"org": "blekinge", "status": "done", "date": None, "preliminary": False}]
    assert ["Blekinge", "Klart"] in _table(draft.pptx, "produktion")[0]


@pytest.mark.django_db
def test_statistics_tables_have_the_decks_columns_and_spaced_thousands(seed_meeting):
    pptx = draft_deck(SEED_DATE, SEED_MONTHS).pptx
    april = _table(pptx, "utfärdade intyg april")[0]
    assert april[0][0] == "Vårdgivare/\nBolag" and april[0][-1] == "Total-\nsumma"
    assert "FK7804\n(lisjp)" in april[0]
    stockholm = next(row for row in april if row[0] == "Stockholm/Gotland")
    assert stockholm[5] == "37 732" and stockholm[-1] == "40 444"
    assert len(_table(pptx, "Webcert Fristående maj")) == 1


def test_long_tables_continue_with_the_header_repeated():
    document, months = random_document(3, rows=28)
    tables = slide_tables(build_deck(document, months, fixture_labels()))
    continued = [(title, rows) for title, rows in tables if title.endswith("(forts.)")]
    titles = {title for title, _ in continued}
    assert any("Statistik" in t for t in titles) and any("Dödsbevis" in t for t in titles)
    for title, rows in continued:
        first = next(r for t, r in tables if t == title.removesuffix(" (forts.)"))
        assert rows[0] == first[0]


@pytest.mark.django_db
def test_without_an_announced_next_meeting_there_is_no_draft(empty_database):
    with pytest.raises(DraftError):
        draft_deck()

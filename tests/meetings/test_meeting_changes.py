"""The change-since-last-meeting logic: pure comparison, then two saved documents."""

import copy
from collections import Counter

import pytest

from certificate_statistics.changes import statistics_changes
from regions.models import Organisation
from tests.meetings.factories import (
    CONNECTION_ORG,
    DONE_ORG,
    NEW_RELEASE_DATE,
    NEW_WINDOW,
    NOW_PRESENT,
    SEPTEMBER,
    september_document,
)
from webcert_forum.core.changes import compare
from webcert_forum.meetings.changes import changes_since_previous
from webcert_forum.meetings.models import Meeting
from webcert_forum.meetings.services import save_minutes


def test_compare_names_what_is_new_changed_and_gone():
    changes = compare("T", {"a": 1, "b": 2, "c": 3}, {"b": 2, "c": 4, "d": 5})
    assert changes.added == [("d", 5)]
    assert changes.changed == [("c", 3, 4)]
    assert changes.removed == [("a", 1, "inte längre i protokollet")]
    assert changes


def test_compare_of_equal_snapshots_is_empty():
    assert not compare("T", {"a": 1}, {"a": 1})


@pytest.fixture
def two_meetings(reference, seed_document):
    june = copy.deepcopy(seed_document)
    save_minutes(june)
    september, revised, old_count = september_document(seed_document)
    save_minutes(september)
    return Meeting.objects.get(date=SEPTEMBER), revised, old_count


def _section(changes, title_start):
    return next(s for s in changes["sections"] if s.title.startswith(title_start))


def _name(key):
    return Organisation.objects.get(key=key).name


def test_first_meeting_has_nothing_to_compare_with(seed_meeting):
    assert changes_since_previous(seed_meeting) is None


def test_changes_between_june_and_september(two_meetings):
    september, revised, old_count = two_meetings
    changes = changes_since_previous(september)
    assert changes["previous"].date.isoformat() == "2022-06-01"

    production = _section(changes, "Produktionsstatus")
    assert production.changed == [(_name(DONE_ORG), "Ej rapporterat", "Klart")]
    assert not production.added and not production.removed

    release = _section(changes, "Release")
    [(label, old, new)] = release.changed
    assert "6.11.1" in label and "2022-06-14" in old and NEW_RELEASE_DATE in new

    attendance = _section(changes, "Närvaro")
    assert attendance.changed == [(_name(NOW_PRESENT), "frånvarande", "närvarande")]

    connections = _section(changes, "Anslutning")
    assert connections.changed == [(_name(CONNECTION_ORG), "2022-06 (prel.)", "2022-09-20")]

    windows = _section(changes, "Servicefönster")
    assert windows.added == [(_name(NEW_WINDOW["org"]), "2022-10-01 – 2022-10-02")]

    statistics = _section(changes, "Intygsstatistik")
    [(where, old, new)] = statistics.changed
    assert (old, new) == (old_count, revised["count"])
    assert revised["type"] in where and _name(revised["org"]) in where
    assert not statistics.notes  # September repeats June's months: no new cells

    assert not _section(changes, "Samverkanstester")


def test_statistics_cells_first_printed_are_counted_per_month(seed_meeting, seed_document):
    notes = statistics_changes(None, seed_meeting).notes
    per_month = Counter((e["month"], e["channel"]) for e in seed_document["certificate_counts"])
    assert len(notes) == len(per_month)
    (month, channel), n = sorted(per_month.items())[0]
    assert notes[0].startswith(f"{n} nya celler för {month}")


def test_a_meeting_that_repeats_the_previous_one_has_no_changes(reference, seed_document):
    save_minutes(copy.deepcopy(seed_document))
    seed_document["meeting"]["date"] = SEPTEMBER
    save_minutes(seed_document)
    changes = changes_since_previous(Meeting.objects.get(date=SEPTEMBER))
    assert [s.title for s in changes["sections"] if s] == []


def test_a_release_delivered_before_the_next_meeting_is_called_delivered(
    client, plain_user, reference, seed_document
):
    save_minutes(copy.deepcopy(seed_document))
    september, _, _ = september_document(copy.deepcopy(seed_document))
    september["release"] = {**september["release"], "version": "6.12.0", "date": "2022-10-11"}
    save_minutes(september)
    release = _section(changes_since_previous(Meeting.objects.get(date=SEPTEMBER)), "Release")
    [(label, _, what)] = release.removed
    assert "6.11.1" in label and what == "genomförd 2022-06-14"
    client.force_login(plain_user)
    html = client.get(Meeting.objects.get(date=SEPTEMBER).get_absolute_url()).content.decode()
    assert "Genomförd 2022-06-14</span>" in html and "Borta" not in html


def test_signing_tests_name_who_tested_or_the_plan(reference, seed_document):
    june = copy.deepcopy(seed_document)
    save_minutes(june)
    seed_document["meeting"]["date"] = SEPTEMBER
    tests = {t["vendor_group"]: t for t in seed_document["signing_tests"]}
    tests["cerner"].update(tested_by="varmland", plan=None)
    tests["cgm-j4"].update(plan="hösten 2022")
    save_minutes(seed_document)
    changes = changes_since_previous(Meeting.objects.get(date=SEPTEMBER))
    section = _section(changes, "Samverkanstester")
    changed = {group: (old, new) for group, old, new in section.changed}
    assert changed == {
        "Cerner": ("–", f"testat av {_name('varmland')}"),
        "CGM J4": ("–", "hösten 2022"),
    }

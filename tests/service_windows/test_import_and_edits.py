"""Imported windows and region edits together: an import never overwrites, duplicates or
brings back what a region changed, and says so in its summary."""

import datetime as dt

import pytest
from django.urls import reverse

from regions.models import ServiceWindow
from webcert_forum.meetings.services import preview_minutes, save_minutes

from .conftest import form_data

pytestmark = pytest.mark.django_db

SEED_WINDOWS = 11


def jonkoping_june(seed_meeting):
    return ServiceWindow.objects.get(organisation__key="jonkoping", start_date=dt.date(2022, 6, 3))


def test_seed_windows_are_imported_as_minutes(seed_meeting):
    windows = ServiceWindow.objects.all()
    assert windows.count() == SEED_WINDOWS
    assert {w.get_source_display() for w in windows} == {"protokoll"}
    assert all(w.imported_from == seed_meeting for w in windows)


def test_reimport_of_the_same_deck_changes_nothing(seed_meeting, seed_document):
    summary = save_minutes(seed_document, None)
    assert ServiceWindow.objects.count() == SEED_WINDOWS
    counts = summary.counts["regions.ServiceWindow"]
    assert counts["created"] == 0 and counts["updated"] == 0
    assert summary.conflicts == []


def test_window_edited_in_form_is_not_overwritten_nor_duplicated(
    client, staff_user, seed_meeting, seed_document
):
    window = jonkoping_june(seed_meeting)
    client.force_login(staff_user)
    # A past window: staff confirm the warning.
    data = form_data("jonkoping", dt.date(2022, 6, 3), dt.date(2022, 6, 5), confirm="on")
    response = client.post(reverse("service_windows:edit", args=[window.pk]), data)
    assert response.status_code == 302

    summary = save_minutes(seed_document, None)

    window.refresh_from_db()
    assert window.end_date == dt.date(2022, 6, 5)
    assert window.note == "Journalsystemet uppgraderas"
    assert ServiceWindow.objects.count() == SEED_WINDOWS
    assert ServiceWindow.objects.filter(organisation__key="jonkoping").count() == 2
    (conflict,) = summary.as_dict()["conflicts"]
    assert conflict["model"] == "regions.ServiceWindow"
    assert "Region Jönköpings län" in conflict["description"]
    assert "2022-06-05" in conflict["description"]
    assert "skrivs inte över" in conflict["description"]


def test_preview_lists_the_conflict_and_changes_nothing(
    client, staff_user, seed_meeting, seed_document
):
    window = jonkoping_june(seed_meeting)
    client.force_login(staff_user)
    data = form_data("jonkoping", dt.date(2022, 6, 3), dt.date(2022, 6, 4), confirm="on")
    data["note"] = "Cosmic"
    client.post(reverse("service_windows:edit", args=[window.pk]), data)
    summary = preview_minutes(seed_document, None)
    assert len(summary.conflicts) == 1
    window.refresh_from_db()
    assert window.note == "Cosmic"


def test_window_deleted_in_app_is_not_brought_back(client, staff_user, seed_meeting, seed_document):
    window = jonkoping_june(seed_meeting)
    # Staff: the June 2022 window is past, and editors may not delete past windows.
    client.force_login(staff_user)
    client.post(reverse("service_windows:delete", args=[window.pk]))
    summary = save_minutes(seed_document, None)
    assert not ServiceWindow.objects.filter(
        organisation__key="jonkoping", start_date=dt.date(2022, 6, 3)
    ).exists()
    assert ServiceWindow.objects.count() == SEED_WINDOWS - 1
    assert any("borttaget i appen" in c["description"] for c in summary.conflicts)


def test_a_window_nobody_edited_follows_a_corrected_deck(seed_meeting, seed_document):
    for entry in seed_document["service_windows"]:
        if entry["org"] == "halland":
            entry["start_time"], entry["note"] = "06:00", "Millennium"
    summary = save_minutes(seed_document, None)
    window = ServiceWindow.objects.get(organisation__key="halland")
    assert (window.start_time, window.note) == (dt.time(6), "Millennium")
    assert summary.counts["regions.ServiceWindow"]["updated"] == 1
    assert summary.conflicts == []


def test_form_window_with_the_same_dates_is_not_duplicated_by_an_import(
    client, editor_user, reference, seed_document
):
    from regions.models import Organisation
    from regions.services import create_service_window

    create_service_window(
        {
            "organisation": Organisation.objects.get(key="jonkoping"),
            "start_date": dt.date(2022, 6, 30),
            "end_date": dt.date(2022, 6, 30),
            "start_time": None,
            "end_time": None,
            "note": "Anmält i appen",
        },
        editor_user,
    )
    save_minutes(seed_document, None)
    june_30 = ServiceWindow.objects.filter(
        organisation__key="jonkoping", start_date=dt.date(2022, 6, 30)
    )
    assert june_30.count() == 1
    assert june_30.get().source == ServiceWindow.Source.FORM

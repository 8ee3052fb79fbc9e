import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from certificate_statistics.models import CertificateCount, CertificateTotal, CertificateType
from regions.models import ConnectionDate, Organisation, OrganisationAlias, ServiceWindow
from releases.models import Release, ReleaseAnnouncement
from signing_rollout.models import ProductionStatus, SigningTest, VendorGroup
from webcert_forum.meetings.models import Attendance, Meeting
from webcert_forum.meetings.services import DocumentRejected, load_reference, save_minutes

pytestmark = pytest.mark.django_db


def test_load_reference_creates_every_listed_row_and_is_idempotent(empty_database):
    first = load_reference()
    assert first["organisations"] == (29, 0)
    assert Organisation.objects.count() == 29
    assert VendorGroup.objects.count() == 8
    assert CertificateType.objects.count() == 10
    assert load_reference() == {
        "organisations": (0, 0),
        "vendor_groups": (0, 0),
        "certificate_types": (0, 0),
        "vendor_group_members": (0, 0),
    }
    group = Organisation.objects.get(key="stockholm-gotland")
    assert set(group.members.values_list("key", flat=True)) == {"stockholm", "gotland"}
    assert OrganisationAlias.objects.get(alias="VGR").organisation.key == "vastra-gotaland"


def test_load_reference_updates_a_changed_row(tmp_path):
    load_reference()
    from webcert_forum.meetings.services import FIXTURES_DIR

    for name in ("organisations.csv", "vendor_groups.csv", "certificate_types.csv"):
        text = (FIXTURES_DIR / name).read_text(encoding="utf-8")
        if name == "organisations.csv":
            text = text.replace("Region Blekinge,region,10", "Region Blekinge län,region,10")
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = load_reference(tmp_path)
    assert result["organisations"] == (0, 1)
    assert Organisation.objects.get(key="blekinge").name == "Region Blekinge län"


def test_save_minutes_stores_every_entry_of_the_seed_document(reference, seed_document):
    summary = save_minutes(seed_document, None)
    assert Meeting.objects.get().next_meeting.date() == dt.date(2022, 9, 5)
    assert Attendance.objects.count() == len(seed_document["attendance"])
    assert Attendance.objects.filter(present=False).get().organisation.key == "capio-st-goran"
    assert ServiceWindow.objects.count() == len(seed_document["service_windows"])
    assert ConnectionDate.objects.count() == sum(
        len(e["dates"]) for e in seed_document["connection_dates"]
    )
    assert SigningTest.objects.count() == len(seed_document["signing_tests"])
    assert ProductionStatus.objects.count() == len(seed_document["signing_production"])
    assert CertificateCount.objects.count() == len(seed_document["certificate_counts"])
    assert CertificateTotal.objects.count() == len(seed_document["certificate_totals"])
    assert Release.objects.get().date == dt.date(2022, 6, 14)
    assert ReleaseAnnouncement.objects.count() == 1
    assert summary.total("updated") == 0
    assert summary.total("created") > 600
    skane_may = CertificateCount.objects.get(
        month=dt.date(2022, 5, 1),
        channel="all",
        organisation__key="skane",
        certificate_type__code="FK7804",
    )
    assert skane_may.count == 19949


def test_saving_the_same_document_twice_changes_nothing(reference, seed_document):
    save_minutes(seed_document, None)
    again = save_minutes(seed_document, None)
    assert again.total("created") == 0
    assert again.total("updated") == 0
    assert again.total("deleted") == 0
    assert again.line.startswith("created: 0, updated: 0")


def test_a_revised_statistics_cell_is_updated_and_reported(reference, seed_document):
    save_minutes(seed_document, None)
    for cell in seed_document["certificate_counts"]:
        if (cell["month"], cell["org"], cell["type"], cell["channel"]) == (
            "2022-05",
            "skane",
            "FK7804",
            "all",
        ):
            cell["count"] = 20000
    summary = save_minutes(seed_document, None)
    assert summary.total("updated") == 1
    (change,) = [c for c in summary.changes if c.outcome == "updated"]
    assert (change.old, change.new) == (19949, 20000)


def test_unresolved_labels_are_refused_and_nothing_is_written(reference, seed_document):
    seed_document["unresolved"] = [{"label": "Region Atlantis", "kind": "organisation"}]
    with pytest.raises(DocumentRejected, match="Region Atlantis"):
        save_minutes(seed_document, None)
    assert Meeting.objects.count() == 0


def test_a_failing_part_rolls_back_the_whole_document(reference, seed_document):
    seed_document["certificate_counts"][5]["count"] = -3
    with pytest.raises(IntegrityError):
        save_minutes(seed_document, None)
    assert Meeting.objects.count() == 0
    assert CertificateCount.objects.count() == 0


def test_database_refuses_a_window_that_ends_before_it_starts(reference):
    org = Organisation.objects.get(key="halland")
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceWindow.objects.create(
            organisation=org, start_date=dt.date(2022, 6, 8), end_date=dt.date(2022, 6, 7)
        )


def test_database_refuses_two_counts_for_one_cell(seed_meeting):
    cell = CertificateCount.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateCount.objects.create(
            month=cell.month,
            channel=cell.channel,
            organisation=cell.organisation,
            certificate_type=cell.certificate_type,
            count=1,
        )


def test_database_refuses_a_planned_status_without_date(seed_meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProductionStatus.objects.create(
            organisation=Organisation.objects.get(key="skane"),
            status="planned",
            source="form",
        )

"""Roll-out page, the current-status definition, and the regions' own reports."""

import copy
import datetime as dt

import pytest
from django.urls import reverse

from regions.models import Organisation
from signing_rollout.models import ProductionStatus, VendorGroup, VendorGroupMembership
from signing_rollout.queries import current_status_of, current_statuses
from signing_rollout.services import report_production_status
from tests.meetings.factories import SEPTEMBER, september_document
from webcert_forum.meetings.models import Meeting
from webcert_forum.meetings.services import preview_minutes, save_minutes

pytestmark = pytest.mark.django_db

ROLES = ["staff_user", "editor_user", "plain_user", "admin_user"]


def _report_url(key):
    return reverse("signing:report", args=[key])


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_shows_groups_statuses_and_charts(
    request, client, seed_meeting, seed_document, role, django_assert_max_num_queries
):
    cosmic = VendorGroup.objects.get(key="cosmic")
    cosmic.members.add(Organisation.objects.get(key="jonkoping"))
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("signing:dashboard"))
    html = response.content.decode()
    assert "Klart, testat av Region Värmland" in html
    assert "plan aug/sept" in html
    assert 'href="/regions/jonkoping/"' in html
    done = sum(1 for e in seed_document["signing_production"] if e["status"] == "done")
    assert response.context["counts"]["done"] == done
    assert 'id="fig-signing-progress"' in html and 'id="fig-signing-meetings"' in html
    assert ("Rapportera produktionsdatum för Region Jönköpings län" in html) == (
        role == "editor_user"
    )


def test_dashboard_filters_by_status_and_vendor_group(client, plain_user, seed_meeting):
    VendorGroup.objects.get(key="cosmic").members.add(Organisation.objects.get(key="varmland"))
    client.force_login(plain_user)
    done = client.get(reverse("signing:dashboard"), {"status": "done"}).context["table"]
    assert done.rows and {r.record.status for r in done.rows} == {"done"}
    cosmic = VendorGroup.objects.get(key="cosmic").pk
    rows = client.get(reverse("signing:dashboard"), {"vendor_group": cosmic}).context["table"].rows
    assert [r.record.organisation.key for r in rows] == ["varmland"]
    invalid = client.get(reverse("signing:dashboard"), {"status": "nonsense"})
    assert "Välj ett giltigt alternativ." in invalid.content.decode()


def test_dashboard_filters_by_no_vendor_group_and_by_unknown(client, plain_user, seed_meeting):
    VendorGroupMembership.objects.create(
        organisation=Organisation.objects.get(key="jonkoping"), vendor_group=None
    )
    client.force_login(plain_user)

    def keys(**params):
        rows = client.get(reverse("signing:dashboard"), params).context["table"].rows
        return {r.record.organisation.key for r in rows}

    everyone = keys()
    assert keys(vendor_group="ingen") == {"jonkoping"}
    # Unknown: everyone whom nobody placed, not even the minutes' guesses (Värmland in Cosmic).
    placed = set(VendorGroupMembership.objects.values_list("organisation__key", flat=True))
    assert {"jonkoping", "varmland"} <= placed
    assert keys(vendor_group="okand") == everyone - placed != set()


def test_export_neutralises_formulas(client, plain_user, seed_meeting):
    org = Organisation.objects.create(key="evil", name="=HYPERLINK(1)", kind="region")
    ProductionStatus.objects.create(organisation=org, status="done", source="form")
    client.force_login(plain_user)
    csv = client.get(reverse("signing:dashboard"), {"_export": "csv"}).content.decode()
    assert "'=HYPERLINK(1)" in csv
    assert "\n=HYPERLINK" not in csv and ";=HYPERLINK" not in csv


def test_editor_reports_their_own_production_date(client, editor_user, seed_meeting):
    client.force_login(editor_user)
    response = client.post(
        _report_url("jonkoping"),
        {"status": "planned", "date": "2022-10-03", "preliminary": "on", "organisation": "1"},
    )
    assert response.status_code == 302
    status = ProductionStatus.objects.get(source="form")
    assert (status.organisation.key, status.meeting, status.reported_by) == (
        "jonkoping",
        None,
        editor_user,
    )
    assert (status.status, status.date, status.preliminary) == (
        "planned",
        dt.date(2022, 10, 3),
        True,
    )
    assert current_status_of(status.organisation) == status
    html = client.get(reverse("regions:detail", args=["jonkoping"])).content.decode()
    assert "Planerat 2022-10-03 (prel.)" in html and "källa: formulär" in html


def test_editor_cannot_report_for_another_organisation(client, editor_user, seed_meeting):
    client.force_login(editor_user)
    assert client.get(_report_url("halland")).status_code == 403
    response = client.post(_report_url("halland"), {"status": "done", "date": "2022-09-01"})
    assert response.status_code == 403
    assert not ProductionStatus.objects.filter(source="form").exists()


def test_plain_user_cannot_report_and_staff_can_for_anyone(
    client, plain_user, staff_user, seed_meeting
):
    client.force_login(plain_user)
    assert client.post(_report_url("halland"), {"status": "done"}).status_code == 403
    client.force_login(staff_user)
    response = client.post(_report_url("halland"), {"status": "done", "date": "2022-09-01"})
    assert response.status_code == 302
    assert ProductionStatus.objects.get(source="form").organisation.key == "halland"


def test_planned_without_date_is_refused_in_swedish_keeping_the_input(
    client, editor_user, seed_meeting
):
    client.force_login(editor_user)
    response = client.post(_report_url("jonkoping"), {"status": "planned", "preliminary": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ange det planerade datumet." in html
    assert 'value="planned" required id="id_status_0" checked' in html
    assert 'name="preliminary" id="id_preliminary" checked' in html
    assert not ProductionStatus.objects.filter(source="form").exists()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("", "Ange datumet då ni gick i produktion."),
        ("2999-01-01", "Ett datum i framtiden kan inte vara klart."),
    ],
)
def test_done_needs_a_date_that_has_been(client, editor_user, seed_meeting, date, message):
    client.force_login(editor_user)
    response = client.post(_report_url("jonkoping"), {"status": "done", "date": date})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProductionStatus.objects.filter(source="form").exists()


def _jonkoping():
    return Organisation.objects.get(key="jonkoping")


def test_a_report_made_after_the_meeting_outranks_its_minutes(seed_meeting, editor_user):
    report = report_production_status(_jonkoping(), editor_user, status="done", date=None)
    assert current_status_of(_jonkoping()) == report
    assert current_statuses().filter(organisation__key="jonkoping").get() == report
    # One current status per organisation that has any.
    assert (
        current_statuses().count()
        == ProductionStatus.objects.values("organisation").distinct().count()
    )


def test_a_later_meeting_outranks_an_older_report(seed_meeting, seed_document, editor_user):
    report = report_production_status(
        _jonkoping(), editor_user, status="planned", date=dt.date(2022, 8, 1)
    )
    ProductionStatus.objects.filter(pk=report.pk).update(
        reported_at=dt.datetime(2022, 7, 1, 12, tzinfo=dt.UTC)
    )
    document, _, _ = september_document(seed_document)
    save_minutes(document)
    current = current_status_of(_jonkoping())
    assert current.meeting == Meeting.objects.get(date=SEPTEMBER)


def test_import_keeps_a_report_and_lists_the_difference(seed_meeting, seed_document, editor_user):
    report = report_production_status(
        _jonkoping(), editor_user, status="planned", date=dt.date(2022, 10, 3)
    )
    document, _, _ = september_document(copy.deepcopy(seed_document))
    preview = preview_minutes(copy.deepcopy(document))
    [conflict] = [c for c in preview.conflicts if "Jönköping" in c["description"]]
    assert "Planerat 2022-10-03" in conflict["description"]
    assert "Appens uppgift gäller" in conflict["description"]
    save_minutes(document)
    report.refresh_from_db()
    assert (report.status, report.date, report.source) == ("planned", dt.date(2022, 10, 3), "form")
    # The report is from today, after the September meeting: it stays the current status.
    assert current_status_of(_jonkoping()) == report


def test_statuses_with_equal_counts_both_stay_visible():
    from signing_rollout.charts import status_over_meetings_figure

    june, september = dt.date(2022, 6, 1), dt.date(2022, 9, 5)
    rows = [(d, s, 4) for d in (june, september) for s in ("done", "planned")]
    figure = status_over_meetings_figure(rows)
    assert figure["layout"]["barmode"] == "group"  # side by side, never on top of each other
    done, planned = (t for t in figure["data"] if t["name"] in ("Klart", "Planerat"))
    assert done["y"] == planned["y"] == [4, 4]
    assert done["text"] == planned["text"] == ["4", "4"]
    assert done["marker"]["color"] != planned["marker"]["color"]


def test_vendor_groups_start_from_the_minutes_and_say_unknown_otherwise(
    client, plain_user, reference, seed_document
):
    cerner = VendorGroup.objects.get(key="cerner")
    staff_set = Organisation.objects.get(key="halland")
    cerner.members.add(staff_set)  # as staff set it in the admin
    document = copy.deepcopy(seed_document)
    for test in document["signing_tests"]:
        if test["vendor_group"] == "sussa":
            test["tested_by"] = "halland"
    save_minutes(document)
    cosmic = VendorGroup.objects.get(key="cosmic")
    assert list(cosmic.members.values_list("key", flat=True)) == ["varmland"]  # "Cosmic – Värmland"
    assert list(staff_set.vendor_groups.values_list("key", flat=True)) == ["cerner"]  # kept
    client.force_login(plain_user)
    html = client.get(reverse("signing:dashboard")).content.decode()
    assert "Inga organisationer kopplade" not in html
    assert "Region Värmland</a> (enligt protokollet 2022-06-01)" in html and ">okända<" in html
    page = client.get(reverse("regions:detail", args=["gavleborg"])).content.decode()
    assert "Leverantörsgrupp: okänd." in page

"""The regions list (one query for every organisation's facts) and the organisation page."""

import copy
import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import number_format

from regions.models import ConnectionDate, Organisation
from signing_rollout.models import VendorGroup
from signing_rollout.services import report_production_status
from tests.meetings.factories import SEPTEMBER, september_document
from webcert_forum.meetings.models import Attendance, Meeting, Question
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

ROLES = ["staff_user", "editor_user", "plain_user", "admin_user"]


def _latest_month_total(document, org):
    months = [e["month"] for e in document["certificate_counts"] if e["channel"] == "all"]
    latest = max(months)
    return sum(
        e["count"]
        for e in document["certificate_counts"]
        if e["channel"] == "all" and e["month"] == latest and e["org"] == org
    )


def _row(response, key):
    return next(r for r in response.context["table"].rows if r.record.key == key)


@pytest.mark.parametrize("role", ROLES)
def test_regions_list_brings_every_fact_together(
    request, client, seed_meeting, seed_document, role, django_assert_max_num_queries
):
    VendorGroup.objects.get(key="cosmic").members.add(Organisation.objects.get(key="jonkoping"))
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("regions:list"))
    row = _row(response, "jonkoping")
    present = next(a["present"] for a in seed_document["attendance"] if a["org"] == "jonkoping")
    assert row.get_cell("vendor_group") == "Cosmic"
    assert row.get_cell("latest_present") == f"{'Ja' if present else 'Nej'} (2022-06-01)"
    assert row.get_cell("connection_date") == "2021-12-07"
    assert row.get_cell("signing_status") == "Ej rapporterat"
    total = _latest_month_total(seed_document, "jonkoping")
    assert row.get_cell("certificates") == number_format(total, force_grouping=True)
    assert _row(response, "halland").get_cell("connection_date") == "2022-06 (prel.)"
    html = response.content.decode()
    assert 'id="fig-connections"' in html


def test_regions_list_query_count_does_not_grow_with_organisations(
    client, plain_user, seed_meeting
):
    client.force_login(plain_user)
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("regions:list"))
    for n in range(30):
        Organisation.objects.create(key=f"extra-{n}", name=f"Extra {n}", kind="agent")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("regions:list"))
    assert len(after) == len(before)


# The facts of a source that a user may sort the list by, each as the record holds it.
SORTED_FACTS = {
    "latest_present": lambda record: record.latest_attendance and record.latest_attendance.present,
    "connection_date": lambda record: record.latest_connection and record.latest_connection.date,
    "signing_status": lambda record: record.current_signing and record.current_signing.status,
}


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", SORTED_FACTS)
def test_regions_list_sorts_by_a_fact_with_no_more_queries(
    client, editor_user, seed_meeting, column, descending
):
    # A form report and a new organisation without any facts, so that each column holds
    # different values and an empty one.
    report_production_status(Organisation.objects.get(key="jonkoping"), editor_user, status="done")
    Organisation.objects.create(key="utan-uppgifter", name="Utan uppgifter", kind="agent")
    client.force_login(editor_user)
    with CaptureQueriesContext(connection) as unsorted:
        client.get(reverse("regions:list"))
    sort = f"-{column}" if descending else column
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("regions:list"), {"sort": sort})
    assert len(captured) == len(unsorted)
    facts = [SORTED_FACTS[column](row.record) for row in response.context["table"].rows]
    known = [fact for fact in facts if fact is not None]
    assert len(set(known)) > 1 and None in facts
    assert known == sorted(known, reverse=descending)
    # The empty ones together at one end (which end is the database's rule).
    empty = [None] * facts.count(None)
    assert facts in (empty + known, known + empty)


def test_regions_list_shows_a_form_report_as_such(client, editor_user, seed_meeting):
    org = Organisation.objects.get(key="jonkoping")
    report_production_status(org, editor_user, status="done")
    client.force_login(editor_user)
    row = _row(client.get(reverse("regions:list")), "jonkoping")
    assert row.get_cell("signing_status") == "Klart – rapporterat i appen"


def test_cumulative_connection_chart_counts_organisations(
    client, plain_user, seed_meeting, seed_document
):
    client.force_login(plain_user)
    html = client.get(reverse("regions:list")).content.decode()
    figure = json.loads(
        html.split('id="fig-connections" type="application/json">')[1].split("</script>")[0]
    )
    connected = {e["org"] for e in seed_document["connection_dates"] if e["dates"]}
    assert figure["data"][0]["y"] == list(range(1, len(connected) + 1))
    assert figure["layout"]["yaxis"]["title"]["text"] == "Antal anslutna organisationer"


def test_connection_table_follows_the_latest_meeting(client, plain_user, reference, seed_document):
    save_minutes(copy.deepcopy(seed_document))
    september, _, _ = september_document(seed_document)
    save_minutes(september)
    client.force_login(plain_user)
    response = client.get(reverse("regions:list"))
    assert _row(response, "halland").get_cell("connection_date") == "2022-09-20"
    halland = next(e for e in response.context["connections"] if e["organisation"].key == "halland")
    assert halland["meeting"].date.isoformat() == SEPTEMBER


def test_regions_list_filters_by_kind(client, plain_user, seed_meeting):
    client.force_login(plain_user)
    rows = client.get(reverse("regions:list"), {"kind": "region"}).context["table"].rows
    assert rows and {r.record.kind for r in rows} == {"region"}


@pytest.mark.parametrize("role", ROLES)
def test_organisation_page_brings_everything_together(
    request, client, reference, seed_document, role, django_assert_max_num_queries
):
    save_minutes(copy.deepcopy(seed_document))
    september, _, _ = september_document(seed_document)
    save_minutes(september)
    cosmic = VendorGroup.objects.get(key="cosmic")
    cosmic.members.add(Organisation.objects.get(key="halland"))
    Question.objects.create(
        meeting=Meeting.objects.get(date=SEPTEMBER),
        text="Hur gör vi med sekretess?",
        asked_by=Organisation.objects.get(key="halland"),
    )
    # The statistics section reads five times (its trend marks the meetings), the menu once
    # (whose Min region it links to), the tables of meetings count their rows and read one
    # page each; no read grows with the history.
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("regions:detail", args=["halland"]))
    html = response.content.decode()
    assert "Ej rapporterat" in html and "källa: protokoll, mötet 2022-09-05" in html
    assert (
        "Leverantörsgrupp Cosmic (angiven av Inera): samverkanstest klart, utfört av Region Värmland"
        in html
    )
    assert "2022-06 (prel.)" in html and "2022-09-20" in html  # both meetings' word
    assert html.count('href="/meetings/2022-09-05/"') >= 2
    assert "2022-10-01" in html  # the window added in September
    assert "Rapportera produktionsdatum" in html
    assert "Hur gör vi med sekretess? – öppen" in html
    assert "Kommande servicefönster" in html or "servicefönster" in html.lower()
    assert response.context["statistics_section"]["has_data"]
    assert "Utfärdade intyg" in html or "intyg" in html


def test_regions_export_has_every_filtered_row_with_numbers(
    client, plain_user, seed_meeting, seed_document
):
    from tests.exports import read_xlsx

    client.force_login(plain_user)
    response = client.get(reverse("regions:list"), {"kind": "region", "_export": "xlsx"})
    filters, rows = read_xlsx(response)
    assert filters["Filter: Typ"] == "Region"
    header, body = rows[0], rows[1:]
    assert len(body) == Organisation.objects.filter(kind="region").count()
    jonkoping = next(r for r in body if r[0] == "Region Jönköpings län")
    assert jonkoping[header.index("Intyg senaste månaden")] == _latest_month_total(
        seed_document, "jonkoping"
    )


def test_organisation_page_lists_its_members_and_its_groups_by_name(client, plain_user, reference):
    stockholm = Organisation.objects.get(key="stockholm")
    group = Organisation.objects.get(key="stockholm-gotland")
    other = Organisation.objects.create(key="a-grupp", name="Alfa-gruppen", kind="group")
    other.members.add(stockholm, Organisation.objects.get(key="halland"))
    client.force_login(plain_user)

    def facts(key, label):
        html = client.get(reverse("regions:detail", args=[key])).content.decode()
        return html.split(f"<dt>{label}</dt><dd>")[1].split("</dd>")[0]

    assert facts("stockholm", "Ingår i") == (
        f'<a href="/regions/a-grupp/">Alfa-gruppen</a>, '
        f'<a href="/regions/stockholm-gotland/">{group.name}</a>'
    )
    assert [m.key for m in group.members.all()] == ["gotland", "stockholm"]
    assert facts("stockholm-gotland", "Medlemmar") == (
        '<a href="/regions/gotland/">Region Gotland</a>, '
        '<a href="/regions/stockholm/">Region Stockholm</a>'
    )
    assert facts("a-grupp", "Medlemmar").index("Halland") < facts("a-grupp", "Medlemmar").index(
        "Stockholm"
    )
    assert (
        "<dt>Ingår i</dt>"
        not in client.get(reverse("regions:detail", args=["a-grupp"])).content.decode()
    )


def _meetings_in(html, heading_id):
    """The meeting dates the section under that heading links to, in order."""
    section = html[html.index(f'id="{heading_id}"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'href="/meetings/(\d{4}-\d\d-\d\d)/"', section)


def test_organisation_page_pages_its_tables_of_meetings_each_on_its_own(
    client, plain_user, reference
):
    halland = Organisation.objects.get(key="halland")
    days = [dt.date(2020, 1, 8) + dt.timedelta(weeks=5 * n) for n in range(25)]
    for day in days:
        meeting = Meeting.objects.create(date=day)
        Attendance.objects.create(meeting=meeting, organisation=halland, present=True)
        ConnectionDate.objects.create(meeting=meeting, organisation=halland, date=day)
    newest_first = [f"{d:%Y-%m-%d}" for d in reversed(days)]
    client.force_login(plain_user)
    url = reverse("regions:detail", args=["halland"])

    html = client.get(url).content.decode()
    assert _meetings_in(html, "attendance-heading") == newest_first[:20]
    assert _meetings_in(html, "connection-heading") == newest_first[:20]
    assert 'href="?attendance-page=2#attendance-heading">Nästa</a>' in html
    assert 'href="?connection-page=2#connection-heading">Nästa</a>' in html

    # Both tables start at the newest meeting. A user on the attendance's page 2 sees its
    # oldest meetings, the connection dates still on their first page.
    html = client.get(url, {"attendance-page": 2}).content.decode()
    assert _meetings_in(html, "attendance-heading") == newest_first[20:]
    assert "<span>Sida 2 av 2</span>" in html
    assert _meetings_in(html, "connection-heading") == newest_first[:20]
    assert 'href="?attendance-page=2&amp;connection-page=2#connection-heading"' in html

    # Each table's links keep the other's page.
    html = client.get(url, {"attendance-page": 2, "connection-page": 2}).content.decode()
    assert _meetings_in(html, "attendance-heading") == newest_first[20:]
    assert _meetings_in(html, "connection-heading") == newest_first[20:]
    assert 'href="?attendance-page=1&amp;connection-page=2#attendance-heading"' in html
    assert 'href="?attendance-page=2&amp;connection-page=1#connection-heading"' in html

    # A page past the last shows the last, as the lists do.
    html = client.get(url, {"attendance-page": 9}).content.decode()
    assert _meetings_in(html, "attendance-heading") == newest_first[20:]

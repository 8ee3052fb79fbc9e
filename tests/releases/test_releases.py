"""Release list with timeline and incidents; a release page with its moved date."""

import copy
import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from releases.models import Incident, Release, TimelineEntry
from tests.meetings.factories import NEW_RELEASE_DATE, SEPTEMBER, september_document
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

ROLES = ["staff_user", "editor_user", "plain_user", "admin_user"]

TIMELINE = [
    {"when": "2022-06", "label": "Juni 2022", "text": "Microsoft slutar supportera IE11"},
    {"when": "2022-12", "label": "December 2022", "text": "Nya Webcertklienten i REACT"},
    {"when": "2023-03", "label": "Mars 2023", "text": "Net iD Enterprise slutar supporteras"},
]


@pytest.fixture
def moved_release(reference, seed_document):
    june = copy.deepcopy(seed_document)
    june["timeline"] = TIMELINE
    june["incidents"] = [{"month": "2022-05", "count": 2, "description": "Certifikat gick ut"}]
    save_minutes(june)
    september, _, _ = september_document(seed_document)
    save_minutes(september)
    return Release.objects.get(version=seed_document["release"]["version"])


@pytest.mark.parametrize("role", ROLES)
def test_release_list_with_timeline_marking_today_and_incidents(
    request, client, moved_release, role, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("releases:list"))
    html = response.content.decode()
    assert "2022-1 SP1" in html and NEW_RELEASE_DATE in html
    figure = json.loads(
        html.split('id="fig-timeline" type="application/json">')[1].split("</script>")[0]
    )
    assert figure["data"][0]["x"] == ["2022-06-01", "2022-12-01", "2023-03-01"]
    # Today is named, as a line when near the items, else as a note at the edge.
    assert timezone.localdate().isoformat() in figure["layout"]["annotations"][0]["text"]
    assert "Microsoft slutar supportera IE11" in html  # the text alternative
    assert "Certifikat gick ut" in html
    assert Incident.objects.count() == 1 and TimelineEntry.objects.count() == 3


def test_release_list_without_data_says_so(client, plain_user):
    client.force_login(plain_user)
    html = client.get(reverse("releases:list")).content.decode()
    assert "Inga releaser är inlästa." in html
    assert "Inga aviserade förändringar är inlästa." in html
    assert "Inga produktionsincidenter är inlästa." in html


def test_release_list_filters_by_year(client, plain_user, moved_release):
    Release.objects.create(version="7.0", date=dt.date(2023, 2, 1))
    client.force_login(plain_user)
    rows = client.get(reverse("releases:list"), {"year": 2023}).context["table"].rows
    assert [r.record.version for r in rows] == ["7.0"]


@pytest.mark.parametrize("role", ROLES)
def test_release_page_shows_meetings_and_that_the_date_moved(
    request, client, moved_release, role, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(12):
        html = client.get(moved_release.get_absolute_url()).content.decode()
    assert "(datumet har flyttats)" in html
    assert f"{NEW_RELEASE_DATE} <strong>flyttat från 2022-06-14</strong>" in html
    assert f'href="/meetings/{SEPTEMBER}/"' in html and 'href="/meetings/2022-06-01/"' in html
    assert "2022-06-14 → 2022-06-21 (import)" in html


def test_release_date_history_is_recorded(moved_release):
    dates = list(moved_release.history.order_by("history_date").values_list("date", flat=True))
    assert dates == [dt.date(2022, 6, 14), dt.date(2022, 6, 21)]


def test_an_older_deck_imported_later_does_not_move_the_release_back(
    client, plain_user, moved_release, seed_document
):
    save_minutes(seed_document)  # June again, after September
    moved_release.refresh_from_db()
    assert moved_release.date.isoformat() == NEW_RELEASE_DATE


def test_release_discussed_once_has_no_moved_date(client, plain_user, seed_meeting):
    client.force_login(plain_user)
    html = client.get(reverse("releases:detail", args=["6.11.1"])).content.decode()
    assert "flyttat" not in html
    assert "Datumet har inte ändrats sedan releasen lästes in." in html


def test_release_list_shows_planned_items_and_exports_them(
    client, plain_user, seed_meeting, seed_document
):
    client.force_login(plain_user)
    html = client.get(reverse("releases:list")).content.decode()
    for item in seed_document["release"]["items"]:
        assert f"<li>{item}</li>" in html
    csv = client.get(reverse("releases:list"), {"_export": "csv"}).content.decode()
    assert "; ".join(seed_document["release"]["items"]) in csv


@pytest.mark.parametrize("url", ["releases:list", "signing:dashboard"])
def test_a_yes_no_filter_left_alone_says_all(client, plain_user, seed_meeting, url):
    client.force_login(plain_user)
    html = client.get(reverse(url)).content.decode()
    assert '<option value="unknown" selected>Alla</option>' in html
    assert "Okänt</option>" not in html


def test_the_timeline_names_what_changes_and_keeps_to_its_own_years():
    import datetime as dt

    from releases.charts import timeline_figure

    entries = [
        TimelineEntry(
            when=dt.date.fromisoformat(f"{t['when']}-01"), label=t["label"], text=t["text"]
        )
        for t in TIMELINE
    ]
    figure = timeline_figure(entries, today=dt.date(2026, 12, 2))
    assert "Microsoft slutar" in figure["data"][0]["text"][0]
    start, end = figure["layout"]["xaxis"]["range"]
    assert start >= "2022-01-01" and end <= "2023-12-31"  # not stretched to 2026
    assert not figure["layout"].get("shapes")
    assert "2026-12-02" in figure["layout"]["annotations"][0]["text"]
    near = timeline_figure(entries, today=dt.date(2022, 9, 1))
    assert near["layout"]["shapes"][0]["x0"] == "2022-09-01"


def test_an_unknown_user_impact_says_okand(client, plain_user, seed_meeting):
    # "Användarpåverkan" is en påverkan: "okänd", as "Leverantörsgrupp: okänd".
    release = Release.objects.get()
    release.user_impact = None
    release.save()
    client.force_login(plain_user)
    detail = client.get(release.get_absolute_url()).content.decode()
    assert "<dt>Användarpåverkan</dt><dd>Okänd</dd>" in detail
    rows = client.get(reverse("releases:list")).context["table"].rows
    assert [row.get_cell("user_impact") for row in rows] == ["Okänd"]

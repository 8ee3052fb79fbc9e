"""The iCalendar feeds, read back with icalendar as a calendar client would."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from regions.models import UserProfile

from .conftest import days_from_today, form_data, make_window

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def token_for(user):
    profile, _ = UserProfile.objects.get_or_create(user=user)
    return profile.new_calendar_token()


def test_feed_carries_every_window_past_ones_too(client, plain_user, reference):
    past = make_window("halland", days_from_today(-400))
    coming = make_window("jonkoping", days_from_today(10), days_from_today(11), note="Cosmic")
    client.force_login(plain_user)
    found = events(client.get(reverse("service-windows-feed")))
    assert len(found) == 2
    by_summary = {str(e["SUMMARY"]): e for e in found.values()}
    event = by_summary["Servicefönster Region Jönköpings län"]
    assert event.decoded("DTSTART") == coming.start_date
    # All-day events end the day after (DTEND is exclusive).
    assert event.decoded("DTEND") == days_from_today(12)
    assert str(event["DESCRIPTION"]) == "Cosmic"
    assert by_summary["Servicefönster Region Halland"].decoded("DTSTART") == past.start_date


def test_timed_window_is_in_swedish_time(client, plain_user, reference):
    make_window("jonkoping", days_from_today(5), start_time=dt.time(18), end_time=dt.time(22))
    client.force_login(plain_user)
    (event,) = events(client.get(reverse("service-windows-feed"))).values()
    start = event.decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (18, "Europe/Stockholm")
    assert event.decoded("DTEND").hour == 22


def test_uid_is_stable_across_an_edit_and_a_deleted_window_disappears(
    client, editor_user, jonkoping_window
):
    client.force_login(editor_user)
    before = events(client.get(reverse("service-windows-feed")))
    (uid,) = before
    data = form_data(start=days_from_today(50), end=days_from_today(51), note="Flyttat")
    client.post(reverse("service_windows:edit", args=[jonkoping_window.pk]), data)
    after = events(client.get(reverse("service-windows-feed")))
    assert list(after) == [uid]
    assert after[uid].decoded("DTSTART") == days_from_today(50)
    assert str(after[uid]["DESCRIPTION"]) == "Flyttat"
    client.post(reverse("service_windows:delete", args=[jonkoping_window.pk]))
    assert events(client.get(reverse("service-windows-feed"))) == {}


def test_organisation_feed_has_only_that_organisations_windows(
    client, plain_user, jonkoping_window, halland_window
):
    client.force_login(plain_user)
    found = events(client.get(reverse("regions:feed", args=["halland"])))
    assert [str(e["SUMMARY"]) for e in found.values()] == ["Servicefönster Region Halland"]
    assert client.get(reverse("regions:feed", args=["atlantis"])).status_code == 404


@pytest.mark.parametrize(
    "name,args", [("service-windows-feed", []), ("regions:feed", ["jonkoping"])]
)
def test_calendar_client_reads_with_token_and_not_without(
    client, plain_user, jonkoping_window, name, args
):
    url = reverse(name, args=args)
    token = token_for(plain_user)
    assert len(events(client.get(url, {"token": token}))) == 1
    no_token = client.get(url)
    assert no_token.status_code == 302 and no_token.url.startswith(reverse("login"))
    assert client.get(url, {"token": "gissad"}).status_code == 403
    assert b"VEVENT" not in client.get(url, {"token": ""}).content


def test_revoked_or_renewed_token_stops_working(client, plain_user, jonkoping_window):
    url = reverse("service-windows-feed")
    old = token_for(plain_user)
    new = token_for(plain_user)
    assert client.get(url, {"token": old}).status_code == 403
    assert client.get(url, {"token": new}).status_code == 200
    UserProfile.objects.filter(user=plain_user).update(calendar_token="")
    assert client.get(url, {"token": new}).status_code == 403


def test_token_of_a_deactivated_user_is_refused(client, plain_user, jonkoping_window):
    token = token_for(plain_user)
    plain_user.is_active = False
    plain_user.save()
    assert client.get(reverse("service-windows-feed"), {"token": token}).status_code == 403


def test_feed_is_not_cached_by_shared_caches(client, plain_user, reference):
    client.force_login(plain_user)
    response = client.get(reverse("service-windows-feed"))
    assert "no-store" in response["Cache-Control"]


def test_calendar_page_creates_renews_and_revokes_the_token(client, plain_user):
    client.force_login(plain_user)
    url = reverse("service_windows:calendar")
    html = client.get(url).content.decode()
    assert "Kalenderprenumeration" in html and "Skapa nyckel" in html
    client.post(url, {"action": "renew"})
    first = UserProfile.objects.get(user=plain_user).calendar_token
    assert len(first) >= 32
    html = client.get(url).content.decode()
    assert f"/service-windows.ics?token={first}" in html
    client.post(url, {"action": "renew"})
    second = UserProfile.objects.get(user=plain_user).calendar_token
    assert second != first
    client.post(url, {"action": "revoke"})
    assert UserProfile.objects.get(user=plain_user).calendar_token == ""
    assert "?token=" not in client.get(url).content.decode()


def test_editor_also_gets_their_organisation_feed_address(client, editor_user):
    client.force_login(editor_user)
    client.post(reverse("service_windows:calendar"), {"action": "renew"})
    html = client.get(reverse("service_windows:calendar")).content.decode()
    assert "/regions/jonkoping/service-windows.ics?token=" in html


def test_calendar_page_post_needs_csrf(plain_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(plain_user)
    response = client.post(reverse("service_windows:calendar"), {"action": "renew"})
    assert response.status_code == 403
    assert UserProfile.objects.filter(user=plain_user).exclude(calendar_token="").count() == 0

"""The iCalendar feeds, read back with icalendar as a calendar client would."""

import datetime as dt
import hashlib
import re

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


def token_url(token, key=None):
    if key:
        return reverse("calendar-organisation-feed", args=[token, key])
    return reverse("calendar-feed", args=[token])


@pytest.mark.parametrize("key", [None, "jonkoping"])
def test_calendar_client_reads_with_the_token_in_the_path_and_not_without(
    client, plain_user, jonkoping_window, key
):
    token = token_for(plain_user)
    assert len(events(client.get(token_url(token, key)))) == 1
    assert client.get(token_url("gissad", key)).status_code == 403
    session_url = reverse("regions:feed", args=[key]) if key else reverse("service-windows-feed")
    no_token = client.get(session_url)
    assert no_token.status_code == 302 and no_token.url.startswith(reverse("login"))


def test_a_token_in_the_query_string_is_refused_and_never_put_in_a_login_redirect(
    client, plain_user, jonkoping_window
):
    token = token_for(plain_user)
    response = client.get(reverse("service-windows-feed"), {"token": token})
    assert response.status_code == 403 and token not in response.content.decode()
    assert "Location" not in response.headers
    # Any other page's login redirect keeps its query string, but a feed's never has one.
    redirect = client.get(reverse("service-windows-feed") + "?x=1")
    assert redirect.status_code == 302 and "x%3D1" not in redirect.url


def test_only_the_hash_of_the_token_is_stored(plain_user):
    token = token_for(plain_user)
    stored = UserProfile.objects.get(user=plain_user).calendar_token_hash
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert not UserProfile.objects.filter(calendar_token_hash=token).exists()


def test_revoked_or_renewed_token_stops_working(client, plain_user, jonkoping_window):
    old = token_for(plain_user)
    new = token_for(plain_user)
    assert client.get(token_url(old)).status_code == 403
    assert client.get(token_url(new)).status_code == 200
    UserProfile.objects.get(user=plain_user).revoke_calendar_token()
    assert client.get(token_url(new)).status_code == 403


def test_token_of_a_deactivated_user_is_refused(client, plain_user, jonkoping_window):
    token = token_for(plain_user)
    plain_user.is_active = False
    plain_user.save()
    assert client.get(token_url(token)).status_code == 403


def test_feed_is_not_cached_by_shared_caches(client, plain_user, reference):
    client.force_login(plain_user)
    response = client.get(reverse("service-windows-feed"))
    assert "no-store" in response["Cache-Control"]


def test_calendar_page_shows_the_addresses_once_renews_and_revokes(client, plain_user):
    client.force_login(plain_user)
    url = reverse("service_windows:calendar")
    html = client.get(url).content.decode()
    assert "Kalenderprenumeration" in html and "Skapa nyckel" in html
    shown = client.post(url, {"action": "renew"}).content.decode()
    first = re.search(r"/calendar/([^/]+)/service-windows\.ics", shown).group(1)
    assert len(first) >= 32 and "visas bara den här gången" in shown
    assert client.get(token_url(first)).status_code == 200
    later = client.get(url).content.decode()
    assert first not in later and "Förnya nyckeln" in later
    client.post(url, {"action": "renew"})
    assert client.get(token_url(first)).status_code == 403
    client.post(url, {"action": "revoke"})
    assert UserProfile.objects.get(user=plain_user).calendar_token_hash == ""
    assert "/calendar/" not in client.get(url).content.decode()


def test_editor_also_gets_their_organisation_feed_address(client, editor_user):
    client.force_login(editor_user)
    html = client.post(reverse("service_windows:calendar"), {"action": "renew"}).content
    assert re.search(r"/calendar/[^/]+/regions/jonkoping/service-windows\.ics", html.decode())


def test_calendar_page_post_needs_csrf(plain_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(plain_user)
    response = client.post(reverse("service_windows:calendar"), {"action": "renew"})
    assert response.status_code == 403
    assert UserProfile.objects.filter(user=plain_user).exclude(calendar_token_hash="").count() == 0

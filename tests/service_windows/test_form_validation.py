"""Each validation rule of the service window form, through the pages a user sees."""

import datetime as dt

import pytest
from django.urls import reverse

from regions.models import ServiceWindow

from .conftest import days_from_today, form_data, make_window

pytestmark = pytest.mark.django_db


def post_new(client, user, data):
    client.force_login(user)
    return client.post(reverse("service_windows:create"), data)


def test_form_uses_date_and_time_inputs_with_labels(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("service_windows:create")).content.decode()
    assert html.count('type="date"') == 2
    assert html.count('type="time"') == 2
    for label in ("Från datum", "Till datum", "Från klockan", "Till klockan", "Organisation"):
        assert f">{label}" in html


def test_end_before_start_is_refused_and_the_input_redisplayed(client, editor_user):
    data = form_data(start=days_from_today(30), end=days_from_today(29), note="Min anteckning")
    response = post_new(client, editor_user, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Slutet kan inte vara före början." in html
    assert "Min anteckning" in html
    assert f'value="{days_from_today(30).isoformat()}"' in html
    assert not ServiceWindow.objects.exists()


def test_end_time_before_start_time_on_the_same_day_is_refused(client, editor_user):
    data = form_data(start=days_from_today(30), start_time="14:00", end_time="08:00")
    response = post_new(client, editor_user, data)
    assert "Slutet kan inte vara före början." in response.content.decode()
    assert not ServiceWindow.objects.exists()


def test_window_more_than_two_years_ahead_is_refused(client, staff_user):
    start = days_from_today(2 * 366 + 1)
    response = post_new(client, staff_user, form_data("halland", start=start))
    assert "kan inte börja mer än två år framåt" in response.content.decode()
    assert not ServiceWindow.objects.exists()


def test_window_just_under_two_years_ahead_is_accepted(client, staff_user):
    response = post_new(client, staff_user, form_data("halland", start=days_from_today(700)))
    assert response.status_code == 302
    assert ServiceWindow.objects.count() == 1


def test_past_window_is_refused_for_a_region_editor(client, editor_user):
    data = form_data(start=days_from_today(-10), end=days_from_today(-9))
    response = post_new(client, editor_user, data)
    assert "Servicefönstret har redan varit" in response.content.decode()
    assert "Spara ändå" not in response.content.decode()
    # Even a forged confirmation does not let it through.
    response = post_new(client, editor_user, {**data, "confirm": "on"})
    assert response.status_code == 200
    assert not ServiceWindow.objects.exists()


def test_past_window_is_a_warning_for_staff_that_they_can_confirm(client, staff_user):
    data = form_data("halland", start=days_from_today(-10))
    response = post_new(client, staff_user, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Servicefönstret har redan varit" in html
    assert "Spara ändå" in html
    assert not ServiceWindow.objects.exists()
    response = post_new(client, staff_user, {**data, "confirm": "on"})
    assert response.status_code == 302
    assert ServiceWindow.objects.get().start_date == days_from_today(-10)


def test_overlap_with_same_organisation_warns_and_saves_when_confirmed(client, editor_user):
    make_window("jonkoping", days_from_today(30), days_from_today(32), note="Befintligt")
    data = form_data(start=days_from_today(31), end=days_from_today(35))
    response = post_new(client, editor_user, data)
    html = response.content.decode()
    assert "Överlappar ett annat servicefönster" in html
    assert days_from_today(30).isoformat() in html
    assert "Spara ändå" in html
    assert ServiceWindow.objects.count() == 1
    response = post_new(client, editor_user, {**data, "confirm": "on"})
    assert response.status_code == 302
    assert ServiceWindow.objects.count() == 2


def test_overlap_with_another_organisation_is_no_warning(client, editor_user):
    make_window("halland", days_from_today(30))
    response = post_new(client, editor_user, form_data(start=days_from_today(30)))
    assert response.status_code == 302


def test_same_day_without_shared_hours_is_no_overlap(client, editor_user):
    day = days_from_today(30)
    make_window("jonkoping", day, start_time=dt.time(6), end_time=dt.time(8))
    response = post_new(
        client, editor_user, form_data(start=day, start_time="12:00", end_time="14:00")
    )
    assert response.status_code == 302
    assert ServiceWindow.objects.count() == 2


def test_editing_a_window_does_not_overlap_itself(client, editor_user, jonkoping_window):
    client.force_login(editor_user)
    data = form_data(start=jonkoping_window.start_date, end=jonkoping_window.end_date, note="Ny")
    response = client.post(reverse("service_windows:edit", args=[jonkoping_window.pk]), data)
    assert response.status_code == 302
    jonkoping_window.refresh_from_db()
    assert jonkoping_window.note == "Ny"


def test_missing_dates_have_swedish_messages(client, editor_user):
    response = post_new(client, editor_user, form_data(start_date="", end_date="2022-13-40"))
    html = response.content.decode()
    assert "Ange från vilket datum." in html
    assert "Ange datumet som ÅÅÅÅ-MM-DD." in html


def test_times_are_kept(client, editor_user):
    data = form_data(start=days_from_today(30), start_time="18:00", end_time="23:30")
    post_new(client, editor_user, data)
    window = ServiceWindow.objects.get()
    assert (window.start_time, window.end_time) == (dt.time(18), dt.time(23, 30))


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        ({"end": days_from_today(30 + 365)}, "dagar långt. Stämmer datumen?"),
        ({"end_time": "06:00"}, "Sluttid utan starttid"),
    ],
)
def test_a_year_long_window_or_an_end_time_alone_is_a_warning(client, editor_user, extra, warning):
    data = form_data(start=days_from_today(30), **{k: v for k, v in extra.items() if k != "end"})
    if "end" in extra:
        data["end_date"] = extra["end"].isoformat()
    response = post_new(client, editor_user, data)
    assert warning in response.content.decode()
    assert not ServiceWindow.objects.exists()
    assert post_new(client, editor_user, {**data, "confirm": "on"}).status_code == 302


def test_the_saved_message_names_the_times(client, editor_user):
    data = form_data(start=days_from_today(30), start_time="13:00", end_time="17:00")
    response = post_new(client, editor_user, data)
    html = client.get(response.url).content.decode()
    day = days_from_today(30).isoformat()
    assert f"{day} 13:00 – {day} 17:00 är sparat" in html


def test_the_first_calendar_key_does_not_speak_of_old_addresses(client, editor_user):
    client.force_login(editor_user)
    url = reverse("service_windows:calendar")
    html = client.post(url, {"action": "renew"}, follow=True).content.decode()
    assert "En kalendernyckel är skapad" in html and "gamla nyckeln" not in html
    html = client.post(url, {"action": "renew"}, follow=True).content.decode()
    assert "Adresser med den gamla nyckeln slutar fungera" in html

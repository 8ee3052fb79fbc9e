"""Two people editing one window: the later save does not silently overwrite the first;
editors may not delete the past windows they may not register."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from regions.models import ServiceWindow
from tests.conftest import make_user

from .conftest import days_from_today, form_data, make_window

pytestmark = pytest.mark.django_db


def opened_form(client, url):
    """The edit form's fields as the browser would post them back."""
    html = client.get(url).content.decode()
    version = re.search(r'name="version" value="([^"]+)"', html).group(1)
    return {"version": version}


def test_the_second_save_shows_the_first_and_overwrites_only_when_saved_again(
    editor_user, jonkoping_window
):
    colleague = make_user("jkp2", organisation_key="jonkoping")
    first, second = Client(), Client()
    first.force_login(editor_user)
    second.force_login(colleague)
    url = reverse("service_windows:edit", args=[jonkoping_window.pk])
    first_form, second_form = opened_form(first, url), opened_form(second, url)

    saved = first.post(url, form_data(note="Flyttat till kvällen", **first_form))
    assert saved.status_code == 302
    late = second.post(url, form_data(note="Inställt", **second_form))
    html = late.content.decode()
    assert late.status_code == 200
    assert "jkp ändrade servicefönstret" in html and "Flyttat till kvällen" in html
    assert ServiceWindow.objects.get().note == "Flyttat till kvällen"

    again = re.search(r'name="version" value="([^"]+)"', html).group(1)
    assert second.post(url, form_data(note="Inställt", version=again)).status_code == 302
    assert ServiceWindow.objects.get().note == "Inställt"


def test_an_editor_may_not_delete_a_past_window_staff_may(editor_user, staff_user, reference):
    past = make_window("jonkoping", days_from_today(-30), note="Förra månaden")
    url = reverse("service_windows:delete", args=[past.pk])
    editor = Client()
    editor.force_login(editor_user)
    assert editor.get(url).status_code == 403
    assert editor.post(url).status_code == 403
    assert ServiceWindow.objects.filter(pk=past.pk).exists()
    staff = Client()
    staff.force_login(staff_user)
    assert staff.post(url).status_code == 302
    assert not ServiceWindow.objects.filter(pk=past.pk).exists()


def test_an_editor_is_offered_no_delete_link_for_a_past_window(
    client, editor_user, staff_user, reference
):
    past = make_window("jonkoping", days_from_today(-30), note="Förra månaden")
    coming = make_window("jonkoping", days_from_today(30), note="Nästa månad")
    past_tab = reverse("service_windows:list") + "?tab=past"
    delete_past = reverse("service_windows:delete", args=[past.pk])
    delete_coming = reverse("service_windows:delete", args=[coming.pk])
    organisation_page = reverse("regions:detail", args=["jonkoping"])

    client.force_login(editor_user)
    assert delete_past not in client.get(past_tab).content.decode()
    assert delete_coming in client.get(reverse("service_windows:list")).content.decode()
    html = client.get(organisation_page).content.decode()
    assert delete_past not in html and delete_coming in html

    client.force_login(staff_user)
    assert delete_past in client.get(past_tab).content.decode()

"""Who may do what with a service window, checked on the server (architecture.md)."""

import pytest
from django.urls import reverse

from regions.models import Organisation, ServiceWindow, UserProfile

from .conftest import days_from_today, form_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_user", "other_editor_user", "plain_user", "staff_user", "admin_user"]

# What each role gets for the Jönköping window: 200 page, 302 done (or to login), 403 refused.
EXPECTED = {
    #                   anon  same  other plain staff admin
    "list": (302, 200, 200, 200, 200, 200),
    "create_get": (302, 200, 200, 403, 200, 200),
    "edit_get": (302, 200, 403, 403, 200, 200),
    "delete_get": (302, 200, 403, 403, 200, 200),
    "history": (302, 200, 200, 200, 200, 200),
    "feed": (302, 200, 200, 200, 200, 200),
    "org_feed": (302, 200, 200, 200, 200, 200),
    "calendar": (302, 200, 200, 200, 200, 200),
}


@pytest.fixture
def as_role(request, client, reference):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


def path_for(action, window):
    return {
        "list": reverse("service_windows:list"),
        "create_get": reverse("service_windows:create"),
        "edit_get": reverse("service_windows:edit", args=[window.pk]),
        "delete_get": reverse("service_windows:delete", args=[window.pk]),
        "history": reverse("service_windows:history", args=[window.pk]),
        "feed": reverse("service-windows-feed"),
        "org_feed": reverse("regions:feed", args=["jonkoping"]),
        "calendar": reverse("service_windows:calendar"),
    }[action]


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_reading_pages_per_role(as_role, jonkoping_window, action, role_index, role):
    response = as_role(role).get(path_for(action, jonkoping_window))
    assert response.status_code == EXPECTED[action][role_index]
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))


CHANGES = {
    # role: may change the Jönköping window?
    "anonymous": None,
    "editor_user": True,
    "other_editor_user": False,
    "plain_user": False,
    "staff_user": True,
    "admin_user": True,
}


@pytest.mark.parametrize("role,allowed", CHANGES.items())
def test_create_for_jonkoping(as_role, role, allowed):
    client = as_role(role)
    response = client.post(reverse("service_windows:create"), form_data("jonkoping"))
    created = ServiceWindow.objects.filter(organisation__key="jonkoping").exists()
    if allowed is None:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif allowed:
        assert response.status_code == 302
        assert response.url == reverse("service_windows:list")
    else:
        assert response.status_code == 403
    assert created is bool(allowed)


@pytest.mark.parametrize("role,allowed", CHANGES.items())
def test_edit_jonkoping_window(as_role, jonkoping_window, role, allowed):
    client = as_role(role)
    data = form_data("jonkoping", days_from_today(25), note="Flyttat")
    response = client.post(reverse("service_windows:edit", args=[jonkoping_window.pk]), data)
    jonkoping_window.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert jonkoping_window.note == "Flyttat"
        assert jonkoping_window.start_date == days_from_today(25)
    else:
        assert response.status_code == (302 if allowed is None else 403)
        assert jonkoping_window.note == "Cosmic"


@pytest.mark.parametrize("role,allowed", CHANGES.items())
def test_delete_jonkoping_window(as_role, jonkoping_window, role, allowed):
    response = as_role(role).post(reverse("service_windows:delete", args=[jonkoping_window.pk]))
    exists = ServiceWindow.objects.filter(pk=jonkoping_window.pk).exists()
    assert exists is not bool(allowed)
    assert response.status_code == (302 if allowed in (True, None) else 403)


def test_editor_forging_another_organisation_on_create_gets_403(client, editor_user):
    client.force_login(editor_user)
    response = client.post(reverse("service_windows:create"), form_data("halland"))
    assert response.status_code == 403
    assert not ServiceWindow.objects.exists()


def test_editor_forging_the_organisation_of_their_own_window_gets_403(
    client, editor_user, jonkoping_window
):
    client.force_login(editor_user)
    data = form_data("halland", note="Kapad")
    response = client.post(reverse("service_windows:edit", args=[jonkoping_window.pk]), data)
    assert response.status_code == 403
    jonkoping_window.refresh_from_db()
    assert jonkoping_window.organisation.key == "jonkoping"
    assert jonkoping_window.note == "Cosmic"


def test_editor_without_organisation_field_saves_for_their_own(client, editor_user):
    client.force_login(editor_user)
    response = client.post(reverse("service_windows:create"), form_data())
    assert response.status_code == 302
    assert ServiceWindow.objects.get().organisation.key == "jonkoping"


def test_editor_sees_their_organisation_fixed_in_the_form(client, editor_user):
    client.force_login(editor_user)
    html = client.get(reverse("service_windows:create")).content.decode()
    assert "Region Jönköpings län" in html
    assert "Region Halland" not in html


def test_editor_whose_organisation_is_removed_can_no_longer_edit(
    client, editor_user, jonkoping_window
):
    UserProfile.objects.filter(user=editor_user).update(organisation=None)
    client.force_login(editor_user)
    url = reverse("service_windows:edit", args=[jonkoping_window.pk])
    assert client.get(url).status_code == 403


def test_unknown_window_is_404_for_staff(client, staff_user):
    client.force_login(staff_user)
    assert client.get(reverse("service_windows:edit", args=[999999])).status_code == 404
    assert client.get(reverse("service_windows:history", args=[999999])).status_code == 404


def test_staff_may_choose_any_organisation(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("service_windows:create"), form_data("halland"))
    assert response.status_code == 302
    window = ServiceWindow.objects.get()
    assert window.organisation == Organisation.objects.get(key="halland")
    assert window.source == ServiceWindow.Source.FORM
    assert window.changed_by == staff_user


def test_new_window_button_only_for_those_who_may(client, plain_user, editor_user):
    client.force_login(plain_user)
    assert "Nytt servicefönster" not in client.get(reverse("service_windows:list")).content.decode()
    client.force_login(editor_user)
    assert "Nytt servicefönster" in client.get(reverse("service_windows:list")).content.decode()


def test_edit_links_only_on_windows_the_user_may_edit(
    client, editor_user, jonkoping_window, halland_window
):
    client.force_login(editor_user)
    html = client.get(reverse("service_windows:list")).content.decode()
    assert reverse("service_windows:edit", args=[jonkoping_window.pk]) in html
    assert reverse("service_windows:edit", args=[halland_window.pk]) not in html
    assert reverse("service_windows:history", args=[halland_window.pk]) in html

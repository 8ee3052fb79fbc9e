"""Repeated failed logins lock the username out from that address (django-axes)."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def fail_login(client, username="anna", times=1, address="127.0.0.1"):
    for _ in range(times):
        response = client.post(
            reverse("login"), {"username": username, "password": "fel"}, REMOTE_ADDR=address
        )
    return response


def test_five_failures_lock_out_even_the_right_password_with_a_swedish_page(client, staff_user):
    assert settings.AXES_FAILURE_LIMIT == 5
    response = fail_login(client, times=4)
    assert response.status_code == 200  # still the login form with its error
    response = fail_login(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggningen är tillfälligt spärrad" in page
    assert "15 minuter" in page
    assert "anna" in page
    response = client.post(reverse("login"), {"username": "anna", "password": "pw-anna"})
    assert response.status_code == 429
    assert client.get("/").status_code == 302  # not logged in


def test_the_lock_is_per_username_and_address(client, staff_user, plain_user):
    fail_login(client, times=5)
    # Another user from the same address, and the same user from another address, may log in.
    response = client.post(reverse("login"), {"username": "reader", "password": "pw-reader"})
    assert response.status_code == 302
    client.logout()
    response = client.post(
        reverse("login"), {"username": "anna", "password": "pw-anna"}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302


def test_a_success_clears_earlier_failures(client, staff_user):
    fail_login(client, times=4)
    assert (
        client.post(reverse("login"), {"username": "anna", "password": "pw-anna"}).status_code
        == 302
    )
    client.logout()
    assert fail_login(client, times=4).status_code == 200


def test_test_client_login_still_works_with_lockout_on(client, staff_user):
    assert settings.AXES_ENABLED
    assert client.login(username="anna", password="pw-anna")
    assert client.get("/").status_code == 200
    assert not client.login(username="anna", password="fel")

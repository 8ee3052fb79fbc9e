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


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_appending_proxies_a_forged_forwarded_for_does_not_dodge_the_lockout(
    client, staff_user, settings, proxies
):
    """The client sends its own X-Forwarded-For, different on every try; each proxy appends
    the address it received from. The lock follows the address the first proxy wrote."""
    settings.BEHIND_TLS_PROXY = True
    settings.TRUSTED_PROXY_COUNT = proxies
    chain = ["203.0.113.7", "10.0.0.5"][:proxies]  # the client, then the first proxy
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        forged = f"198.51.100.{attempt}"
        response = client.post(
            reverse("login"),
            {"username": "anna", "password": "fel"},
            REMOTE_ADDR="10.0.0.9",
            HTTP_X_FORWARDED_FOR=", ".join([forged, *chain]),
        )
    assert response.status_code == 429
    # Another client behind the same proxies is not locked out by it.
    response = client.post(
        reverse("login"),
        {"username": "anna", "password": "pw-anna"},
        REMOTE_ADDR="10.0.0.9",
        HTTP_X_FORWARDED_FOR=", ".join(["192.0.2.50", *chain[1:]][-proxies:]),
    )
    assert response.status_code == 302


def test_without_a_proxy_the_header_is_ignored(client, staff_user, settings):
    settings.BEHIND_TLS_PROXY = False
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            reverse("login"),
            {"username": "anna", "password": "fel"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}",
        )
    assert response.status_code == 429

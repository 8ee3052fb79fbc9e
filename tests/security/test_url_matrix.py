"""Every named URL × every role, generated from the URL conf."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.pages import ROLES, path_for
from tests.urlmatrix import EXPECTED_STATUS, page_names

pytestmark = pytest.mark.django_db


def test_the_matrix_sees_the_whole_url_conf():
    names = page_names()
    assert {"overview", "meetings:list", "regions:detail", "statistics:dashboard"} <= set(names)
    assert not any(name.startswith(("admin:", "login", "logout")) for name in names)


def test_every_page_has_its_statuses_declared():
    undeclared = sorted(set(page_names()) - EXPECTED_STATUS.keys())
    gone = sorted(EXPECTED_STATUS.keys() - set(page_names()))
    assert not undeclared, f"declare the statuses in tests/urlmatrix.py for: {undeclared}"
    assert not gone, f"declared in tests/urlmatrix.py but not in the URL conf: {gone}"


def _is_login_redirect(response):
    return response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", page_names())
def test_page_as_anonymous_and_as_every_role(users_by_role, name):
    assert name in EXPECTED_STATUS, f"declare the statuses of {name} in tests/urlmatrix.py"
    expected = EXPECTED_STATUS[name]
    path = path_for(name)
    failures = []
    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.get(path)
    if not _is_login_redirect(response):
        failures.append(f"GET {path} as anonymous: {response.status_code}, not to the login")
    response = anonymous.post(path, {"payload": "x"})
    if not (_is_login_redirect(response) or response.status_code in (403, 404, 405)):
        failures.append(f"POST {path} as anonymous: {response.status_code}")
    for role in ROLES:
        client = Client(enforce_csrf_checks=True)
        client.force_login(users_by_role[role])
        # The test client re-raises a view's exception, so a 500 fails here with its traceback.
        response = client.get(path)
        if response.status_code != expected[role]:
            failures.append(
                f"GET {path} as {role}: {response.status_code}, declared {expected[role]}"
            )
        response = client.post(path, {"payload": "x"})
        if response.status_code not in (403, 405):
            failures.append(f"POST {path} without CSRF token as {role}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_post_without_csrf_token_gets_a_swedish_page(client, staff_user):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff_user)
    response = strict.post(reverse("logout"))
    assert response.status_code == 403
    assert "Formuläret kunde inte skickas" in response.content.decode()
    assert strict.get("/").status_code == 200  # still logged in: the forged logout failed

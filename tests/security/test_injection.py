"""Hostile filter parameters and form input: never a server error, never echoed unescaped."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.security.pages import argumentless_pages, path_for
from tests.urlmatrix import page_names

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(2)>'
HOSTILE_QUERY = {
    "q": SCRIPT,
    "search": ATTRIBUTE,
    "organisation": "' OR 1=1--",
    "region": "1; DROP TABLE regions_organisation;--",
    "month": "2022-13",
    "month_after": "0000-00",
    "date": "2022-02-30",
    "year": "99999999999999999999",
    "page": "abc",
    "per_page": "-1",
    "sort": SCRIPT,
    "channel": "'; --",
    "type": ATTRIBUTE,
    "status": "%00",
}


def assert_not_echoed(response, where):
    html = response.content.decode(errors="replace")
    assert SCRIPT not in html, f"{where} echoed <script> unescaped"
    assert "<img src=x" not in html, f"{where} echoed an attribute break-out unescaped"


@pytest.mark.parametrize("name", argumentless_pages())
def test_hostile_filter_parameters_are_harmless(client, staff_user, seed_meeting, name):
    client.force_login(staff_user)
    response = client.get(path_for(name), HOSTILE_QUERY)
    assert response.status_code < 500
    assert_not_echoed(response, name)
    # The same parameter given twice, and as a list, must not break a filter either.
    response = client.get(path_for(name) + "?organisation=1&organisation=x&page=999999")
    assert response.status_code < 500


class PostForms(HTMLParser):
    """The POST forms of a page: action and the names of their text-like fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "fields": []})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            if attrs.get("type") not in ("file", "hidden", "submit", "checkbox", "radio"):
                self.forms[-1]["fields"].append(attrs["name"])


@pytest.mark.parametrize("name", page_names())
def test_hostile_form_input_is_refused_or_stored_escaped(client, admin_user, seed_meeting, name):
    client.force_login(admin_user)
    path = path_for(name)
    page = client.get(path)
    if not page.headers.get("Content-Type", "").startswith("text/html"):
        return
    parser = PostForms()
    parser.feed(page.content.decode())
    for form in parser.forms:
        action = form["action"] or path
        if action == reverse("logout") or not form["fields"]:
            continue
        data = {field: SCRIPT + ATTRIBUTE for field in form["fields"]}
        response = client.post(action, data, follow=True)
        assert response.status_code < 500, f"POST {action}: {response.status_code}"
        assert_not_echoed(response, f"POST {action}")
        # A stored value must come back escaped on the page that lists it.
        assert_not_echoed(client.get(path), f"{path} after POST {action}")


def test_login_form_does_not_echo_a_hostile_username(client, reference):
    response = client.post(reverse("login"), {"username": SCRIPT, "password": "x"})
    assert response.status_code == 200
    assert_not_echoed(response, "login")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()

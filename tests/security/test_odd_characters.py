"""NUL and odd Unicode in every URL argument, query parameter and form field: a 400 or a 404
(or the form's own error), never a server error. PostgreSQL refuses NUL in text outright, so
run this with DATABASE_URL pointing at PostgreSQL too."""

import re
import urllib.parse
from html.parser import HTMLParser

import pytest
from django.urls import get_resolver, reverse

from tests.security.pages import path_for
from tests.urlmatrix import _walk, page_names

pytestmark = pytest.mark.django_db

# NUL alone and inside a valid value; a superscript digit (str.isdigit() says yes, int()
# says no); Arabic-Indic digits (int() reads them); a right-to-left override; a non-character;
# an emoji; a combining mark alone; a fullwidth digit.
ODD = ["\x00", "6.11.1\x00", "²", "١٢", "\u202e1", "\uffff", "🙂", "\u0301", "２"]
# Fewer per form field: every field of every form is posted with each.
FORM_ODD = ["\x00", "²", "\uffff", "\u202e1"]
# Bytes that are not UTF-8 at all, as a raw percent-encoded path or query.
NOT_UTF8 = "%ED%A0%80%FF"
# Query parameters the pages read, beside those their links and GET forms show.
KNOWN_PARAMETERS = ["q", "page", "sort", "slide", "next", "month", "year", "organisation"]


class Names(HTMLParser):
    """Query keys of the page's links and GET forms; POST forms with all their fields."""

    def __init__(self):
        super().__init__()
        self.query = set()
        self.post_forms = []
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "?" in (attrs.get("href") or ""):
            query = attrs["href"].split("?", 1)[1]
            self.query |= set(urllib.parse.parse_qs(query, keep_blank_values=True))
        elif tag == "form":
            post = (attrs.get("method") or "get").lower() == "post"
            self._in_get_form = not post
            if post:
                self.post_forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag in ("input", "textarea", "select") and attrs.get("name"):
            name = attrs["name"]
            if self._in_get_form:
                self.query.add(name)
            elif self.post_forms and name != "csrfmiddlewaretoken":
                self.post_forms[-1]["fields"][name] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def _route(name):
    return dict(_walk(get_resolver().url_patterns))[name]


def _paths_with_odd_arguments(name):
    """The page's path with each URL argument replaced by each odd value."""
    good = path_for(name)
    arguments = re.findall(r"<(?:\w+:)?(\w+)>", _route(name))
    if not arguments:
        return []
    parts = good.rstrip("/").split("/")
    paths = []
    for index in range(1, len(parts)):
        for value in ODD:
            odd = [*parts]
            odd[index] = urllib.parse.quote(value, safe="")
            paths.append("/".join(odd) + "/")
        odd = [*parts]
        odd[index] = NOT_UTF8
        paths.append("/".join(odd) + "/")
    return paths


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"


@pytest.mark.parametrize("name", page_names())
def test_odd_characters_in_the_path_are_a_client_error(client, admin_user, seed_meeting, name):
    client.force_login(admin_user)
    for path in _paths_with_odd_arguments(name):
        assert_no_server_error(client.get(path), f"GET {path!r}")


@pytest.mark.parametrize("name", page_names())
def test_odd_characters_in_every_parameter_and_field_are_a_client_error(
    client, admin_user, seed_meeting, name
):
    client.force_login(admin_user)
    path = path_for(name)
    page = client.get(path)
    names = Names()
    if page.headers.get("Content-Type", "").startswith("text/html"):
        names.feed(page.content.decode())
    for key in sorted(names.query | set(KNOWN_PARAMETERS)):
        for value in ODD:
            response = client.get(path, {key: value})
            assert_no_server_error(response, f"GET {path}?{key}={value!r}")
        response = client.get(f"{path}?{key}={NOT_UTF8}")
        assert_no_server_error(response, f"GET {path}?{key}={NOT_UTF8}")
    for form in names.post_forms:
        action = form["action"] or path
        if action == reverse("logout"):
            continue
        for field in form["fields"]:
            for value in FORM_ODD:
                data = {**form["fields"], field: value}
                response = client.post(action, data)
                assert_no_server_error(response, f"POST {action} {field}={value!r}")


@pytest.mark.parametrize(
    "path",
    [
        "/meetings/search/?q=%00",
        "/releases/%00/",
        "/releases/6.11.1%00/",
        "/meetings/2022-06-01/questions/new/?slide=%C2%B2",
    ],
)
def test_the_probes_findings_are_client_errors(client, admin_user, seed_meeting, path):
    client.force_login(admin_user)
    response = client.get(path)
    assert response.status_code in (200, 400, 404), response.status_code

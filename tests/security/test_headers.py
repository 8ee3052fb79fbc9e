"""Security headers and the no-inline-script rule on every page of the URL conf."""

from html.parser import HTMLParser

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.security.pages import path_for
from tests.urlmatrix import page_names

pytestmark = pytest.mark.django_db


class ScriptTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline = []
        self._in_inline = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_inline = (
            tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json"
        )
        if self._in_inline:
            self.inline.append(attrs)
        for name in attrs:
            if name.startswith("on"):  # onclick= and friends are inline script too
                self.inline.append({tag: name})


def inline_scripts(html):
    parser = ScriptTags()
    parser.feed(html)
    return parser.inline


def test_the_parser_sees_inline_script():
    assert inline_scripts('<script>alert(1)</script><p onclick="x()">')
    assert not inline_scripts(
        '<script src="/static/js/charts.js"></script>'
        '<script type="application/json" id="f">{"a": 1}</script>'
    )


@pytest.mark.parametrize("name", page_names())
def test_every_page_has_no_inline_script_and_sends_the_headers(
    client, admin_user, seed_meeting, name
):
    client.force_login(admin_user)
    response = client.get(path_for(name))
    assert response.status_code < 500
    csp = response.headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    if response.headers.get("Content-Type", "").startswith("text/html"):
        assert inline_scripts(response.content.decode()) == []


def test_login_and_error_pages_have_no_inline_script(client, staff_user):
    assert inline_scripts(client.get(reverse("login")).content.decode()) == []
    client.force_login(staff_user)
    assert inline_scripts(client.get("/finns-inte/").content.decode()) == []


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
def test_https_is_enforced_and_hsts_sent_over_https(staff_user):
    browser = Client()
    browser.force_login(staff_user)
    response = browser.get("/")
    assert response.status_code == 301 and response.url.startswith("https://")
    response = browser.get("/", secure=True)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_health_check_answers_over_plain_http_without_login():
    response = Client().get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response.headers["Cache-Control"]


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_session_and_csrf_cookies_are_secure_and_the_session_cookie_http_only(staff_user):
    browser = Client()
    page = browser.get(reverse("login"), secure=True)
    assert page.cookies["csrftoken"]["secure"]
    response = browser.post(
        reverse("login"), {"username": "anna", "password": "pw-anna"}, secure=True
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"

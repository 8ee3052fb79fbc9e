"""Users change their own password; logged-in pages are never cached; the admin has a CSP."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.security.test_headers import inline_scripts

pytestmark = pytest.mark.django_db


def test_a_user_changes_their_own_password_in_swedish(client, plain_user):
    client.force_login(plain_user)
    page = client.get(reverse("password_change")).content.decode()
    assert "Nuvarande lösenord" in page and "Nytt lösenord igen" in page
    wrong = client.post(
        reverse("password_change"),
        {"old_password": "fel", "new_password1": "x", "new_password2": "y"},
    ).content.decode()
    assert "Ditt gamla lösenord var felaktigt" in wrong  # Django's own Swedish message
    done = client.post(
        reverse("password_change"),
        {
            "old_password": "pw-reader",
            "new_password1": "Fjällbacka-2026",
            "new_password2": "Fjällbacka-2026",
        },
        follow=True,
    )
    assert "Ditt lösenord är bytt" in done.content.decode()
    assert User.objects.get(pk=plain_user.pk).check_password("Fjällbacka-2026")
    # Still logged in: the session follows the new password.
    assert client.get(reverse("overview")).status_code == 200


def test_logged_in_pages_are_not_stored_by_any_cache(client, plain_user, seed_meeting):
    client.force_login(plain_user)
    for path in (reverse("overview"), reverse("meetings:list"), reverse("statistics:dashboard")):
        cache_control = client.get(path)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, path


def test_the_admin_sends_the_content_security_policy(client, admin_user, seed_meeting):
    client.force_login(admin_user)
    for path in ("/admin/", "/admin/regions/servicewindow/", "/admin/regions/servicewindow/add/"):
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert inline_scripts(response.content.decode()) == [], path

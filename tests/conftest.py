"""Shared fixtures: the reference lists, the June 2022 meeting, and one user per role."""

import copy
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from regions.models import Organisation, UserProfile
from webcert_forum.meetings.accounts import ensure_groups
from webcert_forum.meetings.services import load_reference, save_minutes

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO / "fixtures" / "seed"
SEED_PDF = SEED_DIR / "webcert-anvandarforum-2022-06.pdf"
SEED_JSON = SEED_DIR / "webcert-anvandarforum-2022-06.expected.json"


def seed_document_data():
    document = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    document.pop("reconstruction_notes", None)
    return document


@pytest.fixture
def seed_document():
    """A fresh copy of the June 2022 document; tests may edit it."""
    return copy.deepcopy(seed_document_data())


@pytest.fixture
def reference(db):
    load_reference()


@pytest.fixture
def seed_meeting(reference, seed_document):
    save_minutes(seed_document, None)
    from webcert_forum.meetings.models import Meeting

    return Meeting.objects.get(date="2022-06-01")


def make_user(username, *, groups=(), organisation_key=None, superuser=False):
    staff_group, importers_group = ensure_groups()
    user = User.objects.create_user(
        username, password="pw-" + username, is_superuser=superuser, is_staff=superuser
    )
    named = {"Inera": staff_group, "Importörer": importers_group}
    for name in groups:
        user.groups.add(named[name])
    if organisation_key:
        UserProfile.objects.create(
            user=user, organisation=Organisation.objects.get(key=organisation_key)
        )
    return user


@pytest.fixture
def staff_user(reference):
    return make_user("anna", groups=["Inera"])


@pytest.fixture
def importer_user(reference):
    return make_user("importer", groups=["Inera", "Importörer"])


@pytest.fixture
def admin_user(reference):
    return make_user("root", superuser=True)


@pytest.fixture
def editor_user(reference):
    """Region editor for Region Jönköpings län."""
    return make_user("jkp", organisation_key="jonkoping")


@pytest.fixture
def other_editor_user(reference):
    """Region editor for Region Halland."""
    return make_user("hal", organisation_key="halland")


@pytest.fixture
def plain_user(reference):
    """Logged in, but neither staff nor editor: may read."""
    return make_user("reader")


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _client_login_passes_a_request(monkeypatch):
    """django-axes needs the request in authenticate() (it counts failures per address);
    the test client's login() calls authenticate() without one, so give it a request from
    127.0.0.1, as a browser on this machine would send. Axes stays on in every test."""
    original = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/accounts/login/"))
        return original(self, **credentials)

    monkeypatch.setattr(Client, "login", login)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 takes half a second here; every role fixture and login would pay it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

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


# The database every non-transactional test starts from: the reference lists and the June
# meeting, saved once per session (pytest-django wraps each test in a transaction rolled
# back afterwards). Tests that do not ask for `seed_meeting` get the June rows deleted inside
# their own transaction, which costs a few DELETE statements instead of a whole save.
_session = {"blocker": None, "seed_tables": (), "reference_tables": (), "base_state": False}


def _table_counts():
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())
    return {
        m._meta.db_table: m._base_manager.count()
        for m in apps.get_models(include_auto_created=True)
        if m._meta.db_table in tables and not m._meta.proxy
    }


def _grown_tables(before, after):
    return tuple(t for t in after if after[t] != before.get(t))


def _save_base_state():
    """Reference lists, then the June meeting; notes the tables each wrote to."""
    empty = _table_counts()
    load_reference()
    with_reference = _table_counts()
    save_minutes(seed_document_data(), None)
    _session["reference_tables"] = _grown_tables(empty, with_reference)
    _session["seed_tables"] = _grown_tables(with_reference, _table_counts())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    _session["blocker"] = django_db_blocker
    with django_db_blocker.unblock():
        _save_base_state()
        _session["base_state"] = True
        from django.db import connection

        # Django asks the database whether it has JSON functions at a connection's first
        # query that builds JSON, once for the connection's life: asked here, a page's query
        # count does not depend on whether a test before it built JSON.
        connection.features.supports_json_field  # noqa: B018


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or names & {"transactional_db", "live_server", "django_db_reset_sequences"}
    )


def _uses_db(request):
    return bool(request.node.get_closest_marker("django_db")) or bool(
        set(request.fixturenames) & {"db", "transactional_db", "live_server"}
    )


def _delete_rows(tables):
    from django.db import connection

    # Foreign keys are deferred to commit on SQLite and PostgreSQL, and the test's
    # transaction never commits, so the order of the tables does not matter.
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture(autouse=True)
def _database_state(request):
    """Each test sees what it asked for: the reference lists always, the June meeting only
    with `seed_meeting`. A transactional test commits, so it starts from an empty database
    (as before) and the base state is saved again after its flush."""
    from django.core.cache import cache

    if not _uses_db(request):
        yield
        return
    cache.clear()  # the statistics cache must not outlive the rows it was built from
    if _is_transactional(request):
        if "transactional_db" in request.fixturenames:
            request.getfixturevalue("transactional_db")
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)
        _session["base_state"] = False
        yield
        cache.clear()
        return
    request.getfixturevalue("db")
    if "seed_meeting" not in request.fixturenames:
        _delete_rows(_session["seed_tables"])
    yield
    cache.clear()


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # After a transactional test has flushed the database, put the base state back; after
    # the last test the session's teardown has already dropped the test database.
    if nextitem is not None and not _session["base_state"] and _session["blocker"] is not None:
        with _session["blocker"].unblock():
            from django.core.management import call_command

            call_command("flush", interactive=False, verbosity=0)
            _save_base_state()
        _session["base_state"] = True
    return result


@pytest.fixture
def reference(request, db):
    """The reference lists (already in the database, except after a transactional flush)."""
    if _is_transactional(request):
        load_reference()


@pytest.fixture
def empty_database(db):
    """No rows at all, not even the reference lists (deleted inside the test's transaction)."""
    _delete_rows(_session["seed_tables"] + _session["reference_tables"])


@pytest.fixture
def seed_meeting(request, reference):
    """The June 2022 meeting as saved from the expected document."""
    if _is_transactional(request):
        save_minutes(seed_document_data(), None)
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


_parsed_seed = []  # (meeting date, reference, limits, answer): the seed PDF parsed once


@pytest.fixture(scope="session", autouse=True)
def _seed_pdf_parsed_once():
    """The upload and command tests parse the seed PDF through the app (in the parse's child
    process); its 22 pages take about a second each time. The importer's own tests
    (tests/importer) call parse_minutes directly and still parse; here only the very same
    bytes with the same reference lists and limits are answered from the first parse, as a
    copy (a test that lowers a limit still parses)."""
    from webcert_forum.meetings.imports import runs as imports

    seed_bytes = SEED_PDF.read_bytes()
    parse = imports.parse_untrusted

    def parse_once(data, meeting_date=None, reference=None, limits=None):
        if data != seed_bytes:
            return parse(data, meeting_date, reference, limits)
        for date, known, known_limits, answer in _parsed_seed:
            if (date, known, known_limits) == (meeting_date, reference, limits):
                return copy.deepcopy(answer)
        answer = parse(data, meeting_date, reference, limits)
        _parsed_seed.append((meeting_date, reference, limits, copy.deepcopy(answer)))
        return answer

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imports, "parse_untrusted", parse_once)
        yield

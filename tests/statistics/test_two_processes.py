"""Two server processes on one database: a deck imported through one is on the other's
statistics page at once, whether each process caches in its own memory or both share Redis.

Real processes (``manage.py runserver --noreload``), a real SQLite file and real HTTP: the
test database and the test client would share one process and hide the fault."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import pytest

from tests.conftest import REPO, SEED_PDF

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_is_up():
    host, port = urllib.parse.urlsplit(REDIS_URL).netloc.split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True
    )


class Server:
    def __init__(self, env):
        self.url = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", self.url[7:]],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/accounts/login/", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.url} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Browser:
    """One person's session on one server: cookies, CSRF token, forms."""

    def __init__(self, server, username):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = self.get("/accounts/login/")
        self.post("/accounts/login/", {"username": username, "password": "demo"}, page)

    def get(self, path):
        with self.opener.open(self.server.url + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path, fields, page, files=None):
        fields = {**fields, "csrfmiddlewaretoken": _csrf_token(page)}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            self.server.url + path,
            data=body,
            headers={"Content-Type": content_type, "Referer": self.server.url + path},
        )
        with self.opener.open(request, timeout=120) as response:
            return response.geturl(), response.read().decode()


def _csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, data) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.fixture(params=["local memory", "redis"])
def two_servers(request, tmp_path):
    env = dict(
        os.environ,
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    env.pop("REDIS_URL", None)
    if request.param == "redis":
        if not redis_is_up():
            pytest.skip(f"no Redis at {REDIS_URL}")
        env["REDIS_URL"] = REDIS_URL
    manage(env, "migrate", "--noinput")
    manage(env, "load_reference")
    manage(env, "create_demo_users")
    servers = []
    try:
        servers += [Server(env), Server(env)]
        yield servers
    finally:
        for server in servers:
            server.stop()
        if request.param == "redis":
            manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")


def test_an_import_through_one_server_is_read_from_the_other(two_servers):
    first, second = two_servers
    importer, reader = Browser(first, "admin"), Browser(second, "inera")
    # Both processes build and cache the empty statistics page first.
    for browser in (importer, reader):
        assert "Maj 2022" not in browser.get("/statistics/")

    upload_page = importer.get("/meetings/import/")
    preview_url, preview = importer.post(
        "/meetings/import/",
        {"meeting_date": "2022-06-01"},
        upload_page,
        files={"file": ("juni.pdf", SEED_PDF.read_bytes())},
    )
    confirm = re.search(r'action="(/meetings/import/\d+/confirm/)"', preview).group(1)
    _, saved = importer.post(confirm, {}, preview)
    assert "Protokollet är sparat" in saved

    assert "Maj 2022" in reader.get("/statistics/")
    assert "Maj 2022" in importer.get("/statistics/")

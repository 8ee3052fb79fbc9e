"""Load test of the production server: gunicorn + whitenoise, DEBUG off, on 127.0.0.1 only.

    .venv/bin/python bench/load.py [--clients 20] [--seconds 15] [--workers 4]
                                   [--database-url postgres://…/bench_db]

Sets up a fresh database (a temporary SQLite file unless --database-url names a dedicated,
disposable PostgreSQL database), loads the reference lists and the June 2022 meeting, starts
gunicorn, then:

1. measures the trivial page /healthz (the server's own ceiling);
2. logs in N clients (CSRF token from the login form, session cookie) and drives the main
   pages while, at the same time, the June 2022 deck is imported again and a region editor's
   service-window edits are saved in another process;
3. reports throughput, latency percentiles and errors, and checks that no row was lost or
   duplicated (ServiceWindow, CertificateCount, Attendance against the seed document).

Bounded: each phase stops after --seconds or --max-requests, whichever comes first.
Exit status 1 on any error or wrong row count.
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SEED_JSON = REPO / "fixtures" / "seed" / "webcert-anvandarforum-2022-06.expected.json"
MAIN_PAGES = [
    "/",
    "/meetings/",
    "/regions/",
    "/service-windows/",
    "/releases/",
    "/statistics/",
    "/signing/",
]
USERNAME, PASSWORD = "bench-inera", secrets.token_urlsafe(16)

COUNT_ROWS = """
import json
from certificate_statistics.models import CertificateCount
from regions.models import ServiceWindow
from webcert_forum.meetings.models import Attendance
print(json.dumps({
    "ServiceWindow": ServiceWindow.objects.count(),
    "CertificateCount": CertificateCount.objects.count(),
    "Attendance": Attendance.objects.count(),
}))
"""

CREATE_USER = f"""
from django.contrib.auth.models import User
from webcert_forum.meetings.accounts import ensure_groups
staff, _ = ensure_groups()
user = User.objects.create_user({USERNAME!r}, password={PASSWORD!r})
user.groups.add(staff)
"""

# A region editor moving the June windows back and forth, as the edit form would save them.
EDIT_WINDOWS = """
import datetime as dt
from django.db import transaction
from regions.models import ServiceWindow
for round in range({rounds}):
    with transaction.atomic():
        for window in ServiceWindow.objects.select_for_update().order_by("pk")[:5]:
            shift = dt.timedelta(days=7 if round % 2 == 0 else -7)
            window.start_date += shift
            window.end_date += shift
            window.note = f"flyttat av regionen, varv {{round}}"
            window.save()
"""


def expected_rows():
    document = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    return {
        "ServiceWindow": len(document["service_windows"]),
        "CertificateCount": len(document["certificate_counts"]),
        "Attendance": len(document["attendance"]),
    }


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def manage(env, *args, code=None):
    command = [sys.executable, "manage.py", *args]
    if code is not None:
        command += ["--no-imports", "-c", code]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.by_path = {}
        self.errors = []

    def add(self, path, seconds, error=None):
        with self.lock:
            self.latencies.append(seconds)
            self.by_path.setdefault(path, []).append(seconds)
            if error:
                self.errors.append(error)

    def report(self, title, elapsed):
        ordered = sorted(self.latencies)

        def pct(p):
            return 1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

        print(
            f"{title}: {len(ordered)} requests in {elapsed:.1f} s = "
            f"{len(ordered) / elapsed:.1f} req/s; latency ms p50 {pct(50):.1f}, "
            f"p95 {pct(95):.1f}, p99 {pct(99):.1f}, max {1000 * ordered[-1]:.1f}; "
            f"errors {len(self.errors)}"
        )
        if len(self.by_path) > 1:
            print(
                "  p50 per page, ms: "
                + ", ".join(
                    f"{path} {1000 * sorted(times)[len(times) // 2]:.0f}"
                    for path, times in self.by_path.items()
                )
            )
        for error in sorted(set(self.errors))[:10]:
            print(f"  error: {error} (×{self.errors.count(error)})")
        return len(ordered) / elapsed


class Browser:
    """One logged-in user: a cookie jar and the CSRF token the login form hands out."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as response:
            body = response.read()
            return response.status, response.geturl(), body

    def login(self):
        _status, _url, body = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.decode(), "username": USERNAME, "password": PASSWORD}
        ).encode()
        with self.opener.open(self.base + "/accounts/login/", data=data, timeout=60) as response:
            response.read()
            if "/accounts/login/" in response.geturl():
                raise RuntimeError("login failed")


def drive(browser, paths, results, deadline, budget):
    index = 0
    while time.monotonic() < deadline and budget.take():
        path = paths[index % len(paths)]
        index += 1
        started = time.perf_counter()
        error = None
        try:
            status, url, _body = browser.get(path)
            if status != 200:
                error = f"{path}: HTTP {status}"
            elif "/accounts/login/" in url:
                error = f"{path}: sent to login"
        except urllib.error.HTTPError as failure:
            error = f"{path}: HTTP {failure.code}"
        except OSError as failure:
            error = f"{path}: {type(failure).__name__}"
        results.add(path, time.perf_counter() - started, error)


class Budget:
    def __init__(self, requests):
        self.left = requests
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            self.left -= 1
            return self.left >= 0


def run_phase(browsers, paths, seconds, max_requests):
    results, budget = Results(), Budget(max_requests)
    deadline = time.monotonic() + seconds
    started = time.perf_counter()
    threads = [
        threading.Thread(target=drive, args=(b, paths, results, deadline, budget)) for b in browsers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def wait_until_up(base, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited: " + server.stderr.read().decode()[-2000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz")


def background_writes(env, rounds):
    """The import and the region editor's edits, each in its own process, concurrently."""
    procs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "load_seed"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(rounds)
    ]
    procs.append(
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                EDIT_WINDOWS.format(rounds=rounds * 2),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    )
    return procs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 4)))
    parser.add_argument("--imports", type=int, default=2, help="re-imports during the run")
    parser.add_argument(
        "--database-url", help="a dedicated, disposable database (default: temp SQLite)"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="webcert-load-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        # Plain HTTP on the loopback: no TLS to redirect to.
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    print(
        f"database: {env['DATABASE_URL'].split('@')[-1]}; workers: {args.workers}; "
        f"clients: {args.clients}; up to {args.seconds:g} s or {args.max_requests} requests per phase"
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_reference")
    manage(env, "load_seed")
    manage(env, "shell", code=CREATE_USER)
    expected = expected_rows()
    before = json.loads(manage(env, "shell", code=COUNT_ROWS))

    port = free_port()
    base = f"http://{HOST}:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "webcert_forum.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "120",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    failed = False
    try:
        wait_until_up(base, server)
        anonymous = [Browser(base) for _ in range(args.clients)]
        results, elapsed = run_phase(anonymous, ["/healthz"], args.seconds, args.max_requests)
        trivial = results.report("/healthz (trivial page)", elapsed)
        failed |= bool(results.errors)

        browsers = [Browser(base) for _ in range(args.clients)]
        login_started = time.perf_counter()
        for browser in browsers:
            browser.login()
        print(f"logged in {len(browsers)} clients in {time.perf_counter() - login_started:.1f} s")

        writers = background_writes(env, args.imports)
        results, elapsed = run_phase(browsers, MAIN_PAGES, args.seconds, args.max_requests)
        pages = results.report("main pages during import + edits", elapsed)
        failed |= bool(results.errors)
        for writer in writers:
            _out, err = writer.communicate(timeout=300)
            if writer.returncode != 0:
                print(f"background write failed: {err.decode()[-1000:]}")
                failed = True
        print(f"main pages at {100 * pages / trivial:.1f} % of the trivial page's throughput")
    finally:
        server.terminate()
        server.wait(timeout=30)

    after = json.loads(manage(env, "shell", code=COUNT_ROWS))
    for model, count in expected.items():
        ok = before[model] == after[model] == count
        failed |= not ok
        print(
            f"{model}: expected {count}, before {before[model]}, after {after[model]}"
            f" {'ok' if ok else 'LOST OR DUPLICATED'}"
        )
    print("FAILED" if failed else "OK: no errors, no lost or duplicated rows")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

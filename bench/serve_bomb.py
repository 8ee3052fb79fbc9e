"""A deflate bomb uploaded to the production server: the web worker's memory stays bounded.

    .venv/bin/python bench/serve_bomb.py [--inflated-gib 4]

Sets up a temporary SQLite database with the reference lists and an importer, starts gunicorn
as `make serve` does (DEBUG off, one worker, --timeout 120) on 127.0.0.1, logs in and uploads
a PDF whose content stream inflates to 4 GiB (tests/imports/hostile.py::content_bomb) to
/meetings/import/. Reports the HTTP status, the Swedish refusal shown, the worker's peak RSS
(VmHWM) before and after, the peak the cage child reached, the cage's memory limit and the
wall time, and checks that no ImportRun row and no file under MEDIA_ROOT was kept.

Exit status 1 if the worker's peak exceeds the cage limit, the upload was not refused, or
anything was saved.
"""

import argparse
import html
import json
import re
import secrets
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from load import (
    HOST,
    REPO,
    Browser,
    free_port,
    manage,
    server_env,
    start_gunicorn,
    wait_until_up,
)

sys.path.insert(0, str(REPO))
from tests.imports.hostile import GIB, content_bomb  # noqa: E402

USERNAME, PASSWORD = "bench-importer", secrets.token_urlsafe(16)
CREATE_IMPORTER = f"""
from django.contrib.auth.models import User
from webcert_forum.meetings.accounts import ensure_groups
staff, importers = ensure_groups()
user = User.objects.create_user({USERNAME!r}, password={PASSWORD!r})
user.groups.add(staff, importers)
"""
SETTINGS_AND_RUNS = """
import json
from django.conf import settings
from webcert_forum.meetings.models import ImportRun
print(json.dumps({
    "limit": settings.MINUTES_PARSE_MEMORY_BYTES,
    "import_runs": ImportRun.objects.count(),
}))
"""


def mib(n):
    return f"{n / (1024 * 1024):,.0f} MiB".replace(",", " ")


def status_kib(pid, field):
    """A ``kB`` field of /proc/<pid>/status in bytes, or None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) * 1024 if match else None


def children(pid):
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class ChildPeak(threading.Thread):
    """Samples the worker's children (the cage) while the upload runs: their peak RSS."""

    def __init__(self, worker):
        super().__init__(daemon=True)
        self.worker, self.peak, self.seen = worker, 0, set()
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            for child in children(self.worker):
                self.seen.add(child)
                self.peak = max(self.peak, status_kib(child, "VmHWM") or 0)
            time.sleep(0.02)


def multipart(fields, files):
    """A multipart/form-data body: fields {name: value}, files {name: (filename, bytes)}."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload(browser, path, pdf):
    token = browser.csrf_token(path)
    body, content_type = multipart(
        {"csrfmiddlewaretoken": token, "meeting_date": "2022-06-14"},
        {"file": ("bomb.pdf", pdf)},
    )
    request = urllib.request.Request(
        browser.base + path,
        data=body,
        headers={"Content-Type": content_type, "Referer": browser.base + path},
    )
    try:
        with browser.opener.open(request, timeout=180) as response:
            return response.status, response.geturl(), response.read().decode()
    except urllib.error.HTTPError as failure:
        return failure.code, failure.url, failure.read().decode(errors="replace")


def field_errors(page):
    """The form's error texts as the user reads them."""
    found = re.findall(r'class="[^"]*(?:errorlist|invalid-feedback)[^"]*"[^>]*>(.*?)</', page, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", " ", t)).split() for t in found]
    return [" ".join(t) for t in texts if t]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inflated-gib", type=int, default=4)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="webcert-bomb-"))
    env = server_env(workdir)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_reference")
    manage(env, "shell", code=CREATE_IMPORTER)
    limit = json.loads(manage(env, "shell", code=SETTINGS_AND_RUNS))["limit"]
    pdf = content_bomb(args.inflated_gib * GIB)
    print(
        f"upload: {mib(len(pdf))} PDF inflating to {args.inflated_gib} GiB; "
        f"cage limit (MINUTES_PARSE_MEMORY_BYTES): {mib(limit)}"
    )

    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_gunicorn(env, port, workers=1)
    try:
        wait_until_up(base, server)
        (worker,) = children(server.pid)
        browser = Browser(base)
        browser.login(USERNAME, PASSWORD)
        before = status_kib(worker, "VmHWM")
        sampler = ChildPeak(worker)
        sampler.start()
        started = time.perf_counter()
        status, url, page = upload(browser, "/meetings/import/", pdf)
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
        after = status_kib(worker, "VmHWM")
        same_worker = worker in children(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    errors = field_errors(page)
    runs = json.loads(manage(env, "shell", code=SETTINGS_AND_RUNS))["import_runs"]
    media = workdir / "media"
    kept = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []

    print(f"HTTP {status} at {url.removeprefix(base)} after {wall:.1f} s (wall)")
    print("refusal shown: " + (" | ".join(errors) or "NONE"))
    print(
        f"worker {worker} peak RSS (VmHWM): before {mib(before)}, after "
        + (mib(after) if after is not None else "gone (worker died)")
        + f"; limit {mib(limit)}"
    )
    print(f"cage child peak RSS seen (sampled every 20 ms): {mib(sampler.peak)}")
    print(f"kept: {runs} ImportRun rows, {len(kept)} files under MEDIA_ROOT")

    failed = False
    for problem, bad in [
        ("worker's peak exceeds the limit or the worker died", after is None or after > limit),
        ("worker was replaced", not same_worker),
        ("not refused with a Swedish message on the form", status != 200 or not errors),
        ("something was saved", runs or kept),
    ]:
        if bad:
            print(f"FAILED: {problem}")
            failed = True
    if not failed:
        print("OK: refused, worker under the limit, nothing saved")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

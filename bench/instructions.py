"""Instructions per request of the main pages, counted by valgrind (callgrind), uncached.

    /work/main/.venv/bin/python bench/instructions.py [--pages statistics] [--runs 5]

A script, not a test, beside bench/pages.py: server time on a shared machine varies by a
factor of two from one hour to the next (the floor page alone from 2.2 to 3.3 ms), so two
versions of the code are compared by the instructions a request executes, which do not vary
(±0.1 % between runs). It is what to compare before and after a change; pages.py says what
the milliseconds are on this machine now.

It builds pages.py's database (10 years of statistics, 40 meetings) once, natively, then
asks each page in a process of its own under callgrind: two warm-up requests uninstrumented,
then `--runs` requests counted, the cache cleared before each, as pages.py's "uncached".
Needs valgrind (apt-get install valgrind).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def build_database(path):
    os.environ["BENCH_DATABASE_URL"] = f"sqlite:///{path}"
    import pages

    pages.configure()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from webcert_forum.meetings.accounts import ensure_groups
    from webcert_forum.meetings.services import load_reference

    call_command("migrate", verbosity=0)
    load_reference()
    pages.load_meetings(pages.MEETINGS)
    staff, _ = ensure_groups()
    User.objects.create_user("bench").groups.add(staff)
    months = pages.months_back(pages.TARGET_MONTH, 120)
    pages.load_history(months[:12])
    pages.load_history(months[12:], seed=1)
    return pages.pages(months[-1])


def child(database, url, params, runs):
    """In the process under callgrind: instrumentation on around the counted requests."""
    os.environ["BENCH_DATABASE_URL"] = f"sqlite:///{database}"
    import pages

    pages.configure()
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    client.force_login(User.objects.get(username="bench"))
    control = ["callgrind_control", "--instr=on", str(os.getpid())]
    with override_settings(
        ROOT_URLCONF=pages.bench_urlconf(), ALLOWED_HOSTS=["testserver"], DEBUG=False
    ):
        for _ in range(2):
            cache.clear()
            assert client.get(url, params).status_code == 200
        subprocess.run(control, check=True, capture_output=True)
        for _ in range(runs):
            cache.clear()
            client.get(url, params)
        control[1] = "--instr=off"
        subprocess.run(control, check=True, capture_output=True)


def count(database, url, params, runs, workdir):
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={workdir}/callgrind.%p.out",
        sys.executable,
        __file__,
        "--child",
        json.dumps([str(database), url, params, runs]),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    collected = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode or not collected:
        raise SystemExit(f"{url} {params}: valgrind failed\n{result.stderr[-2000:]}")
    # The counted part also runs the two callgrind_control calls' fork: the same for every
    # page, and part of the floor's count.
    return int(collected.group(1)) / runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="counted requests per page")
    parser.add_argument(
        "--pages", default="", help="only the pages whose label contains this text (and floors)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*json.loads(args.child))
        return
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    workdir = Path(tempfile.mkdtemp(prefix="bench-instructions-"))
    database = workdir / "bench.sqlite3"
    # Built in a process of its own: the children open the finished file.
    builder = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; sys.path.insert(0, sys.argv[1]); import instructions; "
            "print(json.dumps(instructions.build_database(sys.argv[2])))",
            str(ROOT / "bench"),
            str(database),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if builder.returncode:
        raise SystemExit(builder.stderr[-2000:])
    page_list = json.loads(builder.stdout.strip().splitlines()[-1])
    print(f"database: {database}; {args.runs} counted requests per page, uncached")
    print(f"{'page':50} {'M instructions/request':>24}")
    for label, url, params in page_list:
        if args.pages and args.pages not in label and not label.startswith("floor"):
            continue
        millions = count(database, url, params, args.runs, workdir) / 1e6
        print(f"{label:50} {millions:24.1f}", flush=True)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

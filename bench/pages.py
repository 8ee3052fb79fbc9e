"""Server time and query count of every main page, with 1 and with 10 years of history.

    /work/main/.venv/bin/python bench/pages.py [--runs 30]

A script, not a test: timings depend on the machine. It builds a throwaway SQLite database
in a temporary directory (or uses BENCH_DATABASE_URL, which it migrates and fills: point it at
an empty database only), loads the reference lists and 40 meetings (the June 2022 minutes
saved under 40 dates, five weeks apart, each with its own release), bulk-creates a synthetic
statistics history (every organisation, every type, both channels), and asks each page
through Django's test client with a logged-in staff member. "uncached" clears the cache before every request; "cached"
asks a warm page. Templates render as on a server: without the test environment's
instrumentation, which copies the context of every template render. The floor is a view that renders a one-line template: what the framework,
middleware and session cost before any of our code runs.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MONTH = dt.date(2022, 5, 1)
MEETINGS = 40
# Every main page, uncached, with ten years of history and 40 meetings.
UNCACHED_TARGET_MS = 25
# Marks a page that shows more months in the 10-year run than in the 1-year run (a series
# longer than 12 months), so that its content, not only the history behind it, grows.
GROWS = "* "


def configure():
    workdir = tempfile.mkdtemp(prefix="bench-statistics-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webcert_forum.settings")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ["MEDIA_ROOT"] = workdir
    import django

    django.setup()
    return workdir


def months_back(end, n):
    months, month = [], end
    for _ in range(n):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months


def load_meetings(n):
    """The seed minutes under `n` dates, newest 2022-06-01, five weeks apart; the statistics
    come from load_history instead, so that both runs have the same meetings."""
    import copy
    import json

    from webcert_forum.meetings.services import save_minutes

    seed = json.loads(
        (ROOT / "fixtures/seed/webcert-anvandarforum-2022-06.expected.json").read_text()
    )
    seed.pop("reconstruction_notes", None)
    seed["certificate_counts"], seed["certificate_totals"] = [], []
    for i in range(n):
        document = copy.deepcopy(seed)
        day = dt.date(2022, 6, 1) - dt.timedelta(weeks=5 * i)
        document["meeting"]["date"] = day.isoformat()
        document["meeting"]["next_meeting"] = None
        document["release"]["version"] = f"6.{11 - i // 10}.{i % 10}"
        document["release"]["date"] = (day + dt.timedelta(days=13)).isoformat()
        save_minutes(document, None)


def load_history(months, seed=0):
    from certificate_statistics.cache import bump_version
    from certificate_statistics.models import CertificateCount, CertificateTotal, CertificateType
    from regions.models import Organisation

    organisations = list(Organisation.objects.all())
    certificate_types = list(CertificateType.objects.all())
    counts, totals = [], []
    for m_index, month in enumerate(months):
        for o_index, organisation in enumerate(organisations):
            for channel, scale in (("all", 100), ("standalone", 3)):
                row = [
                    scale * (1 + (o_index * 7 + t_index * 13 + m_index + seed) % 50)
                    for t_index in range(len(certificate_types))
                ]
                counts += [
                    CertificateCount(
                        month=month,
                        channel=channel,
                        organisation=organisation,
                        certificate_type=t,
                        count=n,
                    )
                    for t, n in zip(certificate_types, row, strict=True)
                ]
                totals.append(
                    CertificateTotal(
                        month=month, channel=channel, organisation=organisation, total=sum(row)
                    )
                )
    CertificateCount.objects.bulk_create(counts, batch_size=2000)
    CertificateTotal.objects.bulk_create(totals, batch_size=2000)
    bump_version()  # bulk_create sends no signals
    return len(counts)


def delete_history(months):
    from certificate_statistics.cache import bump_version
    from certificate_statistics.models import CertificateCount, CertificateTotal

    CertificateCount.objects.filter(month__in=months)._raw_delete(CertificateCount.objects.db)
    CertificateTotal.objects.filter(month__in=months)._raw_delete(CertificateTotal.objects.db)
    bump_version()


def bench_urlconf():
    from django.http import HttpResponse
    from django.shortcuts import get_object_or_404
    from django.template import engines
    from django.urls import include, path

    from certificate_statistics.sections import organisation_statistics
    from regions.models import Organisation

    trivial = engines["django"].from_string("<p>{{ text }}</p>")
    layout = engines["django"].from_string(
        '{% extends "base.html" %}{% block heading %}{{ text }}{% endblock %}'
    )

    def floor(request):
        return HttpResponse(trivial.render({"text": "golv"}, request))

    def layout_floor(request):
        return HttpResponse(layout.render({"text": "golv"}, request))

    def section(request, key):
        organisation = get_object_or_404(Organisation, key=key)
        return HttpResponse(organisation_statistics(organisation)["html"])

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [
        path("bench/floor/", floor),
        path("bench/layout/", layout_floor),
        path("bench/section/<key>/", section),
        path("", include("webcert_forum.urls")),
    ]
    return module


MAIN_PAGES = [
    ("/ (overview)", "/", {}),
    ("/meetings/", "/meetings/", {}),
    ("/meetings/2022-06-01/", "/meetings/2022-06-01/", {}),
    ("/meetings/attendance/", "/meetings/attendance/", {}),
    ("/regions/", "/regions/", {}),
    ("/regions/skane/", "/regions/skane/", {}),
    ("/service-windows/", "/service-windows/", {}),
    ("/releases/", "/releases/", {}),
    ("/signing/", "/signing/", {}),
    ("/map/ (certificates)", "/map/", {}),
    ("/map/ (change)", "/map/", {"measure": "change"}),
]


def pages(first_month):
    return [
        ("floor (trivial template)", "/bench/floor/", {}),
        ("floor (site layout, empty page)", "/bench/layout/", {}),
        *MAIN_PAGES,
        # One month; its series covers 24 months: 12 exist in the 1-year run, 24 in the other.
        (GROWS + "/statistics/ (defaults)", "/statistics/", {}),
        (
            "/statistics/ 12 months, integrated",
            "/statistics/",
            {"month_from": "2021-06", "month_to": "2022-05", "channel": "integrated"},
        ),
        (
            "/statistics/ 3 organisations, 12 months",
            "/statistics/",
            {
                "organisation": ["skane", "gavleborg", "halland"],
                "month_from": "2021-06",
                "month_to": "2022-05",
            },
        ),
        (
            # Not comparable between the runs: it shows 12 months, then 120.
            GROWS + "/statistics/ 3 organisations, whole history",
            "/statistics/",
            {
                "organisation": ["skane", "gavleborg", "halland"],
                "month_from": f"{first_month:%Y-%m}",
                "month_to": "2022-05",
            },
        ),
        (
            "/statistics/ types + recipient",
            "/statistics/",
            {
                "certificate_type": ["FK7804", "FK7800"],
                "recipient": "Försäkringskassan",
                "month_from": "2021-06",
                "month_to": "2022-05",
            },
        ),
        (
            "/statistics/ standalone, 12 months",
            "/statistics/",
            {"channel": "standalone", "month_from": "2021-06", "month_to": "2022-05"},
        ),
        # The dashboard's charts, which it loads after it is shown: a request of their own.
        (GROWS + "/statistics/diagram/ (defaults)", "/statistics/diagram/", {}),
        (
            "/statistics/diagram/ 12 months, integrated",
            "/statistics/diagram/",
            {"month_from": "2021-06", "month_to": "2022-05", "channel": "integrated"},
        ),
        (
            "/statistics/diagram/ 3 organisations, 12 months",
            "/statistics/diagram/",
            {
                "organisation": ["skane", "gavleborg", "halland"],
                "month_from": "2021-06",
                "month_to": "2022-05",
            },
        ),
        (
            "export minutes CSV, 12 months",
            "/statistics/",
            {"_export": "csv", "table": "minutes", "month_from": "2021-06"},
        ),
        (
            "export change XLSX, 12 months",
            "/statistics/",
            {"_export": "xlsx", "table": "change", "month_from": "2021-06"},
        ),
        # Its series covers 36 months: 12 of them exist in the 1-year run, 36 in the other.
        (GROWS + "organisation section (skane)", "/bench/section/skane/", {}),
    ]


def measure(client, url, params, runs, cached):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries, size = [], [], None, 0
    if cached:
        client.get(url, params)
    for _ in range(runs):
        if not cached:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, params)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert response.status_code == 200, (url, params, response.status_code)
        queries = len(captured)
        size = len(response.content)
    return {"times": times, "cpu": cpu, "queries": queries, "bytes": size}


def run_all(client, runs, first_month, results):
    """Adds this round's samples to `results`; a page's query count must not vary."""
    for label, url, params in pages(first_month):
        for cached in (False, True):
            sample = measure(client, url, params, runs, cached)
            earlier = results.setdefault((label, cached), {"times": [], "cpu": [], **sample})
            assert earlier["queries"] == sample["queries"], (label, cached)
            if earlier is not sample:
                earlier["times"] = earlier["times"] + sample["times"]
                earlier["cpu"] = earlier["cpu"] + sample["cpu"]


def summarise(results):
    for result in results.values():
        times = sorted(result["times"])
        result["median"] = statistics.median(times) * 1000
        result["p95"] = times[min(len(times) - 1, int(0.95 * len(times)))] * 1000
        result["cpu_median"] = statistics.median(result["cpu"]) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="requests per page and case")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of 1 and 10 years")
    args = parser.parse_args()
    workdir = configure()

    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from webcert_forum.meetings.accounts import ensure_groups
    from webcert_forum.meetings.services import load_reference

    # Not setup_test_environment(): it makes every template render send a signal and the
    # test client copy the context for it, work a server does not do (a page's form widgets
    # alone are a hundred template renders).
    call_command("migrate", verbosity=0)
    load_reference()
    load_meetings(MEETINGS)
    staff, _ = ensure_groups()
    user = User.objects.create_user("bench")
    user.groups.add(staff)
    client = Client()
    client.force_login(user)

    all_months = months_back(TARGET_MONTH, 120)
    with override_settings(ROOT_URLCONF=bench_urlconf(), ALLOWED_HOSTS=["testserver"], DEBUG=False):
        # Rounds alternate 1 and 10 years (the 9 older years are added, then deleted again),
        # so that a change in the machine's load does not fall on one side only.
        rows = load_history(all_months[:12])
        report = {"1 year": {}, "10 years": {}}
        per_round = max(1, args.runs // args.rounds)
        for _ in range(args.rounds):
            run_all(client, per_round, all_months[11], report["1 year"])
            older = load_history(all_months[12:], seed=1)
            run_all(client, per_round, all_months[-1], report["10 years"])
            delete_history(all_months[12:])
        rows += older
        summarise(report["1 year"])
        summarise(report["10 years"])

    print(f"database: {os.environ['DATABASE_URL']}  (work dir {workdir})")
    print(f"history: 1 year = {rows // 10:,} counts, 10 years = {rows:,} counts; runs: {args.runs}")
    header = (
        f"{'page':46} {'cache':8} "
        f"{'1y med':>8} {'1y p95':>8} {'1y q':>5} {'10y med':>8} {'10y p95':>8} {'10y q':>6} "
        f"{'10y/1y':>7} {'KB':>6} {'10y cpu':>8}"
    )
    print(header)
    print("-" * len(header))
    failures = []
    floor = report["10 years"][("floor (trivial template)", True)]["median"]
    layout_floor = report["10 years"][("floor (site layout, empty page)", True)]["median"]
    for label, _url, _params in pages(all_months[-1]):
        for cached in (False, True):
            one, ten = report["1 year"][(label, cached)], report["10 years"][(label, cached)]
            ratio = ten["median"] / one["median"]
            print(
                f"{label:46} {'cached' if cached else 'uncached':8} "
                f"{one['median']:8.1f} {one['p95']:8.1f} {one['queries']:5d} "
                f"{ten['median']:8.1f} {ten['p95']:8.1f} {ten['queries']:6d} "
                f"{ratio:7.2f} {ten['bytes'] / 1024:6.0f} {ten['cpu_median']:8.1f}"
            )
            if one["queries"] != ten["queries"]:
                failures.append(f"{label} ({cached=}): queries {one['queries']} → {ten['queries']}")
            main = label.startswith(("/", GROWS + "/")) and "whole history" not in label
            if main and not cached and ten["median"] > UNCACHED_TARGET_MS:
                failures.append(
                    f"{label}: uncached 10-year median {ten['median']:.1f} ms > "
                    f"{UNCACHED_TARGET_MS} ms"
                )
            if ratio > 1.5 and not label.startswith(("floor", GROWS)) and not cached:
                failures.append(f"{label} ({cached=}): 10-year median {ratio:.2f} × 1-year")
            # Only the statistics pages and section keep a cache; other pages do the same
            # work either way.
            if cached and ("/statistics/" in label or "section" in label) and "export" not in label:
                if ten["median"] > 3 * floor:
                    failures.append(
                        f"{label}: cached median {ten['median']:.1f} ms > 3 × trivial floor "
                        f"({floor:.1f} ms)"
                    )
                if ten["median"] > 3 * layout_floor:
                    failures.append(
                        f"{label}: cached median {ten['median']:.1f} ms > 3 × layout floor "
                        f"({layout_floor:.1f} ms)"
                    )
    print(
        "times in ms (server time through Django's test client); q = queries per request; "
        "10y cpu = the process's CPU time per request, median (on a machine shared with other "
        "work, the wall-clock medians include waiting for a core, the CPU time does not)"
    )
    print(
        "targets: equal queries 1y/10y; every main page uncached ≤ "
        f"{UNCACHED_TARGET_MS} ms with 10 years and {MEETINGS} meetings; uncached 10y median ≤ "
        "1.5 × 1y (a cached page does no work that depends on the history); cached pages ≤ "
        "3 × floor, both floors checked"
    )
    print(
        f"{GROWS.strip()} shows more months when more exist (a 24- or 36-month series, or the "
        "whole history): its content grows, so no ratio target"
    )
    if failures:
        print("MISSED:")
        for failure in failures:
            print("  " + failure)
    else:
        print("all targets met")


if __name__ == "__main__":
    main()

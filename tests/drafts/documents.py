"""Small random minutes documents over the fixtures' reference lists, in the deck's order,
for drafts built without a database; and the comparison of a draft with its import."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

from webcert_forum.meetings.drafts.wording import Labels, swedish_sort_key

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SECTIONS = ("attendance", "service_windows", "release", "connection_dates", "signing_tests",
            "signing_production", "certificate_counts", "certificate_totals")  # fmt: skip


def _rows(name):
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fixture_labels() -> Labels:
    return Labels.from_rows(
        [(r["key"], r["name"], [a for a in r["aliases"].split("|") if a])
         for r in _rows("organisations.csv")],
        [(r["key"], r["name"]) for r in _rows("vendor_groups.csv")],
        [(r["code"], r["internal"]) for r in _rows("certificate_types.csv")],
    )  # fmt: skip


def random_document(seed: int, rows: int = 12) -> tuple[dict, list[str]]:
    """A document for a meeting in 2023-2026 with ``rows`` organisations per table, and its
    two statistics months."""
    rng = random.Random(seed)
    labels = fixture_labels()
    orgs = [r["key"] for r in _rows("organisations.csv") if r["kind"] != "operator"]
    groups = [r["key"] for r in _rows("vendor_groups.csv")]
    types = [r["code"] for r in _rows("certificate_types.csv")]
    meeting = dt.date(rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28))
    by_label = lambda keys: sorted(keys, key=lambda k: swedish_sort_key(labels.organisation(k)))  # noqa: E731
    chosen = by_label(rng.sample(orgs, min(rows, len(orgs))))

    def day(lo, hi):
        return meeting + dt.timedelta(days=rng.randint(lo, hi))

    windows = []
    for org in rng.sample(orgs, 5):
        starts = sorted({day(0, 290) for _ in range(rng.randint(1, 2))})
        for start in starts:
            end = start + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
            entry = {"org": org, "start": start.isoformat(), "end": end.isoformat()}
            if rng.random() < 0.3:
                entry |= {"start_time": "21:00", "end_time": "05:00"}
                entry["end"] = (start + dt.timedelta(days=1)).isoformat()
            windows.append(entry)
    month_ends = [meeting.replace(day=1) - dt.timedelta(days=1)]
    month_ends.insert(0, month_ends[0].replace(day=1) - dt.timedelta(days=1))
    months = [f"{d:%Y-%m}" for d in month_ends]
    counts, totals = [], []
    for month in months:
        everything: dict = {}
        for channel in ("all", "standalone"):
            for org in chosen:
                if channel == "all":
                    cells = {t: rng.randint(1, 45000 if t == "FK7804" else 900)
                             for t in types if rng.random() < 0.7}  # fmt: skip
                    everything[org] = cells
                else:  # Webcert Fristående is part of all channels
                    cells = {t: rng.randint(1, n) for t, n in everything[org].items()
                             if rng.random() < 0.4}  # fmt: skip
                counts += [{"month": month, "channel": channel, "org": org, "type": t,
                            "count": n} for t, n in cells.items()]  # fmt: skip
                if cells:
                    totals.append({"month": month, "channel": channel, "org": org,
                                   "total": sum(cells.values())})  # fmt: skip
    statuses = []
    for org in chosen:
        status = rng.choice(["done", "planned", "not_reported"])
        date = day(5, 200).isoformat() if status == "planned" else None
        statuses.append({"org": org, "status": status, "date": date,
                         "preliminary": status == "planned" and rng.random() < 0.5})  # fmt: skip
    document = {
        "schema": "webcert-forum-minutes/1",
        "meeting": {
            "date": meeting.isoformat(),
            "next_meeting": f"{day(80, 120).isoformat()}T13:00",
        },  # fmt: skip
        "attendance": [{"org": org, "present": rng.random() < 0.8} for org in chosen],
        "service_windows": windows,
        "release": {
            "version": f"{rng.randint(6, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 5)}",
            "name": f"{meeting.year}-{rng.randint(1, 3)}" + (" SP1" if rng.random() < 0.5 else ""),
            "date": day(3, 60).isoformat(),
            "user_impact": rng.choice([True, False]),
            "items": [
                f"Förbättring nummer {n} av {rng.choice(['intyg', 'sök', 'utskrift'])}"
                for n in range(rng.randint(1, 4))
            ],  # fmt: skip
            "release_notes_date": day(1, 3).isoformat(),
        },
        "connection_dates": [
            {"org": org, "dates": [day(-500, -10).isoformat()], "preliminary": False}
            for org in chosen
        ],
        "signing_tests": [
            {"vendor_group": g, "tested_by": rng.choice(chosen), "plan": None}
            if rng.random() < 0.5
            else {"vendor_group": g, "tested_by": None, "plan": rng.choice([None, "plan hösten"])}
            for g in sorted(groups, key=lambda g: swedish_sort_key(labels.vendor_group(g)))
        ],  # fmt: skip
        "signing_production": statuses,
        "certificate_counts": counts,
        "certificate_totals": totals,
        "warnings": [],
        "unresolved": [],
    }
    return document, months


def differences(drafted: dict, imported: dict) -> dict:
    """Per section the draft contains: what the import lacks and what it adds. Attendance
    counts only the answered rows (an unanswered row is blank in the draft); statistics cells
    compare as sets, since the deck regroups them into tables."""
    found = {}
    for key in SECTIONS:
        want, got = drafted.get(key), imported.get(key)
        if key == "attendance":
            want = [e for e in want or [] if e.get("present") is not None]
        if key in ("certificate_counts", "certificate_totals"):
            want, got = _sorted(want), _sorted(got)
        if not want and not got:
            continue
        if want != got:
            found[key] = {"drafted": want, "imported": got}
    if drafted["meeting"].get("next_meeting") != imported["meeting"].get("next_meeting"):
        found["next_meeting"] = (drafted["meeting"]["next_meeting"],
                                 imported["meeting"]["next_meeting"])  # fmt: skip
    return found


def _sorted(entries):
    return sorted(entries or [], key=lambda e: json.dumps(e, sort_keys=True))

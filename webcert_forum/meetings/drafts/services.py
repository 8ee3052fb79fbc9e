"""The next meeting's draft: its minutes document assembled from the database, then built
into a PowerPoint (``deck.build_deck``) and, where LibreOffice is installed, a PDF.

Only reads: building a draft never changes data. What the document holds is what the deck
prints, so the draft's PDF imports back to this same document.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from certificate_statistics.models import CertificateCount, CertificateTotal, CertificateType
from regions.models import Organisation, ServiceWindow
from regions.queries import latest_connection_dates
from releases.models import Release
from signing_rollout.models import VendorGroup
from signing_rollout.queries import current_statuses, latest_tests
from webcert_forum.importer.pipeline import SCHEMA

from ..models import Meeting, PlannedMeeting
from ..preparation import planned_on
from .deck import build_deck
from .wording import Labels, swedish_sort_key

CONVERT_TIMEOUT = 120  # seconds; a cold LibreOffice start takes about ten


class DraftError(ValueError):
    """A draft that cannot be made as asked (no meeting date, a month not YYYY-MM)."""


@dataclass
class Draft:
    meeting_date: dt.date
    months: list[str]
    document: dict
    pptx: bytes

    @property
    def filename(self) -> str:
        return f"webcert-anvandarforum-{self.meeting_date}-utkast"


def next_meeting_date() -> dt.date | None:
    """The day of the next meeting: as staff planned it when they moved the meeting the
    latest minutes announced, else as those minutes announced it. Only reads: the plan is
    made by the Nästa möte page, never by a draft."""
    latest = Meeting.objects.exclude(next_meeting=None).order_by("-date").first()
    if latest is None:
        return None
    plan = PlannedMeeting.objects.filter(announced_in=latest).first()
    return timezone.localdate(plan.starts_at if plan else latest.next_meeting)


def default_months(meeting_date: dt.date) -> list[str]:
    """The two months before the meeting's month, as the deck shows them."""
    first = meeting_date.replace(day=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    before = (previous - dt.timedelta(days=1)).replace(day=1)
    return [f"{before:%Y-%m}", f"{previous:%Y-%m}"]


def parse_months(text: str) -> list[str]:
    months = []
    for part in (p.strip() for p in text.split(",")):
        try:
            dt.date.fromisoformat(f"{part}-01")
        except ValueError:
            raise DraftError(f"'{part}' is not a month (YYYY-MM).") from None
        months.append(part)
    return sorted(set(months))


def labels_from_database() -> Labels:
    return Labels.from_rows(
        organisations=[
            (org.key, org.name, [a.alias for a in org.aliases.all()])
            for org in Organisation.objects.prefetch_related("aliases")
        ],
        vendor_groups=VendorGroup.objects.values_list("key", "name"),
        certificate_types=CertificateType.objects.order_by("position", "code").values_list(
            "code", "internal"
        ),
    )


def draft_document(meeting_date: dt.date, months: list[str], labels: Labels) -> dict:
    """The minutes document of the draft: every table as the data stands today, in the
    order the deck prints it."""
    short = lambda key: swedish_sort_key(labels.organisation(key))  # noqa: E731
    plan = planned_on(meeting_date)
    return {
        "schema": SCHEMA,
        "meeting": {"date": meeting_date.isoformat(), "next_meeting": None},
        "attendance": _attendance(plan),
        "service_windows": _service_windows(meeting_date),
        "release": _release(meeting_date),
        "connection_dates": sorted(_connection_dates(), key=lambda e: short(e["org"])),
        "signing_tests": sorted(
            _signing_tests(), key=lambda e: swedish_sort_key(labels.vendor_group(e["vendor_group"]))
        ),
        "signing_production": sorted(_signing_production(), key=lambda e: short(e["org"])),
        **_statistics(months, short),
        "warnings": [],
        "unresolved": [],
        # Only for the deck (the importer reads none of them back): who comes, the agenda
        # and the submitted questions of the planned meeting.
        "draft_attendees": _attendees(plan, labels),
        "draft_agenda": _agenda(plan, labels),
        "draft_questions": _questions(plan, labels),
    }


def draft_deck(meeting_date: dt.date | None = None, months: list[str] | None = None) -> Draft:
    """The draft of the meeting on ``meeting_date`` (by default the next meeting the latest
    minutes announced) with statistics for ``months`` (by default the two months before)."""
    meeting_date = meeting_date or next_meeting_date()
    if meeting_date is None:
        raise DraftError("No meeting date: no minutes announce a next meeting.")
    months = months or default_months(meeting_date)
    labels = labels_from_database()
    document = draft_document(meeting_date, months, labels)
    return Draft(meeting_date, months, document, build_deck(document, months, labels))


# --- the sections ------------------------------------------------------------------------


def _attendance(plan: PlannedMeeting | None) -> list[dict]:
    """The organisations of the latest minutes' participants list, then any other that
    answered; ``present`` is the answered notice's Ja/Nej, None (blank) where unanswered."""
    notices = _notices(plan)
    latest = Meeting.objects.filter(attendance__isnull=False).order_by("-date").first()
    listed = (
        [a.organisation for a in latest.attendance.select_related("organisation").order_by("pk")]
        if latest
        else []
    )
    keys = {org.key for org in listed}
    answered_only = sorted(
        (n.organisation for n in notices if n.organisation.key not in keys),
        key=lambda org: swedish_sort_key(org.name),
    )
    attends = {n.organisation.key: n.attends for n in notices}
    return [{"org": org.key, "present": attends.get(org.key)} for org in [*listed, *answered_only]]


def _notices(plan: PlannedMeeting | None) -> list:
    return list(plan.notices.select_related("organisation")) if plan else []


def _attendees(plan: PlannedMeeting | None, labels: Labels) -> list[str]:
    """Who each answering organisation sends, as the Deltagare slide's notes."""
    return [
        f"{labels.organisation(n.organisation.key, short=False)}: {n.attendees}"
        for n in _notices(plan)
        if n.attendees
    ]


def _agenda(plan: PlannedMeeting | None, labels: Labels) -> list[str]:
    """The agenda in its order: 'Punkt (ansvarig, organisation)'."""
    if plan is None:
        return []
    lines = []
    for item in plan.agenda.select_related("organisation").order_by("position", "pk"):
        org = labels.organisation(item.organisation.key, short=False) if item.organisation else ""
        by = ", ".join(part for part in (item.owner, org) if part)
        lines.append(f"{item.title} ({by})" if by else item.title)
    return lines


def _questions(plan: PlannedMeeting | None, labels: Labels) -> list[str]:
    """The submitted questions, oldest first: 'Fråga (organisation, frågeställare)'."""
    if plan is None:
        return []
    lines = []
    for question in plan.submitted_questions.select_related("organisation"):
        by = ", ".join(
            part
            for part in (
                labels.organisation(question.organisation.key, short=False),
                question.asked_by_name,
            )
            if part
        )
        lines.append(f"{' '.join(question.text.split())} ({by})")
    return lines


def _service_windows(meeting_date: dt.date) -> list[dict]:
    """Windows that end on or after the meeting date, grouped per organisation (the first
    window's order), each organisation's windows by date."""
    by_org: dict[str, list[dict]] = {}
    for w in ServiceWindow.objects.upcoming(meeting_date).select_related("organisation"):
        entry = {"org": w.organisation.key, "start": w.start_date.isoformat(),
                 "end": w.end_date.isoformat()}  # fmt: skip
        if w.start_time:
            entry["start_time"] = f"{w.start_time:%H:%M}"
        if w.end_time:
            entry["end_time"] = f"{w.end_time:%H:%M}"
        by_org.setdefault(w.organisation.key, []).append(entry)
    return [entry for entries in by_org.values() for entry in entries]


def _release(meeting_date: dt.date) -> dict | None:
    """The next release: the first one dated on or after the meeting."""
    release = Release.objects.filter(date__gte=meeting_date).order_by("date", "version").first()
    if release is None:
        return None
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "version": release.version,
        "name": release.name or None,
        "date": iso(release.date),
        "user_impact": release.user_impact,
        "items": list(release.items),
        "release_notes_date": iso(release.release_notes_date),
    }


def _connection_dates() -> list[dict]:
    return [
        {
            "org": e["organisation"].key,
            "dates": [c.iso for c in e["dates"]],
            "preliminary": any(c.preliminary for c in e["dates"]),
        }
        for e in latest_connection_dates()
    ]


def _signing_tests() -> list[dict]:
    return [
        {
            "vendor_group": t.vendor_group.key,
            "tested_by": t.tested_by.key if t.tested_by else None,
            "plan": None if t.tested_by else (t.plan or None),
        }
        for t in latest_tests()
    ]


def _signing_production() -> list[dict]:
    """Each organisation's current status: the latest minutes, or the region's own report
    when that is newer."""
    return [
        {
            "org": s.organisation.key,
            "status": s.status,
            "date": s.date.isoformat() if s.date else None,
            "preliminary": s.preliminary,
        }
        for s in current_statuses()
    ]


def _statistics(months: list[str], short) -> dict:
    """Counts and printed totals of the chosen months, all channels and Webcert Fristående;
    a row without a printed total gets the sum of its cells (the deck always has one)."""
    firsts = [dt.date.fromisoformat(f"{m}-01") for m in months]
    counts = [
        {
            "month": f"{c.month:%Y-%m}",
            "channel": c.channel,
            "org": c.organisation.key,
            "type": c.certificate_type.code,
            "count": c.count,
        }  # fmt: skip
        for c in CertificateCount.objects.filter(month__in=firsts).select_related(
            "organisation", "certificate_type"
        )
    ]
    printed = {
        (f"{t.month:%Y-%m}", t.channel, t.organisation.key): t.total
        for t in CertificateTotal.objects.filter(month__in=firsts).select_related("organisation")
    }
    rows: dict[tuple, int] = {}
    for c in counts:
        row = (c["month"], c["channel"], c["org"])
        rows[row] = rows.get(row, 0) + c["count"]
    for row in printed:
        rows.setdefault(row, 0)
    ordered = sorted(rows, key=lambda r: (r[0], r[1] != "all", short(r[2])))
    position = {row: n for n, row in enumerate(ordered)}
    counts.sort(key=lambda c: position[(c["month"], c["channel"], c["org"])])
    totals = [
        {
            "month": m,
            "channel": ch,
            "org": org,
            "total": printed.get((m, ch, org), rows[(m, ch, org)]),
        }
        for m, ch, org in ordered
        if printed.get((m, ch, org), rows[(m, ch, org)])
    ]
    return {"certificate_counts": counts, "certificate_totals": totals}


# --- PDF ---------------------------------------------------------------------------------


def soffice() -> str | None:
    """LibreOffice's command, where it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(pptx: bytes) -> bytes:
    """The deck as PDF through LibreOffice (``soffice --headless --convert-to pdf``), in a
    profile of its own so conversions do not wait for a running LibreOffice."""
    command = soffice()
    if command is None:
        raise DraftError("LibreOffice (soffice) is not installed.")
    with tempfile.TemporaryDirectory(prefix="draft-") as folder:
        source = Path(folder) / "utkast.pptx"
        source.write_bytes(pptx)
        try:
            result = subprocess.run(
                [
                    command,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                capture_output=True,
                timeout=CONVERT_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DraftError("LibreOffice took too long to convert the draft.") from None
        pdf = Path(folder) / "utkast.pdf"
        if result.returncode != 0 or not pdf.exists():
            raise DraftError(
                "LibreOffice could not convert the draft: "
                + result.stderr.decode(errors="replace")[-300:]
            )
        return pdf.read_bytes()

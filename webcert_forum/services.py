"""The one way a minutes document reaches the database, and the forum's own writes."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from certificate_statistics.services import load_certificate_types, save_certificate_counts
from regions.services import (
    load_organisations,
    organisations_by_key,
    save_connection_dates,
    save_service_windows,
)
from releases.services import save_incidents, save_release, save_timeline
from signing_rollout.services import (
    load_vendor_groups,
    save_production_statuses,
    save_signing_tests,
)
from webcert_forum.core.sync import Row, sync_rows

from .changes import ChangeSummary
from .models import Attendance, Meeting, Question, Slide

SCHEMA = "webcert-forum-minutes/1"
FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class DocumentRejected(ValueError):
    """The document cannot be saved as it is (unresolved labels, wrong schema)."""


def load_reference(fixtures_dir=FIXTURES_DIR):
    """Load or update the reference lists; safe to run any number of times."""
    with transaction.atomic():
        return {
            "organisations": load_organisations(Path(fixtures_dir) / "organisations.csv"),
            "vendor_groups": load_vendor_groups(Path(fixtures_dir) / "vendor_groups.csv"),
            "certificate_types": load_certificate_types(
                Path(fixtures_dir) / "certificate_types.csv"
            ),
        }


def check_document(document, orgs):
    if document.get("schema") != SCHEMA:
        raise DocumentRejected(f"Unknown document schema {document.get('schema')!r}.")
    if document.get("unresolved"):
        labels = ", ".join(sorted({str(u.get("label", u)) for u in document["unresolved"]}))
        raise DocumentRejected(f"Labels that match no organisation: {labels}.")
    referenced = set()
    for part in ("attendance", "service_windows", "connection_dates", "signing_production"):
        referenced |= {e["org"] for e in document.get(part, [])}
    referenced |= {e["org"] for e in document.get("certificate_counts", [])}
    referenced |= {e["org"] for e in document.get("certificate_totals", [])}
    referenced |= {e["tested_by"] for e in document.get("signing_tests", []) if e.get("tested_by")}
    unknown = sorted(referenced - orgs.keys())
    if unknown:
        raise DocumentRejected(f"Organisations not in the reference list: {', '.join(unknown)}.")


def save_minutes(document, user=None, *, source_file=None, sha256=""):
    """Write a minutes document in one transaction; returns what it created, updated and
    left unchanged per model. Saving the same document twice changes nothing."""
    summary = ChangeSummary(meeting_date=document["meeting"]["date"])
    with transaction.atomic():
        orgs = organisations_by_key()
        check_document(document, orgs)
        meeting = _save_meeting(document["meeting"], user, source_file, sha256, summary)
        _save_slides(meeting, document.get("slides", []), summary)
        _save_attendance(meeting, document.get("attendance", []), summary, orgs)
        save_service_windows(meeting, document.get("service_windows", []), summary, orgs)
        save_connection_dates(meeting, document.get("connection_dates", []), summary, orgs)
        save_release(meeting, document.get("release"), summary)
        save_incidents(meeting, document.get("incidents", []), summary)
        save_timeline(meeting, document.get("timeline", []), summary)
        save_signing_tests(meeting, document.get("signing_tests", []), summary, orgs)
        save_production_statuses(meeting, document.get("signing_production", []), summary, orgs)
        save_certificate_counts(
            meeting,
            document.get("certificate_counts", []),
            document.get("certificate_totals", []),
            summary,
            orgs,
        )
        _save_questions(meeting, document.get("questions", []), summary)
    return summary


def preview_minutes(document, user=None):
    """What save_minutes would do, computed by saving inside a transaction rolled back."""
    with transaction.atomic():
        summary = save_minutes(document, user)
        transaction.set_rollback(True)
    return summary


def _save_meeting(entry, user, source_file, sha256, summary):
    date = dt.date.fromisoformat(entry["date"])
    next_meeting = None
    if entry.get("next_meeting"):
        next_meeting = dt.datetime.fromisoformat(entry["next_meeting"])
        if timezone.is_naive(next_meeting):
            next_meeting = timezone.make_aware(next_meeting)
    meeting, created = Meeting.objects.get_or_create(
        date=date, defaults={"next_meeting": next_meeting}
    )
    if created:
        summary.created("webcert_forum.Meeting", f"Möte {date}")
    elif meeting.next_meeting != next_meeting:
        old = meeting.next_meeting
        meeting.next_meeting = next_meeting
        meeting.save(update_fields=["next_meeting"])
        summary.updated(
            "webcert_forum.Meeting",
            f"Nästa möte efter {date}",
            old=old.isoformat() if old else None,
            new=entry.get("next_meeting"),
        )
    else:
        summary.unchanged("webcert_forum.Meeting")
    if source_file is not None and sha256 != meeting.source_sha256:
        meeting.source_file = source_file
        meeting.source_sha256 = sha256
        meeting.imported_by = user
        meeting.imported_at = timezone.now()
        meeting.save()
    return meeting


def _save_slides(meeting, entries, summary):
    rows = []
    for e in entries:
        values = {"title": (e.get("title") or "")[:300], "text": e.get("text") or ""}
        rows.append(Row(e["number"], values, f"Bild {e['number']}: {values['title']}"))
    sync_rows(
        summary,
        "webcert_forum.Slide",
        {s.number: s for s in Slide.objects.filter(meeting=meeting)},
        rows,
        create=lambda row: Slide.objects.create(meeting=meeting, number=row.key, **row.values),
        deleted=lambda gone: f"Bild {gone.number}: {gone.title}",
    )


def _save_attendance(meeting, entries, summary, orgs):
    rows = []
    for e in entries:
        org = orgs[e["org"]]
        label = f"Närvaro {org}"
        created = f"{label}: {'Ja' if e['present'] else 'Nej'}"
        rows.append(Row(org.pk, {"present": e["present"]}, created, label))
    sync_rows(
        summary,
        "webcert_forum.Attendance",
        {a.organisation_id: a for a in Attendance.objects.filter(meeting=meeting)},
        rows,
        create=lambda row: Attendance.objects.create(
            meeting=meeting, organisation_id=row.key, **row.values
        ),
        describe=lambda a: a.present,
        deleted=lambda gone: f"Närvaro {gone.organisation}",
    )


def _save_questions(meeting, entries, summary):
    """Questions the minutes follow up; created once, then kept up to date by staff."""
    model = "webcert_forum.Question"
    for e in entries:
        asked_on = dt.date.fromisoformat(e["asked_on"]) if e.get("asked_on") else None
        if Question.objects.filter(text=e["text"], asked_on=asked_on).exists():
            summary.unchanged(model)
            continue
        Question.objects.create(
            meeting=meeting,
            asked_on=asked_on,
            text=e["text"],
            slide_number=e.get("slide"),
            answer=e.get("answer") or "",
        )
        summary.created(model, f"Fråga: {e['text'][:60]}")

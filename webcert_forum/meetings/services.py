"""The one way a minutes document reaches the database, and the forum's own writes."""

import datetime as dt
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from certificate_statistics.services import load_certificate_types
from regions.services import load_organisations, organisations_by_key
from signing_rollout.services import load_vendor_group_members, load_vendor_groups
from webcert_forum.core.sync import Row, sync_meeting_rows
from webcert_forum.core.transactions import rolled_back
from webcert_forum.importer.parts import organisation_fields, registered
from webcert_forum.importer.pipeline import SCHEMA

from .changes import since_previous
from .models import Answer, Attendance, Meeting, NewsItem, Question, Slide
from .news import news_from_slides
from .pictures import render_pictures
from .questions import same_question
from .summary import ChangeSummary

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class DocumentRejected(ValueError):
    """The document cannot be saved as it is (unresolved labels, wrong schema)."""


def load_reference(fixtures_dir=FIXTURES_DIR):
    """Load or update the reference lists; safe to run any number of times. A list that names
    something unknown raises ReferenceListError and nothing is loaded (one transaction)."""
    fixtures_dir = Path(fixtures_dir)
    with transaction.atomic():
        result = {
            "organisations": load_organisations(fixtures_dir / "organisations.csv"),
            "vendor_groups": load_vendor_groups(fixtures_dir / "vendor_groups.csv"),
            "certificate_types": load_certificate_types(fixtures_dir / "certificate_types.csv"),
        }
        result["vendor_group_members"] = load_vendor_group_members(
            fixtures_dir / "vendor_group_members.csv", organisations_by_key()
        )
        return result


def check_document(document, orgs):
    if document.get("schema") != SCHEMA:
        raise DocumentRejected(f"Okänt dokumentformat {document.get('schema')!r}.")
    if document.get("unresolved"):
        labels = ", ".join(sorted({str(u.get("label", u)) for u in document["unresolved"]}))
        raise DocumentRejected(f"Namn som inte matchar någon organisation: {labels}.")
    referenced = {
        entry[field]
        for key, field in organisation_fields().items()
        for entry in document.get(key) or []
        if entry.get(field)
    }
    unknown = sorted(referenced - orgs.keys())
    if unknown:
        raise DocumentRejected(f"Organisationer som saknas i referenslistan: {', '.join(unknown)}.")


def save_minutes(document, user=None, *, source_file=None, sha256=""):
    """Write a minutes document in one transaction; returns what it created, updated and
    left unchanged per model. Saving the same document twice changes nothing."""
    summary = ChangeSummary(meeting_date=document["meeting"]["date"])
    with transaction.atomic():
        orgs = organisations_by_key()
        check_document(document, orgs)
        saved_sha = (
            Meeting.objects.filter(date=document["meeting"]["date"])
            .values_list("source_sha256", flat=True)
            .first()
        )
        meeting = _save_meeting(document["meeting"], user, source_file, sha256, summary)
        _save_slides(meeting, document.get("slides", []), summary)
        _save_news(meeting, summary)
        if source_file is not None and (
            saved_sha != sha256 or meeting.slides.filter(picture="").exists()
        ):
            transaction.on_commit(partial(_draw_pictures, meeting, summary))
        for part in registered():
            if part.save:
                import_string(part.save)(meeting, *part.values(document), summary, orgs)
        summary.since_previous = since_previous(meeting)
    return summary


def _draw_pictures(meeting, summary):
    """Runs once the minutes are committed: drawing may take the cage's whole wall limit,
    and neither the database nor a waiting confirmation should be held that long."""
    with meeting.source_file.open("rb") as handle:
        summary.pictures_error = render_pictures(meeting, handle.read()) or ""


def preview_minutes(document, user=None):
    """What save_minutes would do, computed by saving inside a transaction rolled back."""
    with rolled_back():
        return save_minutes(document, user)


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
    sync_meeting_rows(
        summary,
        Slide,
        meeting,
        "number",
        rows,
        deleted=lambda gone: f"Bild {gone.number}: {gone.title}",
    )


def _save_news(meeting, summary):
    rows = [
        Row(
            position,
            {
                "title": item["title"][:300],
                "text": item["text"],
                "links": item["links"],
                "slide_number": item["slide"],
            },
            f"Nyhet: {item['title'][:60]}",
        )
        for position, item in enumerate(news_from_slides(meeting.slides.order_by("number")), 1)
    ]
    sync_meeting_rows(
        summary,
        NewsItem,
        meeting,
        "position",
        rows,
        deleted=lambda gone: f"Nyhet: {gone.title[:60]}",
    )


def save_attendance(meeting, entries, summary, orgs):
    rows = []
    for e in entries:
        org = orgs[e["org"]]
        label = f"Närvaro {org}"
        rows.append(Row(org.pk, {"present": e["present"]}, label, new=_presence(e["present"])))
    sync_meeting_rows(
        summary,
        Attendance,
        meeting,
        "organisation_id",
        rows,
        describe=lambda a: _presence(a.present),
        deleted=lambda gone: f"Närvaro {gone.organisation}",
    )


def _presence(present):
    return "närvarande" if present else "frånvarande"


def save_questions(meeting, entries, summary, orgs=None):
    """Questions the minutes follow up. A question asked again at a later meeting is the same
    question: the new meeting's answer is added to it, and its status follows the answers."""
    model = "webcert_forum.Question"
    known = {same_question(q.text): q for q in Question.objects.order_by("meeting__date", "id")}
    for e in entries:
        asked_on = dt.date.fromisoformat(e["asked_on"]) if e.get("asked_on") else None
        question = known.get(same_question(e["text"]))
        created = question is None
        if created:
            question = Question.objects.create(
                meeting=meeting, asked_on=asked_on, text=e["text"], slide_number=e.get("slide")
            )
            known[same_question(e["text"])] = question
        answer = e.get("answer") or ""
        answered = bool(answer) and not question.answers.filter(meeting=meeting).exists()
        if answered:
            Answer.objects.create(question=question, meeting=meeting, text=answer)
            old_status = question.get_status_display()
            question.follow_answers(list(question.answers.select_related("meeting")))
            question.save()
        if created:
            summary.created(model, f"Fråga: {e['text'][:60]}")
        elif answered:
            summary.updated(
                model,
                f"Fråga: {e['text'][:60]}",
                old=old_status,
                new=f"{question.get_status_display()}: {answer}",
            )
        else:
            summary.unchanged(model)

"""Import runs: a minutes PDF is parsed once, previewed, then saved exactly as previewed.

The management command and the upload pages both come through here, so the parser, the
reference lists and the save step are the same whichever way a deck arrives.
"""

import copy
import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from webcert_forum.importer import parse_minutes
from webcert_forum.importer.cover import deck_meeting_date
from webcert_forum.importer.parts import organisation_fields

from ..models import ImportRun, Meeting
from ..services import DocumentRejected, preview_minutes, save_minutes
from .reference import reference_from_database


class ImportAlreadyDone(Exception):
    """The run was saved or discarded already (a second click, another tab)."""

    def __init__(self, run):
        self.run = run
        super().__init__(f"Import {run.pk} is {run.status}.")


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def parse(data, meeting_date=None):
    """The minutes document of PDF bytes, labels resolved with the database's lists."""
    return parse_minutes(data, meeting_date, reference=reference_from_database())


def display_name(name):
    """The uploaded file's name as harmless display text: never used as a path."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip(" .")
    return name[:200] or "protokoll.pdf"


def source_file_for(data, meeting_date):
    """A copy of the PDF for the meeting, under a name the app chooses."""
    return ContentFile(data, name=f"webcert-anvandarforum-{meeting_date}.pdf")


def unresolved_labels(document, kind=None):
    return [u for u in document.get("unresolved", []) if kind is None or u.get("kind") == kind]


def unresolved_line(document):
    labels = sorted({u["label"] for u in unresolved_labels(document)})
    return "Labels that match no organisation: " + ", ".join(labels) + "."


def start_import(data, original_name, user, meeting_date=None):
    """Parse an upload and keep it as a preview. Raises ``MinutesImportError``; nothing is
    stored then."""
    document = parse(data, meeting_date)
    run = ImportRun(
        original_name=display_name(original_name),
        sha256=sha256_of(data),
        meeting_date=dt.date.fromisoformat(document["meeting"]["date"]),
        document=document,
        uploaded_by=user,
    )
    # A generated name: the uploaded name may hold "../" or anything else.
    run.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(data), save=False)
    run.summary = _preview(document, user)
    run.save()
    return run


def doubts(run):
    """Why the person confirming should look twice (Swedish): the same file is already saved,
    or the deck names another date than the one the run is saved under."""
    found = []
    for meeting in Meeting.objects.filter(source_sha256=run.sha256).exclude(date=run.meeting_date):
        found.append(
            f"Samma fil (samma SHA-256) är redan sparad som mötet {meeting.date:%Y-%m-%d}. "
            "Sparas den igen blir den ett möte till, med samma innehåll."
        )
    slides = [SimpleNamespace(**s) for s in run.document.get("slides", [])]
    own = deck_meeting_date(slides)
    if own and own != run.meeting_date:
        found.append(
            f"Protokollet anger själv mötesdatumet {own:%Y-%m-%d}, men importen sparas som "
            f"{run.meeting_date:%Y-%m-%d}. Kontrollera mötesdatumet."
        )
    return found


def _preview(document, user):
    """The stored preview: computed once, because a first import touches ~700 rows."""
    if unresolved_labels(document):
        return {}
    try:
        return preview_minutes(document, user).as_dict()
    except DocumentRejected as error:
        return {"rejected": str(error)}


def map_labels(run, mapping, user):
    """Map unresolved organisation labels (label -> Organisation): each becomes an alias
    for later imports, and this run's stored document is resolved without parsing again."""
    from regions.services import add_alias

    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportRun.Status.PREVIEW:
            raise ImportAlreadyDone(run)
        for label, organisation in mapping.items():
            add_alias(organisation, label)
        run.document = resolve_document(
            run.document, {label: org.key for label, org in mapping.items()}
        )
        run.summary = _preview(run.document, user)
        run.save(update_fields=["document", "summary"])
    return run


def resolve_document(document, keys):
    """The document with organisation labels replaced by keys (label -> key)."""
    document = copy.deepcopy(document)
    for part, field in organisation_fields().items():
        for entry in document.get(part) or []:
            if entry.get(field) in keys:
                entry[field] = keys[entry[field]]
    document["unresolved"] = [
        u
        for u in document.get("unresolved", [])
        if not (u.get("kind") == "organisation" and u.get("label") in keys)
    ]
    return document


def confirm_import(run, user):
    """Save the stored document (the one previewed, not a new parse). The row lock makes a
    second confirmation wait, then find the run saved and raise ``ImportAlreadyDone``."""
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportRun.Status.PREVIEW:
            raise ImportAlreadyDone(run)
        with run.file.open("rb") as handle:
            data = handle.read()
        summary = save_minutes(
            run.document,
            user,
            source_file=source_file_for(data, run.document["meeting"]["date"]),
            sha256=run.sha256,
        )
        run.status = ImportRun.Status.SAVED
        run.summary = summary.as_dict()
        run.saved_at = timezone.now()
        run.meeting = _meeting_of(run)
        run.save()
    return run, summary


def _meeting_of(run):
    return Meeting.objects.get(date=run.document["meeting"]["date"])


def discard_import(run):
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportRun.Status.PREVIEW:
            raise ImportAlreadyDone(run)
        run.status = ImportRun.Status.DISCARDED
        run.save(update_fields=["status"])
    return run

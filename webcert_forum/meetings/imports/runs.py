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
from functools import partial
from types import SimpleNamespace

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from webcert_forum.importer.cage import Limits
from webcert_forum.importer.cover import deck_meeting_date
from webcert_forum.importer.parts import organisation_fields

from ..models import ImportRun, Meeting
from ..services import DocumentRejected, preview_minutes, save_minutes
from .reference import reference_from_database
from .untrusted import parse_untrusted


class ImportAlreadyDone(Exception):
    """The run was saved or discarded already (a second click, another tab)."""

    def __init__(self, run):
        self.run = run
        super().__init__(f"Import {run.pk} is {run.status}.")


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def parse(data, meeting_date=None):
    """The minutes document of PDF bytes, labels resolved with the database's lists, and the
    sanitised copy of the PDF to keep. Read in the cage: the bytes come from outside."""
    return parse_untrusted(data, meeting_date, reference_from_database(), parse_limits())


def parse_limits():
    return Limits(
        memory_bytes=settings.MINUTES_PARSE_MEMORY_BYTES,
        wall_seconds=settings.MINUTES_PARSE_WALL_SECONDS,
        cpu_seconds=settings.MINUTES_PARSE_CPU_SECONDS,
    )


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
    document, kept = parse(data, meeting_date)
    run = ImportRun(
        original_name=display_name(original_name),
        sha256=sha256_of(data),
        meeting_date=dt.date.fromisoformat(document["meeting"]["date"]),
        document=document,
        uploaded_by=user,
        summary=_preview(document, user),
    )
    # Written last, once the run is complete, and removed if the row cannot be saved: no
    # file without its run. A generated name: the uploaded one may hold "../" or anything.
    run.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(kept), save=False)
    try:
        run.save()
    except BaseException:
        run.file.delete(save=False)
        raise
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
        # After save_minutes's own callback, which draws the pictures once committed: only
        # then is it known whether they failed.
        transaction.on_commit(partial(_keep_pictures_error, run, summary))
    return run, summary


def _keep_pictures_error(run, summary):
    """The stored run keeps why the pictures could not be drawn: the message shown at the
    confirmation is gone by the time someone wonders why a meeting has no pictures."""
    if summary.pictures_error:
        run.summary["pictures_error"] = summary.pictures_error
        run.save(update_fields=["summary"])


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


def clean_old_uploads(older_than):
    """Delete the kept PDFs no one can act on any more: of discarded runs, of previews left
    unconfirmed, and files no run refers to (a crash between writing and saving), all older
    than ``older_than`` (a timedelta). Saved runs keep theirs. Returns (runs, files) deleted."""
    cutoff = timezone.now() - older_than
    runs = 0
    stale = ImportRun.objects.filter(created_at__lt=cutoff).exclude(status=ImportRun.Status.SAVED)
    for run in stale.exclude(file=""):
        run.file.delete(save=False)
        run.status = ImportRun.Status.DISCARDED
        run.save(update_fields=["file", "status"])
        runs += 1
    return runs, _delete_unreferenced(cutoff)


def _delete_unreferenced(cutoff):
    storage = ImportRun._meta.get_field("file").storage
    folder = ImportRun._meta.get_field("file").upload_to
    try:
        _, names = storage.listdir(folder)
    except FileNotFoundError:
        return 0
    referenced = set(ImportRun.objects.exclude(file="").values_list("file", flat=True))
    deleted = 0
    for name in names:
        path = f"{folder}{name}"
        if path not in referenced and storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            deleted += 1
    return deleted

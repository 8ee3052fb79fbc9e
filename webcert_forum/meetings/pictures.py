"""A picture of every slide, rendered from the minutes PDF when it is saved, so the meeting
page shows the deck as it was presented (tables, charts, logos) and not only its text.

Stored beside the PDF (minutes/webcert-anvandarforum-DATE/bild-NN.jpg and a small copy for
the thumbnail); served by the meeting's own views, behind the login like the PDF.

Drawn in the importer's cage (imports/untrusted.py: render_untrusted), with the same limits
as the parse: the PDF came from outside. A tripped limit costs the pictures, not the minutes:
they stay saved, the person is told why in Swedish, and the meeting page shows the slides'
text instead."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from webcert_forum.importer.cage import Limits
from webcert_forum.importer.errors import MinutesImportError

from .imports.untrusted import render_untrusted

# Wide enough to read a statistics table on a large screen; the thumbnail fits a phone.
FULL_WIDTH = 1600
THUMBNAIL_WIDTH = 480
MAX_PAGES = 200

# Why the pictures could not be made, by the cage's error code.
_REASONS = {
    "memory_limit": "ritningen krävde mer minne än minnesgränsen ({detail})",
    "time_limit": "ritningen tog längre tid än tidsgränsen ({detail})",
}


def folder(meeting):
    return f"webcert-anvandarforum-{meeting.date:%Y-%m-%d}"


def render_limits():
    return Limits(
        memory_bytes=settings.MINUTES_PARSE_MEMORY_BYTES,
        wall_seconds=settings.MINUTES_PARSE_WALL_SECONDS,
        cpu_seconds=settings.MINUTES_PARSE_CPU_SECONDS,
    )


def render_pictures(meeting, data):
    """Render each page of `data` (the meeting's PDF) onto the slide with its number. Returns
    None, or the Swedish sentence saying why there are no pictures (the slides are kept)."""
    slides = {s.number: s for s in meeting.slides.all() if s.number <= MAX_PAGES}
    if not slides:
        return None
    out = Path(tempfile.mkdtemp(prefix="bilder-"))
    try:
        try:
            drawn = render_untrusted(
                data, list(slides), str(out), FULL_WIDTH, THUMBNAIL_WIDTH, render_limits()
            )
        except MinutesImportError as error:
            _forget_pictures(slides.values())  # a picture of an earlier PDF would mislead
            return failure_message(error)
        for number in drawn:
            slide = slides.get(number)  # the child's answer is data: only pages we asked for
            if slide is None:
                continue
            name = f"{folder(meeting)}/bild-{number:02d}"
            full = (out / f"bild-{number:02d}.jpg").read_bytes()
            small = (out / f"bild-{number:02d}-liten.jpg").read_bytes()
            slide.picture.save(f"{name}.jpg", ContentFile(full), save=False)
            slide.thumbnail.save(f"{name}-liten.jpg", ContentFile(small), save=False)
            slide.save(update_fields=["picture", "thumbnail"])
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return None


def _forget_pictures(slides):
    for slide in slides:
        if slide.picture or slide.thumbnail:
            slide.picture.delete(save=False)
            slide.thumbnail.delete(save=False)
            slide.save(update_fields=["picture", "thumbnail"])


def failure_message(error):
    reason = _REASONS.get(error.code, "PDF-filen gick inte att rita upp").format(
        detail=error.detail
    )
    return (
        f"Protokollet är sparat, men bilderna av bildspelet kunde inte skapas: {reason}. "
        "Mötessidan visar bildernas text i stället."
    )

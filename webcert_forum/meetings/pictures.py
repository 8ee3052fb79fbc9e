"""A picture of every slide, rendered from the minutes PDF when it is saved, so the meeting
page shows the deck as it was presented (tables, charts, logos) and not only its text.

Stored beside the PDF (minutes/webcert-anvandarforum-DATE/bild-NN.jpg and a small copy for
the thumbnail); served by the meeting's own views, behind the login like the PDF."""

import io

import pypdfium2 as pdfium
from django.core.files.base import ContentFile

# Wide enough to read a statistics table on a large screen; the thumbnail fits a phone.
FULL_WIDTH = 1600
THUMBNAIL_WIDTH = 480
MAX_PAGES = 200


def folder(meeting):
    return f"webcert-anvandarforum-{meeting.date:%Y-%m-%d}"


def _jpeg(image, width):
    scaled = image.resize((width, round(image.height * width / image.width)))
    buffer = io.BytesIO()
    scaled.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def render_pictures(meeting, data):
    """Render each page of `data` (the meeting's PDF) onto the slide with its number."""
    slides = {s.number: s for s in meeting.slides.all()}
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(min(len(pdf), MAX_PAGES)):
            slide = slides.get(index + 1)
            if slide is None:
                continue
            page = pdf[index]
            width = page.get_width()
            image = page.render(scale=FULL_WIDTH / width if width else 2).to_pil()
            page.close()
            name = f"{folder(meeting)}/bild-{slide.number:02d}"
            slide.picture.save(f"{name}.jpg", ContentFile(_jpeg(image, FULL_WIDTH)), save=False)
            slide.thumbnail.save(
                f"{name}-liten.jpg", ContentFile(_jpeg(image, THUMBNAIL_WIDTH)), save=False
            )
            slide.save(update_fields=["picture", "thumbnail"])
    finally:
        pdf.close()

"""Small PDFs for the import tests, drawn with reportlab."""

import io

from reportlab.pdfgen import canvas

PAGE = (960.0, 540.0)


def attendance_deck(rows, title=None):
    """A forum deck with the participants table, rows of (label, 'Ja'/'Nej'), after a title
    slide when ``title`` is given."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE)
    if title:
        pdf.setFont("Helvetica-Bold", 32)
        pdf.drawString(40, 300, title)
        pdf.showPage()
    draw_attendance(pdf, rows)
    pdf.save()
    return buffer.getvalue()


def draw_attendance(pdf, rows):
    """The participants slide, rows of (label, 'Ja'/'Nej'), as the next page of ``pdf``."""
    pdf.setPageSize(PAGE)
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawString(40, 480, "Deltagare")
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 420, "Region")
    pdf.drawString(360, 420, "Närvarande")
    pdf.setFont("Helvetica", 14)
    for index, (label, mark) in enumerate(rows):
        y = 395 - 22 * index
        pdf.drawString(60, y, label)
        pdf.drawString(360, y, mark)
    pdf.showPage()


def slides_pdf(*titles, encrypt=None):
    """A PDF with one title per page and nothing a forum deck has (unless a title says so)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE, encrypt=encrypt)
    for title in titles:
        pdf.setFont("Helvetica-Bold", 28)
        pdf.drawString(40, 480, title)
        pdf.setFont("Helvetica", 14)
        pdf.drawString(40, 400, "Lorem ipsum dolor sit amet.")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()

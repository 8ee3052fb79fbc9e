"""Nästa möte → Skapa protokollutkast: staff download the next meeting's draft deck."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from webcert_forum.core.permissions import is_staff_member

from .forms import DraftForm
from .services import (
    DraftError,
    convert_to_pdf,
    default_months,
    draft_deck,
    next_meeting_date,
    soffice,
)

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def draft(request):
    if not is_staff_member(request.user):
        raise PermissionDenied("Endast Inera-personal skapar protokollutkast.")
    pdf_available = soffice() is not None
    error = None
    if "months" in request.GET:
        form = DraftForm(request.GET, pdf_available=pdf_available)
        if form.is_valid():
            data = form.cleaned_data
            made = draft_deck(data["meeting_date"], data["months"])
            try:
                return _download(made, data["format"])
            except DraftError:
                error = "PDF-konverteringen misslyckades. Ladda ner PowerPoint-filen i stället."
    else:
        date = next_meeting_date()
        initial = {"format": "pptx"}
        if date:
            initial |= {"meeting_date": date, "months": ",".join(default_months(date))}
        form = DraftForm(initial=initial, pdf_available=pdf_available)
    return render(
        request,
        "webcert_forum/draft_form.html",
        {"form": form, "pdf_available": pdf_available, "error": error},
    )


def _download(made, kind):
    if kind == "pdf":
        body, content_type = convert_to_pdf(made.pptx), "application/pdf"
    else:
        body, content_type = made.pptx, PPTX
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}.{kind}"'
    return response

from django import forms
from django.utils import timezone

from .models import ProductionStatus


class ProductionStatusReportForm(forms.Form):
    """A region's production date. The organisation is never a field: it comes from the URL
    and is checked against the user on the server."""

    status = forms.ChoiceField(
        label="Status",
        choices=[
            (ProductionStatus.Status.PLANNED, "Planerat"),
            (ProductionStatus.Status.DONE, "Klart (i produktion)"),
        ],
        widget=forms.RadioSelect,
    )
    date = forms.DateField(
        label="Datum",
        required=False,
        help_text="Planerat datum, eller datum då ni gick i produktion (ÅÅÅÅ-MM-DD).",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Ange ett datum som ÅÅÅÅ-MM-DD."},
    )
    preliminary = forms.BooleanField(label="Preliminärt datum", required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ProductionStatus.Status.PLANNED and not cleaned.get("date"):
            self.add_error("date", "Ange det planerade datumet.")
        if cleaned.get("status") == ProductionStatus.Status.DONE:
            # A "done" report overrides the minutes, so it must be a fact: a day that has been.
            day = cleaned.get("date")
            if not day and "date" not in self.errors:
                self.add_error("date", "Ange datumet då ni gick i produktion.")
            elif day and day > timezone.localdate():
                self.add_error(
                    "date",
                    "Ett datum i framtiden kan inte vara klart. Välj Planerat, "
                    "eller ange datumet då ni gick i produktion.",
                )
        return cleaned

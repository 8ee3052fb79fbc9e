from django import forms

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
        return cleaned

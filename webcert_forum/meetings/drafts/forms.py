from django import forms

from .services import DraftError, parse_months


class DraftForm(forms.Form):
    meeting_date = forms.DateField(
        label="Mötesdatum", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    months = forms.CharField(
        label="Statistikmånader",
        help_text="ÅÅÅÅ-MM, flera med komma: 2022-04,2022-05",
        max_length=200,
    )
    format = forms.ChoiceField(
        label="Format",
        choices=[("pptx", "PowerPoint (.pptx)"), ("pdf", "PDF")],
        widget=forms.RadioSelect,
        initial="pptx",
    )

    def __init__(self, *args, pdf_available=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not pdf_available:
            self.fields["format"].choices = [("pptx", "PowerPoint (.pptx)")]

    def clean_months(self):
        try:
            months = parse_months(self.cleaned_data["months"])
        except DraftError:
            raise forms.ValidationError("Ange månader som ÅÅÅÅ-MM, med komma emellan.") from None
        if len(months) > 12:
            raise forms.ValidationError("Högst tolv månader.")
        return months

from django import forms
from django.conf import settings

from regions.models import Organisation
from webcert_forum.importer import SWEDISH_MESSAGES

from .models import Meeting, Question


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "asked_by", "asked_on", "slide_number", "status", "answer", "answered_at"]
        labels = {
            "text": "Fråga",
            "asked_by": "Ställd av (organisation)",
            "asked_on": "Ställd datum",
            "slide_number": "Bild",
            "answer": "Svar",
            "answered_at": "Besvarad på mötet",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "answer": forms.Textarea(attrs={"rows": 4}),
            "asked_on": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {"text": {"required": "Skriv frågan."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asked_by"].queryset = Organisation.objects.order_by("name")
        self.fields["asked_by"].empty_label = "Okänd"
        self.fields["answered_at"].queryset = Meeting.objects.order_by("-date")
        self.fields["answered_at"].empty_label = "Inget möte"
        self.fields["asked_on"].error_messages["invalid"] = "Ange ett datum som ÅÅÅÅ-MM-DD."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Question.Status.ANSWERED:
            if not (cleaned.get("answer") or "").strip():
                self.add_error("answer", "En besvarad fråga behöver ett svar.")
            if not cleaned.get("answered_at"):
                self.add_error("answered_at", "Ange på vilket möte frågan besvarades.")
        asked = self.instance.meeting if self.instance.meeting_id else None
        answered_at = cleaned.get("answered_at")
        if asked and answered_at and answered_at.date < asked.date:
            self.add_error("answered_at", "Frågan kan inte besvaras före mötet där den ställdes.")
        return cleaned


PDF_SIGNATURE = b"%PDF-"


def megabytes(n):
    return f"{n / (1024 * 1024):.0f} MB"


def too_large_text():
    limit = settings.MINUTES_MAX_UPLOAD_BYTES
    return f"{SWEDISH_MESSAGES['too_large']} Största tillåtna storlek är {megabytes(limit)}."


class MinutesUploadForm(forms.Form):
    file = forms.FileField(
        label="Protokoll (PDF)",
        error_messages={"required": "Välj en PDF-fil.", "empty": SWEDISH_MESSAGES["empty"]},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    meeting_date = forms.DateField(
        label="Mötesdatum",
        required=False,
        help_text="ÅÅÅÅ-MM-DD. Kan lämnas tomt om protokollet själv anger mötesdatum.",
        error_messages={"invalid": "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2022-06-01."},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def refuse_as_too_large(self):
        """The upload handler stopped reading the body at the limit: say so, not "choose a
        file"."""
        self.is_valid()
        self.errors.pop("file", None)
        self.add_error("file", too_large_text())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The upload handler stops at the limit already; this holds if it is ever replaced.
        if upload.size > settings.MINUTES_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_text())
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if not head:
            raise forms.ValidationError(SWEDISH_MESSAGES["empty"])
        if PDF_SIGNATURE not in head:
            raise forms.ValidationError(SWEDISH_MESSAGES["not_pdf"])
        # Active content is looked for in the parse's cage (importer/cage.py), not here: the
        # object walk reads hostile structure too.
        return upload


class LabelMappingForm(forms.Form):
    """One organisation select per label of the minutes that matched none."""

    def __init__(self, *args, labels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = {}
        # One query for every select, however many labels there are.
        self.organisations = {o.key: o for o in Organisation.objects.order_by("name")}
        choices = [("", "– välj organisation –")] + [
            (key, org.name) for key, org in self.organisations.items()
        ]
        for index, label in enumerate(labels):
            name = f"label_{index}"
            self.labels[name] = label
            self.fields[name] = forms.ChoiceField(
                choices=choices,
                label=label,
                required=False,
                error_messages={"invalid_choice": "Välj en organisation i listan."},
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in self.labels):
            raise forms.ValidationError("Välj en organisation för minst en etikett.")
        return cleaned

    def mapping(self):
        """label -> Organisation for the labels given one."""
        return {
            label: self.organisations[self.cleaned_data[name]]
            for name, label in self.labels.items()
            if self.cleaned_data.get(name)
        }

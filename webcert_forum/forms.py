from django import forms

from regions.models import Organisation

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

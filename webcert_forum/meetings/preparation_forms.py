"""Forms for preparing the next meeting and for choosing e-mail notices."""

from django import forms

from regions.models import Organisation

from .models import AgendaItem, NoticePreference, PlannedMeeting

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class PlanForm(forms.ModelForm):
    teams_link = forms.URLField(
        label="Teams-länk",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Ange en fullständig webbadress (https://…)."},
    )

    class Meta:
        model = PlannedMeeting
        fields = ["starts_at", "ends_at", "place", "teams_link"]
        labels = {
            "starts_at": "Börjar (datum och tid)",
            "ends_at": "Slutar (datum och tid)",
            "place": "Plats",
        }
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        error_messages = {
            "starts_at": {
                "required": "Ange när mötet börjar.",
                "invalid": "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM.",
            },
            "ends_at": {"invalid": "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM."},
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "Mötet kan inte sluta innan det börjar.")
        return cleaned


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "owner", "organisation"]
        labels = {
            "position": "Ordning",
            "title": "Punkt",
            "owner": "Ansvarig",
            "organisation": "Organisation (valfri)",
        }
        error_messages = {"title": {"required": "Skriv punkten."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = "Ingen"


class AttendanceNoticeForm(forms.Form):
    attends = forms.TypedChoiceField(
        label="Deltar ni?",
        choices=[("ja", "Ja, vi deltar"), ("nej", "Nej, vi deltar inte")],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Svara ja eller nej."},
    )
    attendees = forms.CharField(
        label="Vem deltar?",
        required=False,
        max_length=500,
        help_text="Namn, åtskilda med kommatecken.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attends") and not (cleaned.get("attendees") or "").strip():
            self.add_error("attendees", "Skriv vem som deltar.")
        return cleaned


class SubmittedQuestionForm(forms.Form):
    text = forms.CharField(
        label="Fråga",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Skriv frågan."},
    )
    asked_by_name = forms.CharField(label="Frågeställare (namn)", max_length=200, required=False)


class NoticePreferenceForm(forms.ModelForm):
    class Meta:
        model = NoticePreference
        fields = ["reminders", "new_minutes"]
        labels = {
            "reminders": "Påminnelser inför nästa möte (anmälan och servicefönster)",
            "new_minutes": "Nya minnesanteckningar med ändringarna sedan förra mötet",
        }

"""Forms of the regions app: a service window as a region editor or Inera staff enter it."""

from django import forms
from django.utils import timezone

from .models import Organisation, ServiceWindow

# How far ahead a window may be planned; further is most likely a mistyped year.
MAX_YEARS_AHEAD = 2
# Longer than this is most likely a typing error in a year (2023 for 2022).
LONG_WINDOW_DAYS = 31


def years_ahead(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def overlapping_windows(organisation, start_date, start_time, end_date, end_time, exclude_pk=None):
    """The organisation's other windows that share some time with the given one."""
    candidates = ServiceWindow.objects.filter(
        organisation=organisation, start_date__lte=end_date, end_date__gte=start_date
    ).order_by("start_date", "start_time", "id")
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    start, end = ServiceWindow.span_of(start_date, start_time, end_date, end_time)
    found = []
    for other in candidates:
        other_start, other_end = ServiceWindow.span_of(
            other.start_date, other.start_time, other.end_date, other.end_time
        )
        if other_start < end and start < other_end:
            found.append(other)
    return found


class ServiceWindowForm(forms.ModelForm):
    """Errors refuse the input; warnings (a past window for staff, an overlap) re-display the
    form with a "Spara ändå" box that the user ticks to save anyway."""

    confirm = forms.BooleanField(label="Spara ändå", required=False)
    # The window's version when the form was opened: a save made since is shown, not lost.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ServiceWindow
        fields = ["organisation", "start_date", "start_time", "end_date", "end_time", "note"]
        labels = {
            "organisation": "Organisation",
            "start_date": "Från datum",
            "start_time": "Från klockan (valfritt)",
            "end_date": "Till datum",
            "end_time": "Till klockan (valfritt)",
            "note": "Berörda system eller anteckning",
        }
        help_texts = {
            "start_time": "Lämna tomt om fönstret gäller hela dagen.",
            "end_time": "Lämna tomt om fönstret gäller hela dagen.",
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "organisation": {"required": "Välj organisation."},
            "start_date": {
                "required": "Ange från vilket datum.",
                "invalid": "Ange datumet som ÅÅÅÅ-MM-DD.",
            },
            "end_date": {
                "required": "Ange till vilket datum.",
                "invalid": "Ange datumet som ÅÅÅÅ-MM-DD.",
            },
            "start_time": {"invalid": "Ange klockslaget som TT:MM."},
            "end_time": {"invalid": "Ange klockslaget som TT:MM."},
        }

    def __init__(self, *args, editor_organisation=None, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.editor_organisation = editor_organisation
        self.warnings = []
        field = self.fields["organisation"]
        if editor_organisation is not None:
            # Region editors save for their own organisation whatever the form posts.
            field.queryset = Organisation.objects.filter(pk=editor_organisation.pk)
            field.initial = editor_organisation.pk
            field.disabled = True
            self.instance.organisation = editor_organisation
        else:
            field.queryset = Organisation.objects.order_by("name")
        field.empty_label = "Välj organisation"
        if self.instance.pk:
            self.fields["version"].initial = self.instance.changed_at.isoformat()

    def show_conflict(self, current, changed_by):
        """Someone saved the window after this form was opened: say what it is now and let
        a second save (carrying the new version) overwrite it knowingly."""
        self.data = self.data.copy()
        self.data["version"] = current.changed_at.isoformat()
        when = timezone.localtime(current.changed_at)
        note = f", ”{current.note}”" if current.note else ""
        self.add_error(
            None,
            f"{changed_by} ändrade servicefönstret {when:%Y-%m-%d %H:%M} medan du redigerade "
            f"det. Nu gäller: {current.organisation} {current.when}{note}. "
            "Spara igen för att ersätta det med dina uppgifter, eller avbryt.",
        )

    @property
    def needs_confirmation(self):
        return bool(self.warnings)

    def clean(self):
        cleaned = super().clean()
        start_date, end_date = cleaned.get("start_date"), cleaned.get("end_date")
        if not (start_date and end_date):
            return cleaned
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        start, end = ServiceWindow.span_of(start_date, start_time, end_date, end_time)
        if end_date < start_date or (end_time and start_time and end <= start):
            self.add_error("end_date", "Slutet kan inte vara före början.")
            return cleaned
        latest = years_ahead(self.today, MAX_YEARS_AHEAD)
        if start_date > latest:
            self.add_error(
                "start_date",
                f"Servicefönstret kan inte börja mer än två år framåt (senast {latest:%Y-%m-%d}).",
            )
            return cleaned
        if end_date < self.today:
            if self.editor_organisation is not None:
                self.add_error(
                    "end_date",
                    "Servicefönstret har redan varit. Tidigare servicefönster kan bara "
                    "registreras av Inera.",
                )
                return cleaned
            self.warnings.append("Servicefönstret har redan varit (det slutar före i dag).")
        if (end - start).days > LONG_WINDOW_DAYS:
            self.warnings.append(
                f"Servicefönstret är {(end - start).days} dagar långt. Stämmer datumen?"
            )
        if end_time and not start_time:
            self.warnings.append(
                "Sluttid utan starttid: fönstret börjar då vid midnatt "
                f"{start_date:%Y-%m-%d}. Ange starttiden om det börjar senare."
            )
        organisation = cleaned.get("organisation")
        if organisation is not None:
            for other in overlapping_windows(
                organisation, start_date, start_time, end_date, end_time, self.instance.pk
            ):
                self.warnings.append(
                    f"Överlappar ett annat servicefönster för {organisation}: {other.when}."
                )
        if self.warnings and not cleaned.get("confirm"):
            raise forms.ValidationError(
                "Kontrollera varningarna och kryssa i ”Spara ändå” för att spara.",
                code="unconfirmed",
            )
        return cleaned

    def window_values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

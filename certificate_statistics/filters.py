"""The dashboard's filters, kept in the URL so that a view of the statistics can be shared."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.http import QueryDict

from regions.models import Organisation
from webcert_forum.core.widgets import CheckboxList

from .models import CertificateCount, CertificateType
from .selection import CHANNEL_CHOICES, INTEGRATED, Selection


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Ange en månad som ÅÅÅÅ-MM, till exempel 2022-05."}

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class MonthFilter(django_filters.DateFilter):
    field_class = MonthField


# get_kind_display() builds the choices' dict anew for every call: a tenth of the list.
KIND_LABELS = {kind: label.lower() for kind, label in Organisation.Kind.choices}


class OrganisationChoiceField(django_filters.fields.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({KIND_LABELS.get(obj.kind) or str(obj.kind).lower()})"


class OrganisationFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = OrganisationChoiceField


def recipient_choices():
    recipients = (
        CertificateType.objects.exclude(recipient="")
        .order_by("recipient")
        .values_list("recipient", flat=True)
        .distinct()
    )
    return [(r, r) for r in recipients]


class StatisticsFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("month_from"), cleaned.get("month_to")
        if start and end and start > end:
            self.add_error("month_from", "Från-månaden kan inte vara efter till-månaden.")
        return cleaned


class CertificateCountFilterSet(django_filters.FilterSet):
    month_from = MonthFilter(field_name="month", lookup_expr="gte", label="Från månad")
    month_to = MonthFilter(field_name="month", lookup_expr="lte", label="Till månad")
    channel = django_filters.ChoiceFilter(
        choices=CHANNEL_CHOICES, method="filter_channel", label="Kanal", empty_label=None
    )
    organisation = OrganisationFilter(
        field_name="organisation__key",
        to_field_name="key",
        # EXISTS, not a DISTINCT join: the join read every count of the history (23 ms with
        # ten years), EXISTS stops at each organisation's first.
        queryset=Organisation.objects.filter(
            Exists(CertificateCount.objects.filter(organisation=OuterRef("pk")))
        ).order_by("name"),
        label="Organisationer",
        widget=CheckboxList,
    )
    certificate_type = django_filters.ModelMultipleChoiceFilter(
        field_name="certificate_type__code",
        to_field_name="code",
        queryset=CertificateType.objects.order_by("position", "code"),
        label="Intygstyper",
        widget=CheckboxList,
    )
    recipient = django_filters.MultipleChoiceFilter(
        field_name="certificate_type__recipient",
        choices=recipient_choices,
        label="Mottagare",
        widget=CheckboxList,
    )

    class Meta:
        model = CertificateCount
        fields = []
        form = StatisticsFilterForm

    def __init__(self, data=None, *args, latest_month=None, **kwargs):
        data = data.copy() if data is not None else None
        if data is not None or latest_month is not None:
            data = data if data is not None else _empty_querydict()
            # The defaults are written into the data, so that the form shows them and a
            # shared URL without parameters means "the latest month, every channel".
            if not data.get("month_to") and latest_month:
                data["month_to"] = f"{latest_month:%Y-%m}"
            if not data.get("month_from") and data.get("month_to"):
                data["month_from"] = data["month_to"]
            if not data.get("channel"):
                data["channel"] = "all"
        super().__init__(data, *args, **kwargs)

    def filter_channel(self, queryset, name, value):
        if value == INTEGRATED:
            return queryset.filter(channel__in=["all", "standalone"])
        return queryset.filter(channel=value)

    def selection(self):
        """The validated filter as a Selection, or None when there is nothing to show."""
        if not self.is_bound or not self.is_valid():
            return None
        data = self.form.cleaned_data
        if not data.get("month_to"):
            return None
        return Selection(
            month_from=data.get("month_from") or data["month_to"],
            month_to=data["month_to"],
            channel=data.get("channel") or "all",
            organisations=_chosen(data.get("organisation"), "key"),
            types=_chosen(data.get("certificate_type"), "code"),
            recipients=tuple(sorted(data.get("recipient") or ())),
        )


def _chosen(objects, attribute):
    """The sorted `attribute`s of a model choice field's cleaned value. Nothing chosen is
    an empty queryset (none()): not truth-tested, which compiles its query only to find
    it empty; the chosen ones were read by the field's validation already."""
    if objects is None or (isinstance(objects, QuerySet) and objects.query.is_empty()):
        return ()
    return tuple(sorted(getattr(o, attribute) for o in objects))


def _empty_querydict():
    return QueryDict(mutable=True)

"""Filters of the regions app's lists."""

import calendar

import django_filters
from django import forms

from .models import Organisation, ServiceWindow


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": "Ange månaden som ÅÅÅÅ-MM."}


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class ServiceWindowFilterSet(django_filters.FilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation",
        queryset=Organisation.objects.filter(service_windows__isnull=False)
        .distinct()
        .order_by("name"),
        empty_label="Alla organisationer",
    )
    month = MonthFilter(
        label="Månad",
        method="filter_month",
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text="Fönster som berör månaden.",
    )

    class Meta:
        model = ServiceWindow
        fields = ["organisation", "month"]

    def filter_month(self, queryset, name, value):
        first = value.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return queryset.filter(start_date__lte=last, end_date__gte=first)

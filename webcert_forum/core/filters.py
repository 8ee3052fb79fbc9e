"""Filters shared by every list page."""

import datetime as dt

import django_filters
from django import forms
from django.db import models


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice is "Alla": left alone it filters nothing, so the
    default wording ("Okänt") would wrongly say it picks the rows whose answer is unknown."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "Alla"), ("true", "Ja"), ("false", "Nej")]


def yes_no_filter(label, **kwargs):
    return django_filters.BooleanFilter(label=label, widget=AnyYesNoSelect, **kwargs)


def describe_filter(filterset):
    """[(label, value)] of every filter of a bound filterset, as the form showed them:
    display names, not codes; "Alla" where the filter is left alone."""
    form = filterset.form
    if not filterset.is_bound or not form.is_valid():
        return []
    rows = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        rows.append((str(field.label or name), _shown(field, value)))
    return rows


def _shown(field, value):
    if value is None or value == "" or (hasattr(value, "__len__") and not len(value)):
        return "Alla"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, (models.Model, str, int)):
        value = [value]
    choices = {}
    if not isinstance(field, forms.ModelChoiceField):
        choices = {str(k): str(v) for k, v in getattr(field, "choices", ())}
    return ", ".join(
        str(v) if isinstance(v, models.Model) else choices.get(str(v), str(v)) for v in value
    )

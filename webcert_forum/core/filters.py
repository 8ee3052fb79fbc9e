"""Filters shared by every list page."""

import django_filters
from django import forms


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice is "Alla": left alone it filters nothing, so the
    default wording ("Okänt") would wrongly say it picks the rows whose answer is unknown."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "Alla"), ("true", "Ja"), ("false", "Nej")]


def yes_no_filter(label, **kwargs):
    return django_filters.BooleanFilter(label=label, widget=AnyYesNoSelect, **kwargs)

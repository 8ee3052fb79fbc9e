"""Small factories for service windows; dates relative to today so the tests do not age."""

import datetime as dt

import pytest
from django.utils import timezone

from regions.models import Organisation, ServiceWindow


def days_from_today(days):
    return timezone.localdate() + dt.timedelta(days=days)


def make_window(org_key, start, end=None, **values):
    return ServiceWindow.objects.create(
        organisation=Organisation.objects.get(key=org_key),
        start_date=start,
        end_date=end or start,
        **values,
    )


def form_data(org_key=None, start=None, end=None, **extra):
    data = {
        "start_date": (start or days_from_today(30)).isoformat(),
        "end_date": (end or start or days_from_today(30)).isoformat(),
        "start_time": "",
        "end_time": "",
        "note": "Journalsystemet uppgraderas",
    }
    if org_key:
        data["organisation"] = str(Organisation.objects.get(key=org_key).pk)
    data.update(extra)
    return data


@pytest.fixture
def jonkoping_window(reference):
    return make_window("jonkoping", days_from_today(20), days_from_today(21), note="Cosmic")


@pytest.fixture
def halland_window(reference):
    return make_window("halland", days_from_today(40), note="Millennium")

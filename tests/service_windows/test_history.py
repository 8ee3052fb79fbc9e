"""Every change is recorded with who, when and what, and shown on the history page."""

import pytest
from django.urls import reverse

from regions.models import ServiceWindow

from .conftest import days_from_today, form_data

pytestmark = pytest.mark.django_db


def test_form_edit_is_recorded_with_user_and_field_changes(client, editor_user, jonkoping_window):
    client.force_login(editor_user)
    data = form_data(start=days_from_today(20), end=days_from_today(22), note="Cosmic R8.4")
    client.post(reverse("service_windows:edit", args=[jonkoping_window.pk]), data)
    jonkoping_window.refresh_from_db()
    assert jonkoping_window.changed_by == editor_user
    latest, previous = jonkoping_window.history.order_by("-history_date", "-history_id")[:2]
    assert latest.history_user == editor_user
    delta = latest.diff_against(previous)
    assert set(delta.changed_fields) >= {"end_date", "note"}
    assert "start_date" not in delta.changed_fields

    html = client.get(reverse("service_windows:history", args=[jonkoping_window.pk])).content
    html = html.decode()
    assert "jkp" in html and "Ändrat" in html
    assert f"{days_from_today(21).isoformat()} → {days_from_today(22).isoformat()}" in html
    assert "Cosmic → Cosmic R8.4" in html


def test_created_in_form_is_recorded(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("service_windows:create"), form_data("halland"))
    window = ServiceWindow.objects.get()
    (record,) = window.history.all()
    assert (record.history_type, record.history_user) == ("+", staff_user)


def test_deleted_window_keeps_its_history_page(client, staff_user, jonkoping_window):
    client.force_login(staff_user)
    client.post(reverse("service_windows:delete", args=[jonkoping_window.pk]))
    response = client.get(reverse("service_windows:history", args=[jonkoping_window.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Borttaget" in html and "anna" in html
    assert "Servicefönstret är borttaget." in html


def test_delete_asks_for_confirmation_first(client, editor_user, jonkoping_window):
    client.force_login(editor_user)
    response = client.get(reverse("service_windows:delete", args=[jonkoping_window.pk]))
    assert "Vill du ta bort servicefönstret?" in response.content.decode()
    assert ServiceWindow.objects.filter(pk=jonkoping_window.pk).exists()

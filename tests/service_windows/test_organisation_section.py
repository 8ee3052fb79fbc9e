"""The service windows section that the organisation page includes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

from regions.models import Organisation
from regions.service_window_sections import organisation_windows

from .conftest import days_from_today, make_window

pytestmark = pytest.mark.django_db


def section_html(key, user):
    organisation = Organisation.objects.get(key=key)
    section = organisation_windows(organisation, user)
    return section, render_to_string(
        "regions/_organisation_windows.html", {"windows_section": section}
    )


def test_editor_gets_edit_links_on_their_own_organisation(editor_user, jonkoping_window):
    section, html = section_html("jonkoping", editor_user)
    assert section["may_create"]
    assert reverse("service_windows:edit", args=[jonkoping_window.pk]) in html
    assert "Nytt servicefönster" in html
    assert "Cosmic" in html


def test_other_editor_and_readers_only_read(other_editor_user, plain_user, jonkoping_window):
    for user in (other_editor_user, plain_user):
        section, html = section_html("jonkoping", user)
        assert not section["may_create"]
        assert reverse("service_windows:edit", args=[jonkoping_window.pk]) not in html
        assert reverse("service_windows:history", args=[jonkoping_window.pk]) in html
        assert "Nytt servicefönster" not in html


def test_staff_may_edit_every_organisation(staff_user, halland_window):
    section, html = section_html("halland", staff_user)
    assert reverse("service_windows:edit", args=[halland_window.pk]) in html


def test_upcoming_and_past_apart_with_empty_states(plain_user, reference):
    make_window("kalmar", days_from_today(-3), note="Förra veckan")
    section, html = section_html("kalmar", plain_user)
    assert section["upcoming"] == [] and len(section["past"]) == 1
    assert "Inga kommande servicefönster." in html and "Förra veckan" in html
    assert reverse("regions:feed", args=["kalmar"]) in html


def test_section_queries_do_not_grow_with_windows(
    plain_user, reference, django_assert_max_num_queries
):
    for day in range(25):
        make_window("kalmar", days_from_today(day - 12), changed_by=plain_user)
    organisation = Organisation.objects.get(key="kalmar")
    with django_assert_max_num_queries(4):
        section = organisation_windows(organisation, plain_user)
        render_to_string("regions/_organisation_windows.html", {"windows_section": section})
    assert len(section["past"]) == 10 and section["more_past"]


def test_anonymous_user_gets_a_read_only_section(jonkoping_window):
    section, _ = section_html("jonkoping", AnonymousUser())
    assert not section["may_create"]
    assert not any(row["may_edit"] for row in section["upcoming"])

"""Min region: the region editor's start page, and who may see whose."""

import datetime as dt

import pytest
from django.urls import reverse

from regions.models import Organisation
from webcert_forum.meetings.models import WindowConfirmation
from webcert_forum.meetings.preparation import answer_attendance, submit_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def window(plan):
    return Organisation.objects.get(key="jonkoping").service_windows.create(
        start_date=plan.date + dt.timedelta(days=5),
        end_date=plan.date + dt.timedelta(days=6),
        note="Byte av journalsystem",
    )


def test_an_editor_lands_on_min_region_after_login(client, editor_user):
    response = client.post(reverse("login"), {"username": "jkp", "password": "pw-jkp"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("my-region")
    page = response.content.decode()
    assert "Min region: Region Jönköpings län" in page


def test_staff_and_readers_land_on_the_overview(client, staff_user, plain_user, seed_meeting):
    for user in (staff_user, plain_user):
        response = client.post(
            reverse("login"), {"username": user.username, "password": f"pw-{user.username}"}
        )
        assert client.get(response.url).url == reverse("overview")
        client.logout()


def test_staff_choose_an_organisation_on_min_region(
    client_for, staff_user, plain_user, seed_meeting
):
    assert client_for(plain_user).get(reverse("my-region")).url == reverse("overview")
    page = client_for(staff_user).get(reverse("my-region")).content.decode()
    assert reverse("my-region-of", args=["halland"]) in page


def test_what_needs_doing_comes_first_and_disappears_when_done(
    client_for, editor_user, plan, window, seed_meeting
):
    client = client_for(editor_user)
    page = client.get(reverse("my-region")).content.decode()
    todo = page.split("Att göra inför nästa möte")[1].split("</section>")[0]
    assert "Svara om ni deltar i nästa möte." in todo
    assert "Bekräfta att 1 servicefönster fortfarande gäller." in todo
    assert (
        page.index("Att göra")
        < page.index("Kommande servicefönster")
        < page.index("Ny underskriftslösning")
        < page.index("Utfärdade intyg")
    )
    assert "Byte av journalsystem" in page

    client.post(
        reverse("meetings:window-confirm", args=[window.pk]), {"next": reverse("my-region")}
    )
    confirmation = WindowConfirmation.objects.get(window=window, meeting=plan)
    assert confirmation.confirmed_by == editor_user and confirmation.history.count() == 1
    answer_attendance(plan, window.organisation, editor_user, attends=True, attendees="Karin")
    page = client.get(reverse("my-region")).content.decode()
    assert "Allt är klart inför mötet." in page
    assert "Ni deltar: Karin" in page


def test_the_page_shows_the_organisations_questions_signing_and_certificates(
    client_for, editor_user, plan, seed_meeting
):
    submit_question(
        plan,
        Organisation.objects.get(key="jonkoping"),
        editor_user,
        text="Hur loggar vi ut?",
        asked_by_name="",
    )
    page = client_for(editor_user).get(reverse("my-region")).content.decode()
    assert "Hur loggar vi ut?" in page
    assert "Produktionsstatus" in page
    assert "Intyg: senaste förändring" in page


def test_an_editor_sees_and_confirms_only_their_own(client_for, editor_user, staff_user, plan):
    halland_window = Organisation.objects.get(key="halland").service_windows.create(
        start_date=plan.date, end_date=plan.date
    )
    client = client_for(editor_user)
    assert client.get(reverse("my-region-of", args=["halland"])).status_code == 403
    assert (
        client.post(reverse("meetings:window-confirm", args=[halland_window.pk])).status_code == 403
    )
    assert not WindowConfirmation.objects.exists()

    staff = client_for(staff_user)
    assert (
        "Min region: Region Halland"
        in staff.get(reverse("my-region-of", args=["halland"])).content.decode()
    )
    assert (
        staff.post(reverse("meetings:window-confirm", args=[halland_window.pk])).status_code == 302
    )
    assert WindowConfirmation.objects.get().confirmed_by == staff_user


def test_the_menu_leads_an_editor_to_min_region_and_marks_one_section(
    client_for, editor_user, plan
):
    page = client_for(editor_user).get(reverse("meetings:next")).content.decode()
    assert f'<a href="{reverse("my-region")}">Min region</a>' in page
    assert page.count('aria-current="page"') == 1
    assert 'aria-current="page">Nästa möte' in page


def test_a_meeting_that_has_been_held_asks_nothing_more(client_for, editor_user, seed_meeting):
    page = client_for(editor_user).get(reverse("my-region")).content.decode()
    assert "Inget kommande möte är planerat." in page
    assert "Svara om ni deltar" not in page
    assert (
        "Mötet har ägt rum."
        in client_for(editor_user).get(reverse("meetings:next")).content.decode()
    )

"""The next meeting: time and invite, agenda, attendance notices, submitted questions, and
the notices beside the minutes once they are imported."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from regions.models import Organisation
from tests.meetings.factories import NOW_PRESENT, SEPTEMBER, september_document
from webcert_forum.meetings.models import (
    AgendaItem,
    AttendanceNotice,
    PlannedMeeting,
    Question,
    SubmittedQuestion,
)
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

NEXT = "/meetings/next/"


def test_the_next_meeting_comes_from_the_latest_minutes(client_for, staff_user, seed_meeting):
    page = client_for(staff_user).get(NEXT).content.decode()
    assert "2022-09-05" in page and "13:00" in page
    plan = PlannedMeeting.objects.get()
    assert plan.announced_in == seed_meeting
    client_for(staff_user).get(NEXT)
    assert PlannedMeeting.objects.count() == 1  # read twice, planned once


def _invite(client):
    response = client.get(reverse("meetings:next-invite"))
    assert response["Content-Type"].startswith("text/calendar")
    return next(c for c in Calendar.from_ical(response.content).walk("VEVENT"))


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def test_staff_move_the_meeting_and_the_invite_keeps_its_uid_with_a_new_sequence(
    client_for, staff_user, plan
):
    client = client_for(staff_user)
    before = _invite(client)
    assert int(before["SEQUENCE"]) == 0
    assert str(before["LOCATION"]) == "Inera, Stockholm"

    later = plan.starts_at + dt.timedelta(hours=1)
    response = client.post(
        reverse("meetings:next-edit"),
        {
            "starts_at": _local(later),
            "place": "Inera, Stockholm",
            "teams_link": "https://teams.example/m",
        },
    )
    assert response.status_code == 302
    after = _invite(client)
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == 1
    assert after.decoded("DTSTART") == later

    client.post(
        reverse("meetings:next-edit"),
        {"starts_at": _local(later), "place": "Teams", "teams_link": "https://teams.example/m"},
    )
    assert int(_invite(client)["SEQUENCE"]) == 1  # a new place is no new time


def test_a_meeting_that_ends_before_it_starts_is_refused(client_for, staff_user, plan):
    response = client_for(staff_user).post(
        reverse("meetings:next-edit"),
        {
            "starts_at": _local(plan.starts_at),
            "ends_at": _local(plan.starts_at - dt.timedelta(hours=1)),
        },
    )
    assert "Mötet kan inte sluta innan det börjar." in response.content.decode()
    plan.refresh_from_db()
    assert plan.ends_at is None


def test_only_staff_plan_and_keep_the_agenda(client_for, editor_user, staff_user, plan):
    editor = client_for(editor_user)
    assert (
        editor.post(reverse("meetings:next-edit"), {"starts_at": "2030-01-01T10:00"}).status_code
        == 403
    )
    assert (
        editor.post(reverse("meetings:agenda-new"), {"title": "X", "position": 1}).status_code
        == 403
    )

    staff = client_for(staff_user)
    staff.post(
        reverse("meetings:agenda-new"),
        {"title": "Nyheter i release 7.0", "position": 2, "owner": "Inera"},
    )
    staff.post(
        reverse("meetings:agenda-new"),
        {
            "title": "Servicefönster",
            "position": 1,
            "owner": "Anna",
            "organisation": Organisation.objects.get(key="halland").pk,
        },
    )
    page = staff.get(NEXT).content.decode()
    assert page.index("Servicefönster – Anna (Region Halland)") < page.index(
        "Nyheter i release 7.0"
    )
    item = AgendaItem.objects.get(title="Nyheter i release 7.0")
    staff.post(reverse("meetings:agenda-edit", args=[item.pk]), {"delete": "1"})
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_editor_answers_for_their_own_organisation_and_staff_see_who_has_not(
    client_for, editor_user, staff_user, plan
):
    editor = client_for(editor_user)
    url = reverse("meetings:attendance-notice", args=["jonkoping"])
    response = editor.post(url, {"attends": "ja", "attendees": "Karin Berg, Ola Ek"})
    assert response.status_code == 302
    notice = AttendanceNotice.objects.get(organisation__key="jonkoping")
    assert notice.attends and notice.attendees == "Karin Berg, Ola Ek"
    assert notice.answered_by == editor_user

    editor.post(url, {"attends": "nej", "attendees": ""})
    notice.refresh_from_db()
    assert not notice.attends
    history = list(notice.history.order_by("history_date"))
    assert [h.attends for h in history] == [True, False]
    assert history[-1].history_user == editor_user

    other = reverse("meetings:attendance-notice", args=["halland"])
    assert editor.post(other, {"attends": "ja", "attendees": "X"}).status_code == 403
    assert not AttendanceNotice.objects.filter(organisation__key="halland").exists()

    page = client_for(staff_user).get(NEXT).content.decode()
    answered, unanswered = page.split("Har inte svarat")
    assert "Region Jönköpings län" in answered
    assert "Region Halland" in unanswered and "Region Jönköpings län" not in unanswered


def test_attending_without_names_is_refused_and_nothing_is_saved(client_for, editor_user, plan):
    response = client_for(editor_user).post(
        reverse("meetings:attendance-notice", args=["jonkoping"]),
        {"attends": "ja", "attendees": " "},
    )
    assert "Skriv vem som deltar." in response.content.decode()
    assert not AttendanceNotice.objects.exists()


def test_a_reader_may_not_answer_for_anyone(client_for, plain_user, plan):
    url = reverse("meetings:attendance-notice", args=["jonkoping"])
    assert client_for(plain_user).get(url).status_code == 403


def test_a_submitted_question_goes_on_the_agenda_and_is_followed(
    client_for, editor_user, other_editor_user, staff_user, seed_meeting, plan
):
    editor = client_for(editor_user)
    editor.post(
        reverse("meetings:question-submit", args=["jonkoping"]),
        {"text": "När kommer stöd för DOI i fristående läge?", "asked_by_name": "Karin Berg"},
    )
    submitted = SubmittedQuestion.objects.get()
    assert submitted.organisation.key == "jonkoping" and submitted.submitted_by == editor_user
    assert submitted.history.count() == 1
    assert (
        editor.post(reverse("meetings:question-to-agenda", args=[submitted.pk])).status_code == 403
    )

    halland = client_for(other_editor_user)
    assert "DOI i fristående" not in halland.get(NEXT).content.decode()
    assert (
        halland.post(
            reverse("meetings:question-submit", args=["jonkoping"]), {"text": "x"}
        ).status_code
        == 403
    )

    staff = client_for(staff_user)
    staff.post(reverse("meetings:question-to-agenda", args=[submitted.pk]))
    staff.post(reverse("meetings:question-to-agenda", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert AgendaItem.objects.count() == 1 and submitted.agenda_item.organisation.key == "jonkoping"
    question = Question.objects.get(submissions=submitted)
    assert question.asked_by.key == "jonkoping" and question.status == Question.Status.OPEN
    assert "DOI i fristående" in staff.get(NEXT).content.decode().split("Dagordning")[1]


def test_notices_and_the_minutes_attendance_side_by_side(
    client_for, editor_user, staff_user, seed_meeting, seed_document
):
    client_for(staff_user).get(NEXT)  # plans 2022-09-05 from the June minutes
    plan = PlannedMeeting.objects.get()
    from webcert_forum.meetings.preparation import answer_attendance

    answer_attendance(
        plan,
        Organisation.objects.get(key="jonkoping"),
        editor_user,
        attends=True,
        attendees="Karin",
    )
    answer_attendance(
        plan, Organisation.objects.get(key=NOW_PRESENT), editor_user, attends=False, attendees=""
    )
    document, _, _ = september_document(seed_document)
    save_minutes(document, None)

    page = client_for(staff_user).get(reverse("meetings:detail", args=[SEPTEMBER])).content.decode()
    section = page.split("Anmälan och närvaro enligt protokollet")[1]
    capio = Organisation.objects.get(key=NOW_PRESENT).name
    row = section.split(capio)[1].split("</tr>")[0]
    assert "Deltar inte" in row and "Närvarande" in row and "avviker" in row


def test_staff_own_plan_for_the_announced_day_is_kept(
    client_for, staff_user, reference, seed_document
):
    staff = client_for(staff_user)
    staff.post(reverse("meetings:next-edit"), {"starts_at": "2022-09-05T09:30", "place": "Teams"})
    save_minutes(seed_document, None)  # announces 2022-09-05 13:00
    page = staff.get(NEXT).content.decode()
    assert "09:30" in page and "Teams" in page
    assert PlannedMeeting.objects.get().announced_in.date.isoformat() == "2022-06-01"


def test_a_long_question_fits_on_the_agenda(editor_user, seed_meeting, plan):
    from webcert_forum.meetings.preparation import put_on_agenda, submit_question

    text = "Varför " * 600
    submitted = submit_question(
        plan, Organisation.objects.get(key="jonkoping"), editor_user, text=text, asked_by_name=""
    )
    item = put_on_agenda(submitted).agenda_item
    assert len(item.title) <= 300 and item.title.startswith("Fråga från Region Jönköpings län")
    assert Question.objects.get(submissions=submitted).text == text

"""E-mail notices through a real SMTP server on 127.0.0.1: reminders before the next
meeting, "Nya minnesanteckningar" after an import, unsubscribing and preferences."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from regions.models import Organisation
from tests.meetings.factories import september_document
from webcert_forum.meetings.models import Meeting, NoticePreference, SentNotice
from webcert_forum.meetings.notices import send_notices
from webcert_forum.meetings.preparation import answer_attendance, confirm_window
from webcert_forum.meetings.services import save_minutes

from .conftest import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(editor_user, other_editor_user):
    for user in (editor_user, other_editor_user):
        user.email = f"{user.username}@region.example"
        user.save()
    return editor_user, other_editor_user


def days_before(plan, days):
    """A moment `days` days before the meeting, in the morning."""
    day = plan.date - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(8), timezone.get_current_timezone())


def test_a_reminder_to_each_editor_whose_organisation_has_not_answered(smtp_server, editors, plan):
    jkp, hal = editors
    answer_attendance(
        plan, Organisation.objects.get(key="halland"), hal, attends=True, attendees="Per"
    )

    outcome = send_notices(days_before(plan, 10))
    assert (outcome.sent, outcome.failed) == (1, 0)
    assert smtp_server.to(hal.email) == []
    [message] = smtp_server.to(jkp.email)
    assert message["Subject"].strip() == f"Påminnelse: Webcert användarforum {plan.date:%Y-%m-%d}"
    assert message["From"] == "Webcert användarforum <forum@example.org>"
    text, html = body(message, "plain"), body(message, "html")
    for part in (text, html):
        assert "Svara om ni deltar i nästa möte." in part
        assert "https://forum.example.org/min-region/" in part
        assert "https://forum.example.org/meetings/notices/unsubscribe/" in part
    assert "Region Jönköpings län" in text and "<ul>" in html
    assert message["List-Unsubscribe"].strip().startswith("<https://forum.example.org/")

    # Hourly runs: the same reminder never twice.
    assert send_notices(days_before(plan, 10)).sent == 0
    assert send_notices(days_before(plan, 9)).sent == 0
    assert len(smtp_server.messages) == 1


def test_the_second_reminder_goes_three_days_before_and_not_to_those_who_are_done(
    smtp_server, editors, plan
):
    jkp, hal = editors
    window = Organisation.objects.get(key="halland").service_windows.create(
        start_date=plan.date + dt.timedelta(days=20), end_date=plan.date + dt.timedelta(days=21)
    )
    send_notices(days_before(plan, 14))
    assert len(smtp_server.to(jkp.email)) == 1 and len(smtp_server.to(hal.email)) == 1
    assert "Bekräfta att 1 servicefönster fortfarande gäller." in body(
        smtp_server.to(hal.email)[0], "plain"
    )

    answer_attendance(
        plan, Organisation.objects.get(key="halland"), hal, attends=False, attendees=""
    )
    confirm_window(plan, window, hal)
    assert send_notices(days_before(plan, 5)).sent == 0  # between the reminders
    send_notices(days_before(plan, 3))
    assert len(smtp_server.to(jkp.email)) == 2
    assert len(smtp_server.to(hal.email)) == 1
    assert send_notices(days_before(plan, 15)).sent == 0  # not yet due


def test_reminder_days_are_a_setting(smtp_server, settings, editors, plan):
    settings.NOTICE_REMINDER_DAYS = [7]
    assert send_notices(days_before(plan, 10)).sent == 0
    assert send_notices(days_before(plan, 7)).sent == 2
    assert SentNotice.objects.filter(kind="reminder-7").count() == 2


def test_a_failed_send_is_logged_and_retried_at_the_next_run(
    smtp_settings, smtp_port, editors, plan, caplog
):
    from aiosmtpd.controller import Controller

    from .conftest import Inbox

    # No server listens on the port yet.
    outcome = send_notices(days_before(plan, 10))
    assert (outcome.sent, outcome.failed) == (0, 2)
    assert "failed" in caplog.text
    record = SentNotice.objects.get(user=editors[0])
    assert record.status == SentNotice.Status.FAILED and record.last_error

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        outcome = send_notices(days_before(plan, 9))
        assert (outcome.sent, outcome.failed) == (2, 0)
        assert send_notices(days_before(plan, 9)).sent == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 2
    record.refresh_from_db()
    assert record.status == SentNotice.Status.SENT and record.attempts == 2


def test_an_editor_who_switched_reminders_off_gets_none(smtp_server, editors, plan):
    NoticePreference.objects.create(user=editors[0], reminders=False)
    send_notices(days_before(plan, 10))
    assert smtp_server.to(editors[0].email) == []
    assert len(smtp_server.to(editors[1].email)) == 1


def test_new_minutes_go_to_those_who_asked_with_the_changes(
    smtp_server, staff_user, plain_user, seed_meeting, seed_document
):

    staff_user.email, plain_user.email = "anna@inera.example", "reader@region.example"
    staff_user.save()
    plain_user.save()
    NoticePreference.objects.create(user=staff_user, new_minutes=True, reminders=False)
    document, _, _ = september_document(seed_document)
    save_minutes(document, staff_user)
    # As an upload of the PDF does (save_minutes stamps it only with a source file); June
    # was imported long ago and is not announced again.
    Meeting.objects.filter(date="2022-09-05").update(imported_at=timezone.now())
    Meeting.objects.filter(date="2022-06-01").update(
        imported_at=timezone.now() - dt.timedelta(days=30)
    )
    send_notices()
    send_notices()
    assert smtp_server.to(plain_user.email) == []
    [message] = smtp_server.to(staff_user.email)
    assert message["Subject"].strip() == "Nya minnesanteckningar: Webcert användarforum 2022-09-05"
    text = body(message, "plain")
    assert "Ändringar sedan mötet 2022-06-01" in text
    assert "Capio" in text  # absent in June, present in September
    assert "https://forum.example.org/meetings/2022-09-05/" in body(message, "html")


def test_the_unsubscribe_link_switches_that_notice_off(client, smtp_server, editors, plan):
    send_notices(days_before(plan, 10))
    message = smtp_server.to(editors[0].email)[0]
    url = re.search(
        r"https://forum\.example\.org(/meetings/notices/unsubscribe/\S+/)", body(message, "plain")
    )[1]
    page = client.get(url)  # not logged in: the link works from any mail client
    assert page.status_code == 200 and "Vill du sluta få påminnelser" in page.content.decode()
    assert NoticePreference.objects.filter(user=editors[0]).first() is None  # a GET changes nothing
    client.post(url)
    assert NoticePreference.objects.get(user=editors[0]).reminders is False
    assert client.get(url.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 403


def test_each_user_chooses_their_notices(client_for, plain_user):
    client = client_for(plain_user)
    page = client.get(reverse("meetings:notice-preferences")).content.decode()
    assert "Nya minnesanteckningar" in page
    client.post(reverse("meetings:notice-preferences"), {"new_minutes": "on"})
    pref = NoticePreference.objects.get(user=plain_user)
    assert pref.new_minutes and not pref.reminders


def test_the_command_reports_what_it_sent(smtp_server, editors, plan, capsys, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: days_before(plan, 10))
    call_command("send_notices")
    call_command("send_notices")
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Sent 2, failed 0 (retried next run), already sent 0.",
        "Sent 0, failed 0 (retried next run), already sent 2.",
    ]

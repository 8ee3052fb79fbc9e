"""Two runs of send_notices at once (a slow run and the next hour's, or two machines): each
notice still goes out exactly once, without flock. Through a real SMTP server on 127.0.0.1,
on SQLite and PostgreSQL alike: each run claims a notice in the database before sending it."""

import asyncio
import datetime as dt
import io
import threading

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from tests.conftest import make_user
from webcert_forum.meetings.models import SentNotice
from webcert_forum.meetings.notices import send_notices

from .conftest import Inbox
from .test_notices import days_before

# The runs are threads with their own database connections: they see only what is committed.
pytestmark = pytest.mark.django_db(transaction=True)


def editors_of_jonkoping(n):
    users = []
    for i in range(n):
        user = make_user(f"jkp{i}", organisation_key="jonkoping")
        user.email = f"jkp{i}@region.example"
        user.save()
        users.append(user)
    return users


class HeldInbox(Inbox):
    """Holds the answer to the first message until told: its run waits in the middle of a
    send, after its claim and before its record, the moment a second run could slip in."""

    def __init__(self):
        super().__init__()
        self.first_arrived = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        answer = await super().handle_DATA(server, session, envelope)
        if not self.first_arrived.is_set():
            self.first_arrived.set()
            while not self.release.is_set():  # the other sessions go on meanwhile
                await asyncio.sleep(0.01)
        return answer


def in_thread(target, results):
    def run():
        try:
            results.append(target())
        except Exception as error:  # reported by the test, not lost in the thread
            results.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_run_that_starts_while_another_is_sending_sends_only_the_rest(
    smtp_settings, smtp_port, reference, plan
):
    smtp_settings.EMAIL_TIMEOUT = 30  # the first run waits for the second at its first send
    users = editors_of_jonkoping(3)
    inbox = HeldInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        first = []
        thread = in_thread(lambda: send_notices(days_before(plan, 10)), first)
        assert inbox.first_arrived.wait(10)
        second = send_notices(days_before(plan, 10))  # while the first run's send hangs
        inbox.release.set()
        thread.join(30)
    finally:
        inbox.release.set()
        controller.stop()
    assert [len(inbox.to(user.email)) for user in users] == [1, 1, 1]
    [first] = first
    assert (first.sent, first.skipped, first.elsewhere, first.failed) == (1, 2, 0, 0)
    assert (second.sent, second.skipped, second.elsewhere, second.failed) == (2, 0, 1, 0)
    assert set(SentNotice.objects.values_list("status", "attempts")) == {("sent", 1)}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database refuses a second writer ('database table is "
    "locked') where a file database waits for it (settings: timeout); the test above holds "
    "one run in the middle of a send instead",
)
def test_two_commands_started_at_the_same_moment_send_each_notice_once(
    smtp_server, reference, plan, monkeypatch
):
    users = editors_of_jonkoping(12)
    monkeypatch.setattr(timezone, "now", lambda: days_before(plan, 10))
    barrier = threading.Barrier(2)
    outputs = []

    def run():
        out, err = io.StringIO(), io.StringIO()
        barrier.wait()
        call_command("send_notices", stdout=out, stderr=err)
        return out.getvalue() + err.getvalue()

    threads = [in_thread(run, outputs) for _ in range(2)]
    for thread in threads:
        thread.join(60)
    assert [len(smtp_server.to(user.email)) for user in users] == [1] * len(users)
    assert not [o for o in outputs if isinstance(o, Exception)], outputs
    assert len(smtp_server.messages) == len(users)
    assert SentNotice.objects.filter(status="sent").count() == len(users)
    assert all(o.startswith("Sent ") for o in outputs), outputs


def test_a_notice_claimed_by_a_run_that_died_is_sent_by_a_later_run(smtp_server, reference, plan):
    dead, busy = editors_of_jonkoping(2)
    now = timezone.now()
    for user, claimed in ((dead, now - dt.timedelta(minutes=31)), (busy, now)):
        record = SentNotice.objects.create(
            user=user, kind="reminder-14", subject_key=f"plan-{plan.pk}", status="sending"
        )
        SentNotice.objects.filter(pk=record.pk).update(updated_at=claimed, attempts=1)

    outcome = send_notices(days_before(plan, 10))
    assert (outcome.sent, outcome.elsewhere) == (1, 1)
    assert len(smtp_server.to(dead.email)) == 1 and smtp_server.to(busy.email) == []
    assert SentNotice.objects.get(user=dead).status == "sent"
    assert SentNotice.objects.get(user=dead).attempts == 2
    assert SentNotice.objects.get(user=busy).status == "sending"

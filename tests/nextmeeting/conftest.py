"""A planned meeting ahead of today, and a real SMTP server on 127.0.0.1 that keeps what it
receives."""

import datetime as dt
import email
import socket
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from webcert_forum.meetings.models import PlannedMeeting


@pytest.fixture
def plan(db):
    """The next meeting, ten days from now at 13:00."""
    day = timezone.localdate() + dt.timedelta(days=10)
    starts = dt.datetime.combine(day, dt.time(13), timezone.get_current_timezone())
    return PlannedMeeting.objects.create(starts_at=starts, place="Inera, Stockholm")


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def to(self, address):
        return [m for rcpt, m in self.messages if address in rcpt]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_settings(settings, smtp_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Webcert användarforum <forum@example.org>"
    settings.SITE_URL = "https://forum.example.org"
    return settings


@pytest.fixture
def smtp_server(smtp_settings, smtp_port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield inbox
    controller.stop()


def body(message, subtype):
    return message.get_body(preferencelist=(subtype,)).get_content()

"""E-mail notices: reminders before the next meeting and "Nya minnesanteckningar" after an
import. Run by `manage.py send_notices` (cron or a systemd timer), never by a web request.

Each notice is recorded per person, kind and meeting (SentNotice): a sent one is never sent
again, a failed one is logged and tried again at the next run. A run claims each notice in the
database before sending it, so runs that overlap (a slow run and the next hour's, two
machines) share the work instead of sending twice; no file lock is needed."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import preparation
from .changes import changes_since_previous
from .models import Meeting, NoticePreference, SentNotice

logger = logging.getLogger(__name__)

REMINDERS = "reminders"
NEW_MINUTES = "new_minutes"
KINDS = {REMINDERS: "påminnelser inför mötet", NEW_MINUTES: "nya minnesanteckningar"}
UNSUBSCRIBE_SALT = "webcert_forum.notices.unsubscribe"
# A claim this old belongs to a run that died between claiming and recording (a sent or failed
# notice is recorded within one SMTP exchange, EMAIL_TIMEOUT per step): the next run takes it
# over, so the notice is retried as a failed one would be, not lost.
CLAIM_EXPIRES = dt.timedelta(minutes=30)
CLAIMED = "claimed"


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    elsewhere: int = 0  # being sent by another run at the same time


def preference(user):
    return NoticePreference.objects.filter(user=user).first() or NoticePreference(user=user)


def wants(user, kind):
    return bool(user.email) and getattr(preference(user), kind)


def unsubscribe_token(user, kind):
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user, kind) for a token this site signed, or None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or data.get("k") not in KINDS:
        return None
    return user, data["k"]


def unsubscribe(user, kind):
    pref = preference(user)
    setattr(pref, kind, False)
    pref.save()


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _message(user, kind, subject, template, context):
    context = {
        **context,
        "user": user,
        "site_url": settings.SITE_URL.rstrip("/"),
        "unsubscribe_url": absolute(
            reverse("meetings:unsubscribe", args=[unsubscribe_token(user, kind)])
        ),
        "preferences_url": absolute(reverse("meetings:notice-preferences")),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"webcert_forum/email/{template}.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
    )
    message.attach_alternative(
        render_to_string(f"webcert_forum/email/{template}.html", context), "text/html"
    )
    return message


def _claim(user, kind, subject_key):
    """CLAIMED when the notice is now this run's to send; else its record's status: sent
    already, or being sent by another run.

    A claim is one statement that only one run can win, on SQLite and PostgreSQL alike: the
    INSERT of a new record, which the unique constraint gives to one run, or the conditional
    UPDATE of a failed (or abandoned) one. Each commits at once, before the send, so no lock
    is held while the mail server answers. The look first keeps an hourly run over notices
    sent long ago to one read each, as before."""
    notices = SentNotice.objects.filter(user=user, kind=kind, subject_key=subject_key)
    now = timezone.now()
    record = notices.values("status", "updated_at").first()
    if record is None:
        try:
            with transaction.atomic():
                SentNotice.objects.create(
                    user=user,
                    kind=kind,
                    subject_key=subject_key,
                    status=SentNotice.Status.SENDING,
                    attempts=1,
                )
        except IntegrityError:  # another run inserted it since the look
            return SentNotice.Status.SENDING
        return CLAIMED
    abandoned = now - CLAIM_EXPIRES
    if record["status"] == SentNotice.Status.SENT or (
        record["status"] == SentNotice.Status.SENDING and record["updated_at"] >= abandoned
    ):
        return record["status"]
    retry = Q(status=SentNotice.Status.FAILED) | Q(
        status=SentNotice.Status.SENDING, updated_at__lt=abandoned
    )
    if notices.filter(retry).update(
        status=SentNotice.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
    ):
        return CLAIMED
    return SentNotice.Status.SENDING  # another run took it since the look


def _send_once(user, kind, subject_key, build, outcome):
    claim = _claim(user, kind, subject_key)
    if claim == SentNotice.Status.SENT:
        outcome.skipped += 1
        return
    if claim != CLAIMED:
        outcome.elsewhere += 1
        return
    try:
        build().send()
    except Exception as error:  # any failure of the mail server: logged, retried next run
        logger.warning("Notice %s to %s failed: %s", kind, user.email, error)
        status, last_error = SentNotice.Status.FAILED, str(error)[:2000]
        outcome.failed += 1
    else:
        status, last_error = SentNotice.Status.SENT, ""
        outcome.sent += 1
    SentNotice.objects.filter(user=user, kind=kind, subject_key=subject_key).update(
        status=status, last_error=last_error, updated_at=timezone.now()
    )


def due_reminder(plan, today):
    """The reminder kind due today ("reminder-3"), or None: the nearest threshold reached."""
    days_left = (plan.date - today).days
    if days_left < 0:
        return None
    reached = [n for n in settings.NOTICE_REMINDER_DAYS if days_left <= n]
    return f"reminder-{min(reached)}" if reached else None


def send_reminders(now=None, outcome=None):
    now = now or timezone.now()
    outcome = outcome or Outcome()
    plan = preparation.current_plan(now)
    if plan is None or plan.starts_at < now:
        return outcome
    today = timezone.localdate(now)
    kind = due_reminder(plan, today)
    if kind is None:
        return outcome
    editors = (
        get_user_model()
        .objects.filter(is_active=True, profile__organisation__isnull=False)
        .select_related("profile__organisation")
    )
    for user in editors:
        organisation = user.profile.organisation
        tasks = preparation.organisation_tasks(plan, organisation, today)
        if not tasks or not wants(user, REMINDERS):
            continue

        def build(user=user, organisation=organisation, tasks=tasks):
            return _message(
                user,
                REMINDERS,
                f"Påminnelse: Webcert användarforum {plan.date:%Y-%m-%d}",
                "reminder",
                {
                    "plan": plan,
                    "organisation": organisation,
                    "tasks": tasks,
                    "days_left": (plan.date - today).days,
                    "my_region_url": absolute(reverse("my-region")),
                    "next_url": absolute(reverse("meetings:next")),
                },
            )

        _send_once(user, kind, f"plan-{plan.pk}", build, outcome)
    return outcome


def send_new_minutes(now=None, outcome=None):
    """To each user who asked: the minutes imported in the last NOTICE_MINUTES_DAYS days."""
    now = now or timezone.now()
    outcome = outcome or Outcome()
    since = now - dt.timedelta(days=settings.NOTICE_MINUTES_DAYS)
    meetings = Meeting.objects.filter(imported_at__gte=since).order_by("date")
    readers = (
        get_user_model()
        .objects.filter(is_active=True, notice_preference__new_minutes=True)
        .exclude(Q(email="") | Q(email__isnull=True))
    )
    for meeting in meetings:
        changes = changes_since_previous(meeting)
        for user in readers:

            def build(user=user, meeting=meeting, changes=changes):
                return _message(
                    user,
                    NEW_MINUTES,
                    f"Nya minnesanteckningar: Webcert användarforum {meeting.date:%Y-%m-%d}",
                    "new_minutes",
                    {
                        "meeting": meeting,
                        "changes": changes,
                        "meeting_url": absolute(meeting.get_absolute_url()),
                    },
                )

            _send_once(user, NEW_MINUTES, f"meeting-{meeting.date:%Y-%m-%d}", build, outcome)
    return outcome


def send_notices(now=None):
    outcome = Outcome()
    send_reminders(now, outcome)
    send_new_minutes(now, outcome)
    return outcome

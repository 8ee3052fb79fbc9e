"""The next meeting, prepared in the app: staff plan it and its agenda, regions answer the
attendance notice, send in questions and confirm their service windows before it; the
e-mail notices sent about it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .minutes import Meeting, Question


class PlannedMeetingQuerySet(models.QuerySet):
    def upcoming(self, now):
        return self.filter(starts_at__gte=now).order_by("starts_at")


class PlannedMeeting(models.Model):
    """The next meeting as staff plan it: first as the latest minutes announce it, then as
    corrected. The calendar invite keeps its UID; SEQUENCE grows when the time changes."""

    starts_at = models.DateTimeField("börjar")
    ends_at = models.DateTimeField("slutar", null=True, blank=True)
    place = models.CharField("plats", max_length=200, blank=True)
    teams_link = models.URLField("Teams-länk", max_length=500, blank=True)
    announced_in = models.OneToOneField(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announced_plan",
        verbose_name="annonserat i protokollet",
    )
    uid = models.CharField("kalender-UID", max_length=100, unique=True, editable=False)
    sequence = models.PositiveIntegerField("kalenderversion", default=0, editable=False)
    history = HistoricalRecords()

    objects = PlannedMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = "planerat möte"
        verbose_name_plural = "planerade möten"

    def __str__(self):
        return f"Användarforum {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = f"forum-{uuid.uuid4()}@webcert-forum.inera.se"
        super().save(*args, **kwargs)

    @property
    def date(self):
        return timezone.localtime(self.starts_at).date()

    def minutes(self):
        """The imported minutes of this meeting, once they exist."""
        return Meeting.objects.filter(date=self.date).first()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        PlannedMeeting, on_delete=models.CASCADE, related_name="agenda", verbose_name="möte"
    )
    position = models.PositiveIntegerField("ordning", default=0)
    title = models.CharField("punkt", max_length=300)
    owner = models.CharField("ansvarig", max_length=200, blank=True)
    organisation = models.ForeignKey(
        "regions.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name="organisation",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = "dagordningspunkt"
        verbose_name_plural = "dagordning"

    def __str__(self):
        return self.title


class AttendanceNotice(models.Model):
    """An organisation's answer before a meeting: whether it attends, and who."""

    meeting = models.ForeignKey(
        PlannedMeeting, on_delete=models.CASCADE, related_name="notices", verbose_name="möte"
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.CASCADE,
        related_name="attendance_notices",
        verbose_name="organisation",
    )
    attends = models.BooleanField("deltar")
    attendees = models.CharField("vem som deltar", max_length=500, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="svarat av",
    )
    answered_at = models.DateTimeField("svarat", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "organisation__name"]
        verbose_name = "anmälan"
        verbose_name_plural = "anmälningar"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="one_notice_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {'deltar' if self.attends else 'deltar inte'}"


class SubmittedQuestion(models.Model):
    """A region's question before a meeting; staff put it on the agenda and follow it as a
    Question of the forum."""

    meeting = models.ForeignKey(
        PlannedMeeting,
        on_delete=models.CASCADE,
        related_name="submitted_questions",
        verbose_name="möte",
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.CASCADE,
        related_name="submitted_questions",
        verbose_name="organisation",
    )
    text = models.TextField("fråga")
    asked_by_name = models.CharField("frågeställare", max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="inskickad av",
    )
    submitted_at = models.DateTimeField("inskickad", auto_now_add=True)
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_question",
        verbose_name="dagordningspunkt",
    )
    question = models.ForeignKey(
        Question,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name="följs som fråga",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "submitted_at", "id"]
        verbose_name = "inskickad fråga"
        verbose_name_plural = "inskickade frågor"

    def __str__(self):
        return self.text[:80]


class WindowConfirmation(models.Model):
    """A region's word before a meeting that one of its service windows is still current."""

    meeting = models.ForeignKey(
        PlannedMeeting,
        on_delete=models.CASCADE,
        related_name="window_confirmations",
        verbose_name="möte",
    )
    window = models.ForeignKey(
        "regions.ServiceWindow",
        on_delete=models.CASCADE,
        related_name="confirmations",
        verbose_name="servicefönster",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="bekräftat av",
    )
    confirmed_at = models.DateTimeField("bekräftat", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bekräftat servicefönster"
        verbose_name_plural = "bekräftade servicefönster"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "window"], name="one_confirmation_per_window"
            ),
        ]

    def __str__(self):
        return f"{self.window} bekräftat inför {self.meeting}"


class NoticePreference(models.Model):
    """Which e-mail notices a user gets. Without a row: reminders yes, new minutes no."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    reminders = models.BooleanField("påminnelser inför mötet", default=True)
    new_minutes = models.BooleanField("nya minnesanteckningar", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "e-postval"
        verbose_name_plural = "e-postval"

    def __str__(self):
        return f"E-postval för {self.user}"


class SentNotice(models.Model):
    """One notice to one person about one meeting: never sent twice, retried until sent.

    The row is also the run's claim on the notice (notices._claim): a run sends only what it
    moved to "sending" itself, so two runs at once never send one notice twice."""

    class Status(models.TextChoices):
        SENDING = "sending", "skickas"
        SENT = "sent", "skickat"
        FAILED = "failed", "misslyckades"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("slag", max_length=40)
    subject_key = models.CharField("gäller", max_length=60)
    status = models.CharField(max_length=10, choices=Status.choices)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "skickat meddelande"
        verbose_name_plural = "skickade meddelanden"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "subject_key"], name="one_notice_per_person_meeting_kind"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.subject_key} till {self.user}: {self.get_status_display()}"

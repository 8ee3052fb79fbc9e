"""The forum itself: meetings, their slides and attendance, imports and open questions."""

import re
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class MeetingQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-date")


class Meeting(models.Model):
    date = models.DateField("mötesdatum", unique=True)
    next_meeting = models.DateTimeField("nästa möte", null=True, blank=True)
    source_file = models.FileField("protokoll (PDF)", upload_to="minutes/", blank=True)
    source_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="importerad av",
    )
    imported_at = models.DateTimeField("importerad", null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = "möte"
        verbose_name_plural = "möten"
        permissions = [("import_minutes", "Får importera protokoll")]

    def __str__(self):
        return f"Användarforum {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.date.isoformat()])

    def previous(self):
        return Meeting.objects.filter(date__lt=self.date).order_by("-date").first()


class Slide(models.Model):
    """Every slide's text is kept, so nothing in a deck is ever lost."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="slides")
    number = models.PositiveIntegerField("bild")
    title = models.CharField("rubrik", max_length=300, blank=True)
    text = models.TextField("text", blank=True)
    # Rendered from the meeting's PDF when it is saved (meetings.pictures).
    picture = models.FileField("bild (JPEG)", upload_to="minutes/", blank=True, max_length=200)
    thumbnail = models.FileField("miniatyr", upload_to="minutes/", blank=True, max_length=200)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = "bild"
        verbose_name_plural = "bilder"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_slide_per_number"),
        ]

    def __str__(self):
        return f"{self.meeting}: bild {self.number} {self.title}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#bild-{self.number}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="attendance",
        verbose_name="organisation",
    )
    present = models.BooleanField("närvarande")

    class Meta:
        ordering = ["meeting", "organisation__name"]
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="one_attendance_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {'Ja' if self.present else 'Nej'}"


class ImportRun(models.Model):
    """One upload of a minutes PDF: the parsed document is previewed, then saved as it was."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "förhandsgranskning"
        SAVED = "saved", "sparad"
        DISCARDED = "discarded", "avbruten"

    file = models.FileField("fil", upload_to="imports/")
    original_name = models.CharField("filnamn", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    meeting_date = models.DateField("mötesdatum")
    document = models.JSONField("tolkat protokoll")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    summary = models.JSONField("sammanfattning", default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="minutes_imports",
        verbose_name="uppladdad av",
    )
    created_at = models.DateTimeField("uppladdad", auto_now_add=True)
    saved_at = models.DateTimeField("sparad", null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import"
        verbose_name_plural = "importer"

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"


class Question(models.Model):
    """A question the forum follows up from meeting to meeting until it is answered."""

    class Status(models.TextChoices):
        OPEN = "open", "öppen"
        ANSWERED = "answered", "besvarad"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="questions", verbose_name="ställd på mötet"
    )
    asked_on = models.DateField("ställd", null=True, blank=True)
    asked_by = models.ForeignKey(
        "regions.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        verbose_name="ställd av",
    )
    text = models.TextField("fråga")
    slide_number = models.PositiveIntegerField("bild", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="open")
    answer = models.TextField("svar", blank=True)
    answered_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_questions",
        verbose_name="besvarad på mötet",
    )

    class Meta:
        ordering = ["-meeting__date", "id"]
        verbose_name = "fråga"
        verbose_name_plural = "frågor"

    def __str__(self):
        return self.text[:80]

    def follow_answers(self, answers):
        """Status, answer and answering meeting from the minutes' answers (oldest first):
        the latest one counts, and "inväntar svar" is news of a wait, not an answer."""
        if not answers:
            return
        latest = answers[-1]
        self.answer = latest.text
        if latest.is_waiting:
            self.status, self.answered_at = self.Status.OPEN, None
        else:
            self.status, self.answered_at = self.Status.ANSWERED, latest.meeting


WAITING = re.compile(
    r"inv[äa]ntar\s+svar|v[äa]ntar\s+p[åa]\s+svar|ej\s+besvarad|inte\s+besvarad|"
    r"inget\s+svar|[åa]terkommer",
    re.IGNORECASE,
)


class Answer(models.Model):
    """What one meeting's minutes said about a question, so that a question asked again at a
    later meeting stays one question with its answers in order."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name="fråga"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="question_answers", verbose_name="möte"
    )
    text = models.TextField("svar")

    class Meta:
        ordering = ["meeting__date", "id"]
        verbose_name = "svar"
        verbose_name_plural = "svar"
        constraints = [
            models.UniqueConstraint(fields=["question", "meeting"], name="one_answer_a_meeting")
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_waiting(self):
        return bool(WAITING.search(self.text))


class NewsItem(models.Model):
    """Something the minutes tell in a slide's text only (meetings.news), per meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="news")
    position = models.PositiveIntegerField("ordning")
    title = models.CharField("rubrik", max_length=300)
    text = models.TextField("text")
    links = models.JSONField("länkar", default=list, blank=True)
    slide_number = models.PositiveIntegerField("bild", null=True, blank=True)

    class Meta:
        ordering = ["-meeting__date", "position"]
        verbose_name = "nyhet"
        verbose_name_plural = "nyheter"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_news_a_position"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#nyhet-{self.position}"


# The next meeting, prepared in the app: staff plan it, regions answer and ask before it.


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
    """One notice to one person about one meeting: never sent twice, retried until sent."""

    class Status(models.TextChoices):
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

"""The minutes: meetings, their slides, attendance and news, the questions followed from
meeting to meeting, and the import runs that bring a deck in."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse


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

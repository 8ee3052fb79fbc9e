"""Releases of Webcert, production incidents and the announced future changes."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Release(models.Model):
    """A Webcert release in its latest announced state; each meeting's view is an announcement."""

    version = models.CharField("version", max_length=30, unique=True)
    name = models.CharField("releasenamn", max_length=60, blank=True)
    date = models.DateField("datum", null=True, blank=True)
    user_impact = models.BooleanField("användarpåverkan", null=True, blank=True)
    items = models.JSONField("planerad utveckling", default=list, blank=True)
    release_notes_date = models.DateField("release notes", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-version"]
        verbose_name = "release"
        verbose_name_plural = "releaser"

    def __str__(self):
        return f"Webcert {self.version}" + (f" ({self.name})" if self.name else "")

    def get_absolute_url(self):
        return reverse("releases:detail", args=[self.version])


class ReleaseAnnouncement(models.Model):
    """What one meeting said about a release: shows whether its date moved between meetings."""

    meeting = models.ForeignKey(
        "webcert_forum.Meeting", on_delete=models.CASCADE, related_name="release_announcements"
    )
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="announcements")
    date = models.DateField("datum", null=True, blank=True)
    user_impact = models.BooleanField("användarpåverkan", null=True, blank=True)
    items = models.JSONField("planerad utveckling", default=list, blank=True)
    release_notes_date = models.DateField("release notes", null=True, blank=True)

    class Meta:
        ordering = ["meeting__date"]
        verbose_name = "releasebesked"
        verbose_name_plural = "releasebesked"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "release"], name="one_announcement"),
        ]

    def __str__(self):
        return f"{self.release} enligt {self.meeting}"


class Incident(models.Model):
    meeting = models.ForeignKey(
        "webcert_forum.Meeting", on_delete=models.CASCADE, related_name="incidents"
    )
    month = models.DateField("månad", help_text="Första dagen i månaden.")
    count = models.PositiveIntegerField("antal")
    description = models.TextField("orsak")

    class Meta:
        ordering = ["-month"]
        verbose_name = "produktionsincident"
        verbose_name_plural = "produktionsincidenter"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "month"], name="one_incident_note_a_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m}: {self.count} incidenter"


class TimelineEntry(models.Model):
    """An announced future change ("Juni 2022: Microsoft slutar supportera IE11")."""

    meeting = models.ForeignKey(
        "webcert_forum.Meeting", on_delete=models.CASCADE, related_name="timeline"
    )
    when = models.DateField("när", help_text="Första dagen i perioden.")
    label = models.CharField("period", max_length=60)
    text = models.TextField("förändring")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["when", "position"]
        verbose_name = "aviserad förändring"
        verbose_name_plural = "aviserade förändringar"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_entry_a_position"),
        ]

    def __str__(self):
        return f"{self.label}: {self.text[:60]}"

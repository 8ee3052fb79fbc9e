"""Organisations that take part in the forum, and the data each of them owns."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    class Kind(models.TextChoices):
        REGION = "region", "Region"
        AGENT = "agent", "Agent"
        GROUP = "group", "Grupp"
        VENDOR = "vendor", "Leverantör"
        SERVICE = "service", "Tjänst"
        OPERATOR = "operator", "Förvaltare"

    key = models.SlugField("nyckel", max_length=60, unique=True)
    name = models.CharField("namn", max_length=120)
    kind = models.CharField("typ", max_length=20, choices=Kind.choices)
    county_code = models.CharField("länskod", max_length=2, blank=True)
    members = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="groups", verbose_name="medlemmar"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"
        verbose_name_plural = "organisationer"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:detail", args=[self.key])


class OrganisationAlias(models.Model):
    """Another way the minutes write an organisation's name ("VGR", "Jönköping")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="aliases", verbose_name="organisation"
    )
    alias = models.CharField("alias", max_length=120, unique=True)

    class Meta:
        ordering = ["alias"]
        verbose_name = "alias"
        verbose_name_plural = "alias"

    def __str__(self):
        return self.alias


def calendar_token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class UserProfile(models.Model):
    """Links a user to the one organisation whose windows they may edit (region editor)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editors",
        verbose_name="organisation (regionredaktör)",
    )
    # SHA-256 of the secret in the user's feed address: a leaked database or backup holds no
    # working address. The secret itself is shown once, when it is made.
    calendar_token_hash = models.CharField(
        "kalendernyckel (SHA-256)", max_length=64, blank=True, db_index=True, default=""
    )

    class Meta:
        verbose_name = "användarprofil"
        verbose_name_plural = "användarprofiler"

    def __str__(self):
        return f"{self.user} ({self.organisation or 'ingen organisation'})"

    def new_calendar_token(self):
        """A new secret for the feed addresses (the old one stops working); returned once,
        only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.calendar_token_hash = calendar_token_hash(token)
        self.save(update_fields=["calendar_token_hash"])
        return token

    def revoke_calendar_token(self):
        self.calendar_token_hash = ""
        self.save(update_fields=["calendar_token_hash"])


def _moment(day, time):
    return f"{day:%Y-%m-%d} {time:%H:%M}" if time else f"{day:%Y-%m-%d}"


class ServiceWindowQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(end_date__gte=today).order_by("start_date", "start_time", "id")

    def past(self, today):
        return self.filter(end_date__lt=today).order_by("-start_date", "-start_time", "-id")


class ServiceWindow(models.Model):
    """A planned service window: live data that the region keeps up to date."""

    class Source(models.TextChoices):
        MINUTES = "minutes", "protokoll"
        FORM = "form", "formulär"

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="service_windows",
        verbose_name="organisation",
    )
    start_date = models.DateField("från datum")
    start_time = models.TimeField("från klockan", null=True, blank=True)
    end_date = models.DateField("till datum")
    end_time = models.TimeField("till klockan", null=True, blank=True)
    note = models.CharField("berörda system / anteckning", max_length=500, blank=True)
    source = models.CharField("källa", max_length=10, choices=Source.choices, default=Source.FORM)
    # The dates as the minutes printed them: a re-import recognises its window by these even
    # after a region has moved it in the app.
    minutes_start_date = models.DateField(null=True, blank=True, editable=False)
    minutes_end_date = models.DateField(null=True, blank=True, editable=False)
    imported_from = models.ForeignKey(
        "webcert_forum.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_windows",
        verbose_name="från mötet",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="senast ändrad av",
    )
    changed_at = models.DateTimeField("senast ändrad", auto_now=True)
    history = HistoricalRecords()

    objects = ServiceWindowQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "start_time", "id"]
        verbose_name = "servicefönster"
        verbose_name_plural = "servicefönster"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="service_window_ends_after_start",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            ),
        ]

    def __str__(self):
        if self.start_date == self.end_date:
            return f"{self.organisation}: {self.start_date:%Y-%m-%d}"
        return f"{self.organisation}: {self.start_date:%Y-%m-%d} – {self.end_date:%Y-%m-%d}"

    @property
    def edited_in_app(self):
        return self.changed_by_id is not None

    @staticmethod
    def span_of(start_date, start_time, end_date, end_time):
        """The window as two naive datetimes, the end exclusive: a missing time means the
        whole first or last day."""
        start = dt.datetime.combine(start_date, start_time or dt.time.min)
        if end_time is None:
            end = dt.datetime.combine(end_date + dt.timedelta(days=1), dt.time.min)
        else:
            end = dt.datetime.combine(end_date, end_time)
        return start, end

    @property
    def span(self):
        return self.span_of(self.start_date, self.start_time, self.end_date, self.end_time)

    @property
    def all_day(self):
        return self.start_time is None and self.end_time is None

    @property
    def duration_text(self):
        """ "2 dagar", "4 tim 30 min": whole days when the window has no times."""
        if self.all_day:
            days = (self.end_date - self.start_date).days + 1
            return "1 dag" if days == 1 else f"{days} dagar"
        start, end = self.span
        minutes = max(int((end - start).total_seconds() // 60), 0)
        hours, minutes = divmod(minutes, 60)
        if hours >= 48 and minutes == 0 and hours % 24 == 0:
            return f"{hours // 24} dagar"
        return f"{hours} tim" + (f" {minutes} min" if minutes else "")

    @property
    def start_text(self):
        return _moment(self.start_date, self.start_time)

    @property
    def end_text(self):
        return _moment(self.end_date, self.end_time)

    @property
    def when(self):
        """'2022-09-05 13:00 – 2022-09-05 17:00', '2022-09-05': the dates and times shown."""
        text = f"{self.start_date:%Y-%m-%d}"
        if self.start_time:
            text += f" {self.start_time:%H:%M}"
        if self.end_date != self.start_date or self.end_time:
            text += f" – {self.end_date:%Y-%m-%d}"
            if self.end_time:
                text += f" {self.end_time:%H:%M}"
        return text


class ConnectionDate(models.Model):
    """A death-certificate (DB/DOI) connection date as the minutes of one meeting state it."""

    meeting = models.ForeignKey(
        "webcert_forum.Meeting",
        on_delete=models.CASCADE,
        related_name="connection_dates",
        verbose_name="möte",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="connection_dates",
        verbose_name="organisation",
    )
    date = models.DateField("anslutningsdatum")
    month_only = models.BooleanField(
        "endast månad", default=False, help_text="Protokollet anger bara år och månad."
    )
    preliminary = models.BooleanField("preliminärt", default=False)

    class Meta:
        ordering = ["organisation__name", "date"]
        verbose_name = "anslutningsdatum DB/DOI"
        verbose_name_plural = "anslutningsdatum DB/DOI"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation", "date"], name="one_connection_date_per_meeting"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.display_date}"

    @property
    def display_date(self):
        return self.text_of(self.date, self.month_only, self.preliminary)

    @staticmethod
    def text_of(date, month_only, preliminary):
        """'2022-10 (prel.)': from the fields alone, for code that reads them without the
        model."""
        text = f"{date:%Y-%m}" if month_only else f"{date:%Y-%m-%d}"
        return f"{text} (prel.)" if preliminary else text

    @property
    def iso(self):
        return f"{self.date:%Y-%m}" if self.month_only else self.date.isoformat()

"""Certificate types and the monthly counts the minutes print per organisation and type."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Channel(models.TextChoices):
    ALL = "all", "Alla kanaler"
    STANDALONE = "standalone", "Webcert Fristående"


class CertificateType(models.Model):
    code = models.CharField("kod", max_length=40, unique=True)
    form = models.CharField("blankett", max_length=40, blank=True)
    internal = models.CharField("intern kod", max_length=40, blank=True)
    name_sv = models.CharField("namn", max_length=200, blank=True)
    recipient = models.CharField("mottagare", max_length=100, blank=True)
    aliases = models.JSONField("alias", default=list, blank=True)
    in_reference = models.BooleanField(
        "i referenslistan",
        default=True,
        help_text="Nej för en typ som bara finns som kolumn i ett protokoll.",
    )
    position = models.PositiveIntegerField("ordning", default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = "intygstyp"
        verbose_name_plural = "intygstyper"

    def __str__(self):
        return self.code


class CertificateCountQuerySet(models.QuerySet):
    def for_month(self, month):
        return self.filter(month=month)


class CertificateCount(models.Model):
    """One non-empty cell of a statistics table; an empty cell is no row, not a zero."""

    month = models.DateField("månad", help_text="Första dagen i månaden.")
    channel = models.CharField("kanal", max_length=12, choices=Channel.choices)
    # No index of its own: count_by_organisation_month starts with it and serves its lookups.
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="certificate_counts",
        db_index=False,
    )
    certificate_type = models.ForeignKey(
        CertificateType, on_delete=models.PROTECT, related_name="counts"
    )
    count = models.PositiveIntegerField("antal")
    meeting = models.ForeignKey(
        "webcert_forum.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificate_counts",
        verbose_name="senast från mötet",
    )
    history = HistoricalRecords()

    objects = CertificateCountQuerySet.as_manager()

    class Meta:
        ordering = ["month", "channel", "organisation__name", "certificate_type__position"]
        verbose_name = "antal utfärdade intyg"
        verbose_name_plural = "antal utfärdade intyg"
        constraints = [
            models.UniqueConstraint(
                fields=["month", "channel", "organisation", "certificate_type"],
                name="one_count_per_cell",
            ),
            models.CheckConstraint(condition=Q(count__gte=0), name="count_not_negative"),
        ]
        # Covering: the dashboard's sums per month and type read the index alone, in the
        # order they group by, instead of looking up every row for its count.
        indexes = [
            models.Index(
                fields=["channel", "month", "certificate_type", "organisation", "count"],
                name="count_by_channel_month_type",
            ),
            # An organisation's months (its page's trend, the regions list's latest month)
            # from its own entries of the index alone, in month order, instead of each of
            # its rows looked up and the months sorted.
            models.Index(
                fields=["organisation", "month", "channel", "count"],
                name="count_by_organisation_month",
            ),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.channel} {self.organisation_id} {self.certificate_type}"


class CertificateTotal(models.Model):
    """The "Totalsumma" printed in the minutes, kept to check the cells against."""

    month = models.DateField("månad")
    channel = models.CharField("kanal", max_length=12, choices=Channel.choices)
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="certificate_totals"
    )
    total = models.PositiveIntegerField("totalsumma")
    meeting = models.ForeignKey(
        "webcert_forum.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificate_totals",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["month", "channel", "organisation__name"]
        verbose_name = "totalsumma"
        verbose_name_plural = "totalsummor"
        constraints = [
            models.UniqueConstraint(
                fields=["month", "channel", "organisation"], name="one_total_per_row"
            ),
            models.CheckConstraint(condition=Q(total__gte=0), name="total_not_negative"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.channel} {self.organisation_id}: {self.total}"


class DataVersion(models.Model):
    """The version the statistics cache keys hold, in the database every process and instance
    reads: a version kept in one process's memory leaves the others serving old pages."""

    name = models.CharField(max_length=40, primary_key=True)
    version = models.CharField(max_length=32)

    class Meta:
        verbose_name = "dataversion"
        verbose_name_plural = "dataversioner"

    def __str__(self):
        return f"{self.name}: {self.version}"

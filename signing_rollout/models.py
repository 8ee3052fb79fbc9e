"""The roll-out of the new signing solution: vendor groups, joint tests, production status."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class VendorGroup(models.Model):
    key = models.SlugField("nyckel", max_length=60, unique=True)
    name = models.CharField("namn", max_length=120)
    aliases = models.JSONField("alias", default=list, blank=True)
    members = models.ManyToManyField(
        "regions.Organisation",
        blank=True,
        related_name="vendor_groups",
        verbose_name="medlemmar",
        through="VendorGroupMembership",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "leverantörsgrupp"
        verbose_name_plural = "leverantörsgrupper"

    def __str__(self):
        return self.name


class VendorGroupMembership(models.Model):
    """An organisation uses a vendor group's system, and who said so.

    Inera's word (the reference list or the admin) wins over the minutes' guess: the minutes
    only say which organisation tested for a group, so a guess is stored only for an
    organisation Inera has placed in no group (signing_rollout.services).

    A row without a group is Inera's word that the organisation uses none (its own
    integration): stored like a membership, so that it too ends the minutes' guesses and
    says who said so, while no row at all still means nobody knows."""

    class Source(models.TextChoices):
        REFERENCE = "reference", "referenslistan"
        ADMIN = "admin", "Inera i administrationen"
        MINUTES = "minutes", "protokollet"

    vendor_group = models.ForeignKey(
        VendorGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="leverantörsgrupp",
        help_text=(
            "Tom: organisationen använder ingen leverantörsgrupp (egen integration); dess "
            "medlemskap i grupper tas då bort."
        ),
    )
    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.CASCADE, related_name="vendor_group_memberships"
    )
    source = models.CharField("källa", max_length=10, choices=Source.choices, default="admin")
    meeting = models.ForeignKey(
        "webcert_forum.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Mötet vars protokoll visade att organisationen testade för gruppen.",
    )

    class Meta:
        ordering = ["vendor_group__name", "organisation__name"]
        verbose_name = "medlemskap i leverantörsgrupp"
        verbose_name_plural = "medlemskap i leverantörsgrupper"
        constraints = [
            models.UniqueConstraint(
                fields=["vendor_group", "organisation"], name="one_membership_a_group"
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(vendor_group__isnull=True),
                name="one_own_integration",
                violation_error_message="Organisationen är redan angiven utan leverantörsgrupp.",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.group_text} ({self.get_source_display()})"

    @property
    def from_minutes(self):
        return self.source == self.Source.MINUTES

    @property
    def own_integration(self):
        return self.vendor_group_id is None

    @property
    def group_text(self):
        return str(self.vendor_group) if self.vendor_group_id else OWN_INTEGRATION


OWN_INTEGRATION = "Ingen leverantörsgrupp (egen integration)"


class SigningTest(models.Model):
    """A vendor group's joint test with NMT, as one meeting reports it."""

    meeting = models.ForeignKey(
        "webcert_forum.Meeting", on_delete=models.CASCADE, related_name="signing_tests"
    )
    vendor_group = models.ForeignKey(VendorGroup, on_delete=models.PROTECT, related_name="tests")
    tested_by = models.ForeignKey(
        "regions.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_tests",
        verbose_name="testat av",
    )
    plan = models.CharField("plan", max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "vendor_group__name"]
        verbose_name = "samverkanstest"
        verbose_name_plural = "samverkanstester"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "vendor_group"], name="one_test_a_group"),
        ]

    def __str__(self):
        return f"{self.vendor_group}: {self.tested_by or self.plan or '–'}"


class ProductionStatus(models.Model):
    """An organisation's production status: from a meeting's minutes, or reported in the app."""

    class Status(models.TextChoices):
        DONE = "done", "Klart"
        PLANNED = "planned", "Planerat"
        NOT_REPORTED = "not_reported", "Ej rapporterat"

    class Source(models.TextChoices):
        MINUTES = "minutes", "protokoll"
        FORM = "form", "formulär"

    organisation = models.ForeignKey(
        "regions.Organisation", on_delete=models.PROTECT, related_name="production_statuses"
    )
    meeting = models.ForeignKey(
        "webcert_forum.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="production_statuses",
    )
    status = models.CharField("status", max_length=14, choices=Status.choices)
    date = models.DateField("datum", null=True, blank=True)
    preliminary = models.BooleanField("preliminärt", default=False)
    source = models.CharField("källa", max_length=10, choices=Source.choices)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField("rapporterat", auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "-reported_at"]
        verbose_name = "produktionsstatus"
        verbose_name_plural = "produktionsstatus"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=Q(meeting__isnull=False),
                name="one_status_per_meeting",
            ),
            models.CheckConstraint(
                condition=Q(status="planned", date__isnull=False) | ~Q(status="planned"),
                name="planned_status_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"

    @property
    def display_text(self):
        return self.text_of(self.status, self.date, self.preliminary)

    @classmethod
    def text_of(cls, status, date, preliminary):
        """'planerad 2022-10-01 (prel.)': the status with its date, as every page shows it;
        from the fields alone, for code that reads them without the model."""
        text = cls.Status(status).label
        if date:
            text += f" {date:%Y-%m-%d}"
        if preliminary:
            text += " (prel.)"
        return text

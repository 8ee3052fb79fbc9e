"""Each vendor-group membership records who said so (reference list, admin, minutes), so that
Inera's word wins over the minutes' guess. Existing memberships: an organisation that tested
for the group in some meeting's minutes came from the minutes; any other was set by Inera."""

import django.db.models.deletion
from django.db import migrations, models


def copy_memberships(apps, schema_editor):
    VendorGroup = apps.get_model("signing_rollout", "VendorGroup")
    Membership = apps.get_model("signing_rollout", "VendorGroupMembership")
    SigningTest = apps.get_model("signing_rollout", "SigningTest")
    for group in VendorGroup.objects.all():
        for organisation in group.members.all():
            test = (
                SigningTest.objects.filter(vendor_group=group, tested_by=organisation)
                .order_by("meeting__date")
                .first()
            )
            Membership.objects.create(
                vendor_group=group,
                organisation=organisation,
                source="minutes" if test else "admin",
                meeting_id=test.meeting_id if test else None,
            )


def copy_back(apps, schema_editor):
    VendorGroup = apps.get_model("signing_rollout", "VendorGroup")
    Membership = apps.get_model("signing_rollout", "VendorGroupMembership")
    for group in VendorGroup.objects.all():
        group.members.set(
            [m.organisation for m in Membership.objects.filter(vendor_group=group)]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_initial"),
        ("signing_rollout", "0001_initial"),
        ("webcert_forum", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="VendorGroupMembership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("reference", "referenslistan"),
                            ("admin", "Inera i administrationen"),
                            ("minutes", "protokollet"),
                        ],
                        default="admin",
                        max_length=10,
                        verbose_name="källa",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        help_text="Mötet vars protokoll visade att organisationen testade för gruppen.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="webcert_forum.meeting",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vendor_group_memberships",
                        to="regions.organisation",
                    ),
                ),
                (
                    "vendor_group",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="signing_rollout.vendorgroup",
                    ),
                ),
            ],
            options={
                "verbose_name": "medlemskap i leverantörsgrupp",
                "verbose_name_plural": "medlemskap i leverantörsgrupper",
                "ordering": ["vendor_group__name", "organisation__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("vendor_group", "organisation"), name="one_membership_a_group"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_memberships, copy_back),
        migrations.RemoveField(model_name="vendorgroup", name="members"),
        migrations.AddField(
            model_name="vendorgroup",
            name="members",
            field=models.ManyToManyField(
                blank=True,
                related_name="vendor_groups",
                through="signing_rollout.VendorGroupMembership",
                to="regions.organisation",
                verbose_name="medlemmar",
            ),
        ),
    ]

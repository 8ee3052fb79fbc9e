"""A membership without a group records Inera's word that an organisation uses no vendor
group (its own integration), apart from "unknown", which stays no row at all. Existing rows
all have a group and are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


def forget_own_integration(apps, schema_editor):
    # Back to a required group: the "uses none" rows cannot be kept, and without them the
    # organisation is "okänd" again, which is what the older code shows.
    Membership = apps.get_model("signing_rollout", "VendorGroupMembership")
    Membership.objects.filter(vendor_group__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("signing_rollout", "0002_vendor_group_membership_source"),
    ]

    operations = [
        migrations.AlterField(
            model_name="vendorgroupmembership",
            name="vendor_group",
            field=models.ForeignKey(
                blank=True,
                help_text="Tom: organisationen använder ingen leverantörsgrupp (egen integration); dess medlemskap i grupper tas då bort.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="memberships",
                to="signing_rollout.vendorgroup",
                verbose_name="leverantörsgrupp",
            ),
        ),
        migrations.AddConstraint(
            model_name="vendorgroupmembership",
            constraint=models.UniqueConstraint(
                condition=models.Q(("vendor_group__isnull", True)),
                fields=("organisation",),
                name="one_own_integration",
                violation_error_message="Organisationen är redan angiven utan leverantörsgrupp.",
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, forget_own_integration),
    ]

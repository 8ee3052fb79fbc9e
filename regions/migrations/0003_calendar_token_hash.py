import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    UserProfile = apps.get_model("regions", "UserProfile")
    for profile in UserProfile.objects.exclude(calendar_token_hash=""):
        profile.calendar_token_hash = hashlib.sha256(
            profile.calendar_token_hash.encode()
        ).hexdigest()
        profile.save(update_fields=["calendar_token_hash"])


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_initial")]

    operations = [
        migrations.RenameField("userprofile", "calendar_token", "calendar_token_hash"),
        migrations.AlterField(
            model_name="userprofile",
            name="calendar_token_hash",
            field=models.CharField(
                blank=True,
                db_index=True,
                default="",
                max_length=64,
                verbose_name="kalendernyckel (SHA-256)",
            ),
        ),
        # Tokens made before keep working: their hash replaces them.
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]

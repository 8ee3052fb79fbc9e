"""A notice's record is also a run's claim on it: "sending" while a run sends it."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('webcert_forum', '0005_news_items'),
    ]

    operations = [
        migrations.AlterField(
            model_name='sentnotice',
            name='status',
            field=models.CharField(choices=[('sending', 'skickas'), ('sent', 'skickat'), ('failed', 'misslyckades')], max_length=10),
        ),
    ]

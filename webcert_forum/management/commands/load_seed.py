import json

from django.core.management.base import BaseCommand

from webcert_forum.services import FIXTURES_DIR, save_minutes

SEED_DOCUMENT = FIXTURES_DIR / "seed" / "webcert-anvandarforum-2022-06.expected.json"


class Command(BaseCommand):
    help = "Load the June 2022 meeting (the seed deck) into the database; safe to repeat."

    def handle(self, *args, **options):
        document = json.loads(SEED_DOCUMENT.read_text(encoding="utf-8"))
        summary = save_minutes(document, None)
        self.stdout.write(f"June 2022 meeting: {summary.line}")

from django.core.management.base import BaseCommand

from webcert_forum.meetings.services import FIXTURES_DIR, load_reference


class Command(BaseCommand):
    help = "Load or update organisations, vendor groups and certificate types from fixtures/."

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", default=str(FIXTURES_DIR))

    def handle(self, *args, **options):
        for name, (created, updated) in load_reference(options["fixtures"]).items():
            self.stdout.write(f"{name}: created {created}, updated {updated}")

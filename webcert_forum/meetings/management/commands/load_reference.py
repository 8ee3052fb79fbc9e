from django.core.management.base import BaseCommand, CommandError

from signing_rollout.services import ReferenceListError
from webcert_forum.meetings.services import FIXTURES_DIR, load_reference


class Command(BaseCommand):
    help = (
        "Load or update organisations, vendor groups, each organisation's vendor group and "
        "certificate types from fixtures/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fixtures", default=str(FIXTURES_DIR))

    def handle(self, *args, **options):
        try:
            result = load_reference(options["fixtures"])
        except ReferenceListError as error:
            # One line on standard error, exit status 2 (as import_minutes), nothing loaded.
            raise CommandError(str(error), returncode=2) from error
        for name, (created, updated) in result.items():
            self.stdout.write(f"{name}: created {created}, updated {updated}")

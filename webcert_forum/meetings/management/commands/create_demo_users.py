from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from webcert_forum.meetings.accounts import DEMO_ACCOUNTS, create_demo_users


class Command(BaseCommand):
    help = "Create the demo accounts (password 'demo'). Only with DEBUG on."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-debug",
            action="store_true",
            help="With DEBUG off, say so and do nothing instead of failing.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            if options["if_debug"]:
                self.stdout.write("DEBUG is off: no demo accounts created.")
                return
            raise CommandError("Demo accounts are never created with DEBUG off.")
        create_demo_users()
        self.stdout.write("Demo accounts (password 'demo'):")
        for username, description in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:10} {description}")

import datetime as dt

from django.core.management.base import BaseCommand

from webcert_forum.meetings.imports.runs import clean_old_uploads


class Command(BaseCommand):
    help = (
        "Delete uploaded minutes PDFs of discarded or abandoned imports, and files no import "
        "refers to, older than --days (default 30). Saved imports keep their PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, **options):
        runs, files = clean_old_uploads(dt.timedelta(days=options["days"]))
        self.stdout.write(f"Deleted the PDFs of {runs} imports and {files} unreferenced files.")

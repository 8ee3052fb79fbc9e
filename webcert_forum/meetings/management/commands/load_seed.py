import datetime as dt

from django.core.management.base import BaseCommand

from webcert_forum.meetings.imports.runs import parse, sha256_of, source_file_for
from webcert_forum.meetings.services import FIXTURES_DIR, save_minutes

SEED_PDF = FIXTURES_DIR / "seed" / "webcert-anvandarforum-2022-06.pdf"
SEED_DATE = dt.date(2022, 6, 1)


class Command(BaseCommand):
    help = "Import the June 2022 meeting from its PDF (the seed deck); safe to repeat."

    def handle(self, *args, **options):
        # Through the importer, like any other deck: the seed proves the whole path works.
        data = SEED_PDF.read_bytes()
        document, kept = parse(data, SEED_DATE)
        summary = save_minutes(
            document,
            None,
            source_file=source_file_for(kept, SEED_DATE.isoformat()),
            sha256=sha256_of(data),
        )
        self.stdout.write(f"June 2022 meeting: {summary.line}")
        if summary.pictures_error:
            self.stdout.write(f"warning: {summary.pictures_error}")

import datetime as dt
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from webcert_forum.importer import MinutesImportError
from webcert_forum.meetings.imports.runs import parse, sha256_of, source_file_for, unresolved_line
from webcert_forum.meetings.services import DocumentRejected, preview_minutes, save_minutes

# Every problem with the file: one line on standard error, exit status 2, nothing written.
BAD_FILE = 2


class FileRefused(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Import the minutes of one Webcert användarforum meeting from its PDF. "
        "With --dry-run --json, print the parsed document and write nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the minutes PDF")
        parser.add_argument(
            "--meeting-date",
            type=dt.date.fromisoformat,
            help="YYYY-MM-DD; needed when the deck does not state its date",
        )
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed document")

    def handle(self, *args, **options):
        if options["json"] and not options["dry_run"]:
            raise CommandError("--json prints the document without saving it: add --dry-run.")
        try:
            self.run(Path(options["file"]), options["meeting_date"], options)
        except FileRefused as error:
            self.stderr.write(str(error))
            sys.exit(BAD_FILE)

    def run(self, path, meeting_date, options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FileRefused(f"Cannot read {path}: {error.strerror}.") from error
        try:
            document, kept = parse(data, meeting_date)
        except MinutesImportError as error:
            if error.code == "no_meeting_date":
                raise FileRefused(
                    "The minutes do not state the meeting date: give --meeting-date YYYY-MM-DD."
                ) from error
            raise FileRefused(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        if document.get("unresolved"):
            raise FileRefused(unresolved_line(document))
        if options["json"]:
            return
        try:
            if options["dry_run"]:
                summary = preview_minutes(document, None)
            else:
                summary = save_minutes(
                    document,
                    None,
                    source_file=source_file_for(kept, document["meeting"]["date"]),
                    sha256=sha256_of(data),
                )
        except DocumentRejected as error:
            raise FileRefused(str(error)) from error
        self.stdout.write(summary.line)
        for warning in document.get("warnings", []):
            self.stdout.write(f"warning: {warning}")
        if summary.pictures_error:
            self.stdout.write(f"warning: {summary.pictures_error}")
        for conflict in summary.conflicts:
            self.stdout.write(f"conflict: {conflict['description']}")

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from webcert_forum.meetings.drafts.services import (
    DraftError,
    convert_to_pdf,
    draft_deck,
    parse_months,
)


class Command(BaseCommand):
    help = (
        "Draft the next meeting's deck from the data as PowerPoint (and, with --pdf, as PDF "
        "through LibreOffice). Writes no data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--meeting-date",
            type=dt.date.fromisoformat,
            help="YYYY-MM-DD; by default the next meeting the latest minutes announce",
        )
        parser.add_argument(
            "--months", help="statistics months, YYYY-MM,YYYY-MM; by default the two before"
        )
        parser.add_argument("-o", "--output", required=True, help="the .pptx file to write")
        parser.add_argument("--pdf", action="store_true", help="also write the PDF beside it")

    def handle(self, *args, **options):
        output = Path(options["output"])
        try:
            months = parse_months(options["months"]) if options["months"] else None
            made = draft_deck(options["meeting_date"], months)
            output.write_bytes(made.pptx)
            written = [output]
            if options["pdf"]:
                pdf = output.with_suffix(".pdf")
                pdf.write_bytes(convert_to_pdf(made.pptx))
                written.append(pdf)
        except (DraftError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Draft of {made.meeting_date} (statistics {', '.join(made.months)}): "
            + ", ".join(str(p) for p in written)
        )

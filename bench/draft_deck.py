"""Build time of a full draft deck (< 5 s) beside the import of its own PDF.

Drafts the seed meeting (2022-06-01, statistics April and May: 17 slides) from a fresh
in-memory database, converts it with LibreOffice when installed, and imports the PDF.
Run: .venv/bin/python bench/draft_deck.py
"""

import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webcert_forum.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

LIMIT = 5.0


def main():
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    call_command("load_seed", verbosity=0)
    from webcert_forum.meetings.drafts.services import convert_to_pdf, draft_deck, soffice
    from webcert_forum.meetings.imports.runs import parse

    runs = []
    for _ in range(3):
        start = time.perf_counter()
        draft = draft_deck(dt.date(2022, 6, 1), ["2022-04", "2022-05"])
        runs.append(time.perf_counter() - start)
    build = min(runs)
    print(f"draft deck (document from the database + pptx): {build:.2f} s, best of 3")
    if soffice():
        start = time.perf_counter()
        pdf = convert_to_pdf(draft.pptx)
        print(f"LibreOffice conversion to PDF: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        parse(pdf, draft.meeting_date)
        print(f"import of the same PDF: {time.perf_counter() - start:.2f} s")
    else:
        print("LibreOffice not installed: no PDF to import")
    if build > LIMIT:
        print(f"FAIL: building the draft took more than {LIMIT} s")
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Minutes documents that differ from the June 2022 seed deck in known ways."""

import datetime as dt

SEPTEMBER = "2022-09-05"

# What the September document changes, so tests can name the expected differences.
DONE_ORG = "blekinge"  # roll-out: not reported in June, Klart in September
NEW_RELEASE_DATE = "2022-06-21"  # the release moves from 2022-06-14
NEW_WINDOW = {"org": "halland", "start": "2022-10-01", "end": "2022-10-02"}
NOW_PRESENT = "capio-st-goran"  # absent in June, present in September
CONNECTION_ORG = "halland"  # preliminary 2022-06 in June, 2022-09-20 in September


def september_document(document, revise_by=7):
    """Edit a copy of the seed document into the next meeting's minutes."""
    document["meeting"] = {"date": SEPTEMBER, "next_meeting": "2022-12-05T13:00"}
    for row in document["signing_production"]:
        if row["org"] == DONE_ORG:
            row.update(status="done", date=None, preliminary=False)
    document["release"]["date"] = NEW_RELEASE_DATE
    document["service_windows"].append(dict(NEW_WINDOW))
    for row in document["attendance"]:
        if row["org"] == NOW_PRESENT:
            row["present"] = True
    for row in document["connection_dates"]:
        if row["org"] == CONNECTION_ORG:
            row.update(dates=["2022-09-20"], preliminary=False)
    revised = document["certificate_counts"][0]
    old_count = revised["count"]
    revised["count"] = old_count + revise_by
    return document, revised, old_count


def with_slides(document, slides):
    """slides: [(title, text)] numbered from 1."""
    document["slides"] = [
        {"number": n, "title": title, "text": text} for n, (title, text) in enumerate(slides, 1)
    ]
    return document


def day(text):
    return dt.date.fromisoformat(text)

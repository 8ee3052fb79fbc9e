"""Swedish dates as the minutes write them, mostly without a year.

A yearless date gets the year that puts it between 2 months before and 10 months after
the meeting: minutes look back a little (what happened) and ahead a lot (what is planned).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4,
    "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RE = re.compile(rf"\b({MONTH_PATTERN})\b\.?", re.IGNORECASE)
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_DAY_MONTH_RE = re.compile(
    rf"\b(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?\s+({MONTH_PATTERN})\b\.?(?:\s+(\d{{4}}))?",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(
    rf"\b(\d{{1,2}})\s+({MONTH_PATTERN})\.?\s*[-–]\s*(\d{{1,2}})\s+({MONTH_PATTERN})\b",
    re.IGNORECASE,
)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.strip(" .,:").casefold())


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_year(month: int, day: int, meeting: dt.date) -> dt.date:
    """The date in the window [meeting - 2 months, meeting + 10 months)."""
    start = dt.date(*_add_months(meeting.year, meeting.month, -2), 1)
    for year in (meeting.year - 1, meeting.year, meeting.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if start <= candidate < dt.date(*_add_months(start.year, start.month, 12), 1):
            return candidate
    return dt.date(meeting.year, month, min(day, 28))


def statistics_month(month: int, meeting: dt.date, year: int | None = None) -> str:
    """The latest such month that has ended by the meeting date, as YYYY-MM."""
    if year is None:
        year = meeting.year
        last_day = dt.date(*_add_months(year, month, 1), 1) - dt.timedelta(days=1)
        if last_day > meeting:
            year -= 1
    return f"{year:04d}-{month:02d}"


def started_month(month: int, meeting: dt.date) -> str:
    """The latest such month that has begun by the meeting date ("incidenter i maj")."""
    year = meeting.year if dt.date(meeting.year, month, 1) <= meeting else meeting.year - 1
    return f"{year:04d}-{month:02d}"


def find_month(text: str) -> int | None:
    match = _MONTH_RE.search(text)
    return MONTHS[match.group(1).casefold()] if match else None


def parse_date(text: str, meeting: dt.date | None) -> dt.date | None:
    """The first full date in text: ISO, or 'D månad [YYYY]' with the year resolved."""
    iso = _ISO_RE.search(text)
    if iso and iso.group(3):
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    match = _DAY_MONTH_RE.search(text)
    if not match:
        return None
    day, month = int(match.group(1)), MONTHS[match.group(3).casefold()]
    if match.group(4):
        try:
            return dt.date(int(match.group(4)), month, day)
        except ValueError:
            return None
    if meeting is None:
        return None
    return resolve_year(month, day, meeting)


def parse_ranges(text: str, meeting: dt.date) -> list[tuple[dt.date, dt.date]]:
    """'3-4 juni + 30 juni' -> two ranges; parts are split on '+', ',', ';' and 'och'."""
    ranges = []
    for part in re.split(r"\+|,|;|\boch\b", text):
        part = part.strip()
        if not part:
            continue
        across = _RANGE_RE.search(part)
        if across:
            d1, m1, d2, m2 = across.groups()
            start = resolve_year(MONTHS[m1.casefold()], int(d1), meeting)
            end = _not_before(start, MONTHS[m2.casefold()], int(d2))
            ranges.append((start, end))
            continue
        isos = [m for m in _ISO_RE.finditer(part) if m.group(3)]
        if isos:
            dates = [dt.date(*map(int, m.groups())) for m in isos[:2]]
            ranges.append((dates[0], dates[-1]))
            continue
        match = _DAY_MONTH_RE.search(part)
        if not match:
            continue
        day, month = int(match.group(1)), MONTHS[match.group(3).casefold()]
        if match.group(4):
            start = dt.date(int(match.group(4)), month, day)
        else:
            start = resolve_year(month, day, meeting)
        end = start
        if match.group(2):
            end = _not_before(start, month, int(match.group(2)))
        ranges.append((start, end))
    return ranges


def _not_before(start: dt.date, month: int, day: int) -> dt.date:
    for year in (start.year, start.year + 1):
        try:
            end = dt.date(year, month, day)
        except ValueError:
            continue
        if end >= start:
            return end
    return start


def parse_time(text: str) -> tuple[int, int] | None:
    """'kl.13.00 – 14.30' -> (13, 0): the start time."""
    match = re.search(r"\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?", text, re.IGNORECASE)
    if not match:
        match = re.search(r"\b(\d{1,2})[.:](\d{2})\b", text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def iso_months(text: str) -> list[str]:
    """Every date or month-alone in text, ISO, as printed ('2022-06' stays a month)."""
    found = []
    for match in _ISO_RE.finditer(text):
        year, month, day = match.groups()
        if not 1 <= int(month) <= 12:
            continue
        found.append(f"{year}-{month}-{day}" if day else f"{year}-{month}")
    return found

"""Swedish dates as the minutes write them, mostly without a year.

``date_grammar`` recognises the expressions as printed; ``resolve`` here fills in what the
author left out, from the other end of a range and from the meeting date.

A yearless date gets the year that puts it between 2 months before and 10 months after
the meeting: minutes look back a little (what happened) and ahead a lot (what is planned).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .date_grammar import MONTH_PATTERN, MONTHS, Day, Span, first_clock, spans

__all__ = ["MONTH_PATTERN", "MONTHS", "Window", "find_month", "parse_date", "parse_ranges",
           "parse_time", "read_dates", "resolve", "resolve_year", "spans", "started_month",
           "statistics_month"]  # fmt: skip


@dataclass(frozen=True)
class Window:
    """A resolved expression: dates, and times when printed. A month alone ("2022-06",
    "juni 2022") spans its whole month with ``month_only`` set."""

    start: dt.date
    end: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    month_only: bool = False
    text: str = ""


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _window_start(meeting: dt.date) -> dt.date:
    return dt.date(*_add_months(meeting.year, meeting.month, -2), 1)


def _in_window(date: dt.date, meeting: dt.date) -> bool:
    start = _window_start(meeting)
    return start <= date < dt.date(*_add_months(start.year, start.month, 12), 1)


def resolve_year(month: int, day: int, meeting: dt.date) -> dt.date:
    """The date in the window [meeting - 2 months, meeting + 10 months)."""
    for year in (meeting.year - 1, meeting.year, meeting.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if _in_window(candidate, meeting):
            return candidate
    return dt.date(meeting.year, month, min(day, 28))


def _complete(start: Day, end: Day) -> tuple[Day, Day]:
    """Each end of a range lends the other what it lacks: '3-4 juni', '2024-03-09--10'."""
    if start.month is None:
        month, year = end.month, end.year
        if start.day > end.day:
            year, month = _add_months(year or 2000, month, -1) if year else (None, month - 1 or 12)
        start = Day(start.day, month, year)
    if end.month is None:
        month, year = start.month, start.year
        if end.day < start.day:
            year, month = _add_months(year or 2000, month, 1) if year else (None, month % 12 + 1)
        end = Day(end.day, month, year)
    return start, end


def _date(day: Day, year: int) -> dt.date | None:
    try:
        return dt.date(year, day.month, day.day)
    except (TypeError, ValueError):
        return None


def _end_after(start: dt.date, end: Day) -> dt.date | None:
    """The end in the start's year, or the next when it would precede the start."""
    if end.year is not None:
        return _date(end, end.year)
    first = _date(end, start.year)
    return first if first is not None and first >= start else _date(end, start.year + 1)


def resolve(span: Span, meeting: dt.date | None) -> Window | None:
    """The span's dates; None when it names no real day or needs a meeting date it lacks."""
    if span.week is not None:
        return _week(span, meeting)
    if span.month_only:
        return _month(span, meeting)
    span = _short_year_or_range(span, meeting)
    start_day, end_day = _complete(span.start, span.end or span.start)
    if start_day.year is not None:
        start = _date(start_day, start_day.year)
    elif end_day.year is not None:
        start = _date(start_day, end_day.year)
        ending = _date(end_day, end_day.year)
        if start and ending and start > ending:
            start = _date(start_day, end_day.year - 1)
    elif meeting is not None and _date(start_day, 2000):  # a leap year: 29 feb is a day
        start = resolve_year(start_day.month, start_day.day, meeting)
    else:
        start = None
    if start is None:
        return None
    end = _end_after(start, end_day)
    if end is None:
        return None
    if span.night_before:
        start -= dt.timedelta(days=1)
    elif span.end is None and span.end_time and span.start_time and span.end_time < span.start_time:
        end += dt.timedelta(days=1)  # a span over midnight ends the next day
    return Window(start, end, span.start_time, span.end_time, text=span.text)


def _short_year_or_range(span: Span, meeting: dt.date | None) -> Span:
    """ "1/6-15" in the minutes of a 2022 meeting is 1-15 June, not 1 June 2015: a short year
    more than a year from the meeting's is the end day of a range."""
    start = span.start
    if not start.short_year or span.end is not None or meeting is None:
        return span
    if abs(start.year - meeting.year) <= 1 or not 1 <= start.year % 100 <= 31:
        return span
    return replace(span, start=Day(start.day, start.month), end=Day(start.year % 100))


def _week(span: Span, meeting: dt.date | None) -> Window | None:
    first, last = span.week
    years = [span.start.year] if span.start.year else []
    if meeting is not None and not years:
        years = [meeting.year, meeting.year + 1, meeting.year - 1]
    for year in years:
        try:
            monday = dt.date.fromisocalendar(year, first, 1)
            sunday = dt.date.fromisocalendar(year if last >= first else year + 1, last, 7)
        except ValueError:
            continue
        if span.start.year or _in_window(monday, meeting):
            return Window(monday, sunday, span.start_time, span.end_time, text=span.text)
    return None


def _month(span: Span, meeting: dt.date | None) -> Window | None:
    month, year = span.start.month, span.start.year
    if year is None:
        if meeting is None:
            return None
        year = resolve_year(month, 1, meeting).year
    first = dt.date(year, month, 1)
    last = dt.date(*_add_months(year, month, 1), 1) - dt.timedelta(days=1)
    return Window(first, last, month_only=True, text=span.text)


def read_dates(text: str, meeting: dt.date | None) -> tuple[list[Window], list[str]]:
    """Every expression in text resolved, and the printed text of those that name no real
    day (a caller warns about them)."""
    read, unread = [], []
    for span in spans(text):
        window = resolve(span, meeting)
        if window is None:
            unread.append(span.text)
        else:
            read.append(window)
    return read, unread


# --- the callers' shapes -----------------------------------------------------------------


def parse_date(text: str, meeting: dt.date | None) -> dt.date | None:
    """The first day in text (a month alone is not one), its year resolved."""
    days = [w for w in read_dates(text, meeting)[0] if not w.month_only]
    return days[0].start if days else None


def parse_ranges(text: str, meeting: dt.date) -> list[tuple[dt.date, dt.date]]:
    """'3-4 juni + 30 juni' -> two ranges."""
    return [(w.start, w.end) for w in read_dates(text, meeting)[0] if not w.month_only]


def parse_time(text: str) -> tuple[int, int] | None:
    """'kl.13.00 – 14.30' -> (13, 0): the first time."""
    time = first_clock(text)
    return (time.hour, time.minute) if time else None


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
    """The first month a title names, by word ('sept.') or as ISO ('2024-09')."""
    for span in spans(text):
        if span.start.month is not None:
            return span.start.month
    return None

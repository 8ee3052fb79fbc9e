"""Swedish dates as the minutes write them, mostly without a year.

Three pure steps: ``tokens`` splits text into numbers, words and marks; ``spans`` recognises
date expressions in them (a day, a range, a night, a week, a month, each with optional times)
as printed, with the parts the author left out still missing; ``resolve`` fills those in from
each other and from the meeting date.

A yearless date gets the year that puts it between 2 months before and 10 months after
the meeting: minutes look back a little (what happened) and ahead a lot (what is planned).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "mars": 3, "mar": 3,
    "april": 4, "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RE = re.compile(rf"\b({MONTH_PATTERN})\b\.?", re.IGNORECASE)
# Words around a date that say nothing the date does not ("söndag 4 feb", "tisdagen den 3").
_NOISE_RE = re.compile(r"^(?:(?:mån|tis|ons|tors?|fre|lör|sön)(?:dag(?:en)?)?|den|från)$")
_RANGE_WORDS = {"till", "tom"}

_TOKEN_RE = re.compile(
    r"""
      (?P<iso>(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?!\d))
    | (?P<dm>(?<![\d/])(?<!\d\.)\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?(?![\d/]))
    | (?P<time>(?<![\d:])(?<!\d\.)\d{1,2}[.:]\d{2}(?![.:]?\d))
    | (?P<num>\d+)
    | (?P<word>[^\W\d_]+)
    | (?P<dash>-+|[‒–—]+)
    | (?P<sep>[+,;&\n])
    | (?P<mark>[^\s\w])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # iso, dm, time, num, word, dash, sep, mark
    text: str  # a word case-folded, the rest as printed
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    # "t.o.m." (up to and including) is one range word, however it is dotted.
    text = re.sub(r"\bt\.?\s?o\.?\s?m\b\.?", lambda m: "tom".ljust(len(m.group())), text)
    found = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        value = match.group().casefold() if kind == "word" else match.group()
        found.append(Token(kind, value, match.start(), match.end()))
    return found


@dataclass(frozen=True)
class Day:
    """A day as printed: what the author left out is None."""

    day: int | None = None
    month: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Span:
    """One date expression as printed, before its missing parts are filled in."""

    text: str
    start: Day
    end: Day | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    week: tuple[int, int] | None = None  # first and last ISO week ("v. 41", "v 41-42")
    night_before: bool = False  # "natten till 6 okt": from the day before

    @property
    def month_only(self) -> bool:
        return self.week is None and self.start.day is None


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


# --- recognising -------------------------------------------------------------------------


class _Reader:
    """Recursive descent over the tokens; every method leaves ``pos`` untouched on failure."""

    def __init__(self, text: str, found: list[Token]):
        self.text, self.toks, self.pos = text, found, 0

    def peek(self, offset: int = 0) -> Token | None:
        index = self.pos + offset
        return self.toks[index] if index < len(self.toks) else None

    def take(self, kind: str, *words: str) -> Token | None:
        tok = self.peek()
        if tok is None or tok.kind != kind or (words and tok.text not in words):
            return None
        self.pos += 1
        return tok

    def skip_noise(self) -> None:
        while (tok := self.peek()) and tok.kind == "word" and _NOISE_RE.match(tok.text):
            self.pos += 1
            self.take("mark", ".")

    def connector(self, *words: str) -> bool:
        start = self.pos
        if self.take("dash") or self.take("word", *_RANGE_WORDS, *words):
            self.take("sep", "\n")  # a range wrapped after its dash
            self.skip_noise()
            return True
        self.pos = start
        return False

    def year(self) -> int | None:
        tok = self.peek()
        if tok and tok.kind == "num" and len(tok.text) == 4 and 1900 < int(tok.text) < 2100:
            self.pos += 1
            return int(tok.text)
        return None

    def month_word(self) -> int | None:
        tok = self.peek()
        if tok and tok.kind == "word" and tok.text in MONTHS:
            self.pos += 1
            self.take("mark", ".")
            return MONTHS[tok.text]
        return None

    def point(self, partial: bool = True, month_day: bool = False) -> Day | None:
        """One day (or a month alone); with ``partial`` also a bare day number ("3" of "3-4
        juni"), with ``month_day`` an ISO short end's month-day ("04-02" of "2024-03-30--04-02").
        """
        start, tok = self.pos, self.peek()
        if tok is None:
            return None
        self.pos += 1
        if tok.kind == "iso":
            parts = [int(p) for p in tok.text.split("-")]
            return (
                Day(parts[2], parts[1], parts[0]) if len(parts) == 3 else Day(None, *parts[1::-1])
            )
        if tok.kind == "dm":
            parts = [int(p) for p in tok.text.split("/")]
            year = parts[2] + (2000 if parts[2] < 100 else 0) if len(parts) == 3 else self.year()
            return Day(parts[0], parts[1], year)
        if tok.kind == "num" and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
            month = self.month_word()
            if month:
                return Day(int(tok.text), month, self.year())
            if month_day and len(tok.text) == 2 and self.take("dash"):
                day = self.take("num")
                if day and len(day.text) == 2 and 1 <= int(tok.text) <= 12:
                    return Day(int(day.text), int(tok.text))
            self.pos = start + 1
            if partial:
                return Day(int(tok.text))
        if tok.kind == "word" and tok.text in MONTHS:
            self.pos = start
            month = self.month_word()
            return Day(None, month, self.year())
        self.pos = start
        return None

    def clock(self, bare_hours: bool = False) -> dt.time | None:
        """'kl. 9', 'kl 21.00', '09:00'; a bare hour only after 'kl' or in a time span."""
        start = self.pos
        if self.take("word", "kl", "klockan"):
            self.take("mark", ".")
            bare_hours = True
        tok = self.peek()
        value = None
        if tok and tok.kind == "time":
            hour, minute = (int(p) for p in re.split("[.:]", tok.text))
            value = dt.time(hour, minute) if hour < 24 and minute < 60 else None
        elif tok and tok.kind == "num" and bare_hours and len(tok.text) <= 2 and int(tok.text) < 24:
            value = dt.time(int(tok.text))
        if value is None:
            self.pos = start
            return None
        self.pos += 1
        return value

    def times(self, span: dict) -> None:
        """Times after a day: 'kl. 9–11.30', 'kl 21-05', '21.00 – 2/12 kl. 05.00'."""
        mark = self.pos
        self.take("sep", ",")
        span["start_time"] = self.clock()
        if span["start_time"] is None:
            self.pos = mark
            return
        start = self.pos
        if not self.connector():
            return
        end = self.point(partial=False)
        if end is not None and end.day is not None and span.get("end") is None:
            span["end"] = end
            span["end_time"] = self.clock()
            return
        self.pos = start
        self.connector()
        span["end_time"] = self.clock(bare_hours=True)
        if span["end_time"] is None:
            self.pos = start

    def week(self) -> dict | None:
        start = self.pos
        if self.take("word", "v", "vecka", "veckorna"):
            self.take("mark", ".")
            first = self.take("num")
            if first and len(first.text) <= 2:  # "v. 54" is read, and then named as no week
                last = first
                mark = self.pos
                if not (self.connector() and (last := self.take("num"))):
                    self.pos, last = mark, first
                year = self.year()
                return {"start": Day(year=year), "week": (int(first.text), int(last.text))}
        self.pos = start
        return None

    def night(self) -> dict | None:
        """'natten mellan 5 och 6 okt'; 'natten till/mot 6 okt' starts the day before."""
        start = self.pos
        if not self.take("word", "natten", "natt"):
            return None
        if self.take("word", "mellan"):
            self.skip_noise()
            first = self.point()
            if first and first.day and self.connector("och"):
                last = self.point()
                if last and last.month:
                    return {"start": first, "end": last}
        elif self.take("word", "till", "mot"):
            self.skip_noise()
            last = self.point(partial=False)
            if last and last.day:
                return {"start": last, "end": last, "night_before": True}
        self.pos = start
        return None

    def expression(self) -> dict | None:
        found = self.week() or self.night()
        if found:
            self.times(found)
            return found
        first = self.point()
        if first is None:
            return None
        span: dict = {"start": first}
        if first.day is not None:
            self.times(span)
        if span.get("end") is None and span.get("start_time") is None:
            mark = self.pos
            if self.connector():
                end = self.point(first.month is not None, month_day=first.year is not None)
                if end is not None and end.day is not None:
                    span["end"] = end
                    self.times(span)
                    return span
            self.pos = mark
        return span


def spans(text: str) -> list[Span]:
    """Every date expression in text, in order; a bare day number counts only when a list
    gives it a month ("5, 12 och 19 okt"), so counts and versions are never dates."""
    reader = _Reader(text, tokens(text))
    found: list[tuple[Span, int, int]] = []
    while reader.pos < len(reader.toks):
        first = reader.pos
        result = reader.expression()
        if result is None:
            reader.pos += 1
            continue
        toks = reader.toks[first : reader.pos]
        printed = text[toks[0].start : toks[-1].end]
        found.append((Span(printed, **result), first, reader.pos))
    return _with_listed_months(found, reader.toks)


def _with_listed_months(found, toks) -> list[Span]:
    kept: list[Span] = []
    following: Span | None = None
    following_at = None
    for span, first, last in reversed(found):
        bare = span.start.month is None and span.end is None and span.week is None
        if bare:
            if following is None or following.start.month is None:
                continue
            if not all(t.kind == "sep" or t.text == "och" for t in toks[last:following_at]):
                continue
            known = following.start
            span = Span(span.text, Day(span.start.day, known.month, known.year))
        kept.append(span)
        following, following_at = span, first
    return kept[::-1]


# --- resolving ---------------------------------------------------------------------------


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
    reader = _Reader(text, tokens(text))
    while reader.pos < len(reader.toks):
        time = reader.clock()
        if time is not None:
            return time.hour, time.minute
        reader.pos += 1
    return None


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


def month_number(word: str) -> int | None:
    return MONTHS.get(word.strip(" .,:").casefold())


def find_month(text: str) -> int | None:
    """The first month a title names, by word ('sept.') or as ISO ('2024-09')."""
    for span in spans(text):
        if span.start.month is not None:
            return span.start.month
    match = _MONTH_RE.search(text)
    return MONTHS[match.group(1).casefold()] if match else None

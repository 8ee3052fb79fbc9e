"""The grammar of Swedish dates as minutes print them: ``tokens`` splits text into numbers,
words and marks; ``spans`` recognises the date expressions among them (a day, a range, a
night, a week, a month alone, each with optional times) as printed, leaving out what the
author left out. Years and missing months are filled in by ``dates.resolve``.
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
# Words around a date that say nothing the date does not ("söndag 4 feb", "tisdagen den 3").
_NOISE_RE = re.compile(r"^(?:(?:mån|tis|ons|tors?|fre|lör|sön)(?:dag(?:en)?)?|den|från)$")
_RANGE_WORDS = {"till", "tom"}

_TOKEN_RE = re.compile(
    r"""
      (?P<iso>(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?!\d))
    | (?P<dm>(?<![\d/])(?<!\d\.)\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?(?![\d/])
        # Dotted only with its year ("14.6.2022", "14.06.22"): "14.06" alone is a time, and
        # "6.11.22" a version.
      | (?<![\d.])(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{2}\.\d{2}\.\d{2})(?!\d|\.\d))
    | (?P<time>(?<![\d:])(?<!\d\.)\d{1,2}[.:]\d{2}(?![.:]?\d))
    | (?P<num>\d+)
    | (?P<word>[^\W\d_]+)
    | (?P<dash>-+|[‒–—−]+)
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
    text = re.sub(
        r"\bt\.?\s?o\.?\s?m\b\.?", lambda m: "tom".ljust(len(m.group())), text, flags=re.I
    )
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
    # The year was printed as "-22" after the day ("14/6-22"), which may instead be the
    # end of a range; dates.resolve decides by the meeting date.
    short_year: bool = False


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


# --- recognising -------------------------------------------------------------------------


class _Reader:
    """Recursive descent over the tokens; every method leaves ``pos`` untouched on failure."""

    def __init__(self, found: list[Token]):
        self.toks, self.pos = found, 0

    def peek(self) -> Token | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

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

    def _with_year(self, day: int, month: int) -> Day:
        """The day with the year printed after it: "2022", or "-22" as Swedes shorten it
        ("14/6-22", "14 juni -22"), the dash touching the digits and nothing after them that
        would make them a day of a range ("14/6-22/6", "14 juni-22 juni")."""
        year = self.year()
        if year is not None:
            return Day(day, month, year)
        following = self.toks[self.pos : self.pos + 3]
        if (
            len(following) >= 2
            and following[0].kind == "dash"
            and following[0].text == "-"
            and following[1].kind == "num"
            and len(following[1].text) == 2
            and following[0].end == following[1].start
            and not (len(following) == 3 and self._continues_a_day(*following[1:]))
        ):
            self.pos += 2
            return Day(day, month, 2000 + int(following[1].text), short_year=True)
        return Day(day, month)

    @staticmethod
    def _continues_a_day(number: Token, after: Token) -> bool:
        """`after` makes `number` a day: a month ("22 juni") or a word on it ("22e")."""
        touching = after.start == number.end and after.kind not in ("sep", "mark")
        return touching or after.text in MONTHS

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
            parts = [int(p) for p in re.split("[/.]", tok.text)]
            if len(parts) == 3:
                return Day(parts[0], parts[1], parts[2] + (2000 if parts[2] < 100 else 0))
            return self._with_year(parts[0], parts[1])
        if tok.kind == "num" and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
            self.ordinal_ending(tok)
            after_number = self.pos
            month = self.month_word()
            if month:
                return self._with_year(int(tok.text), month)
            if month_day and len(tok.text) == 2 and self.take("dash"):
                day = self.take("num")
                if day and len(day.text) == 2 and 1 <= int(tok.text) <= 12:
                    return Day(int(day.text), int(tok.text))
            self.pos = after_number
            if partial:
                return Day(int(tok.text))
        if tok.kind == "word" and tok.text in MONTHS:
            self.pos = start
            month = self.month_word()
            return Day(None, month, self.year())
        self.pos = start
        return None

    def ordinal_ending(self, number: Token) -> None:
        """Skips the ordinal ending written onto a day number: "14:e", "1:a", "2a"."""
        start, end = self.pos, number.end
        colon = self.peek()
        if colon and colon.kind == "mark" and colon.text == ":" and colon.start == end:
            self.pos, end = self.pos + 1, colon.end
        ending = self.peek()
        if ending and ending.kind == "word" and ending.text in ("e", "a") and ending.start == end:
            self.pos += 1
            return
        self.pos = start

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
        # A bare hour opens a span only when a written time closes it: '9-11.30'.
        following = [t.kind for t in self.toks[self.pos : self.pos + 3]]
        span["start_time"] = self.clock(bare_hours=following == ["num", "dash", "time"])
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
            # "v. 54" is read, and then named as no week; "v. 7.3" is a version.
            if first and len(first.text) <= 2 and not self._version_follows():
                last = first
                mark = self.pos
                if not (self.connector() and (last := self.take("num"))):
                    self.pos, last = mark, first
                year = self.year()
                return {"start": Day(year=year), "week": (int(first.text), int(last.text))}
        self.pos = start
        return None

    def _version_follows(self) -> bool:
        following = self.toks[self.pos : self.pos + 2]
        return [t.kind for t in following] == ["mark", "num"] and following[0].text == "."

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
                # A day closes a range of days: "april – 2021-06-03" is a month, then a day.
                if end is not None and end.day is not None and first.day is not None:
                    span["end"] = end
                    self.times(span)
                    return span
            self.pos = mark
        return span


def spans(text: str) -> list[Span]:
    """Every date expression in text, in order; a bare day number counts only when a list
    gives it a month ("5, 12 och 19 okt"), so counts and versions are never dates."""
    reader = _Reader(tokens(text))
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


def first_clock(text: str) -> dt.time | None:
    """The first time of day in text ('kl.13.00', '09:00'), with or without a date."""
    reader = _Reader(tokens(text))
    while reader.pos < len(reader.toks):
        time = reader.clock()
        if time is not None:
            return time
        reader.pos += 1
    return None

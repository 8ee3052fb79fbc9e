"""How the deck writes what the document holds: dates as the minutes write them ("3–4 juni
+ 30 juni", "14 juni"), counts with a space for thousands, organisations by their labels.

Every date is written the way a person writes it and then read back with the importer's own
date reader; when the yearless form would be read as another year, the year is written out.
No Django here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from webcert_forum.core.months import SWEDISH_MONTHS
from webcert_forum.importer.dates import read_dates, statistics_month

MONTH_NAMES = SWEDISH_MONTHS
WEEKDAYS = ("Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag")
# Swedish alphabetical order: å, ä, ö after z (the deck's tables are sorted so).
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "u"})


def swedish_sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH)


def count_text(value: int | None) -> str:
    """37732 -> '37 732'; an empty cell stays empty."""
    return "" if value is None else f"{value:,}".replace(",", " ")


def _day(date: dt.date, year: bool) -> str:
    text = f"{date.day} {MONTH_NAMES[date.month - 1]}"
    return f"{text} {date.year}" if year else text


def _clock(time: str) -> str:
    return time.replace(":", ".")


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    start_time: str | None = None  # "HH:MM"
    end_time: str | None = None

    @classmethod
    def of(cls, entry: dict) -> Window:
        return cls(
            dt.date.fromisoformat(entry["start"]),
            dt.date.fromisoformat(entry["end"]),
            entry.get("start_time"),
            entry.get("end_time"),
        )


def _window_text(window: Window, year: bool) -> str:
    start, end = window.start, window.end
    if window.start_time or window.end_time:
        begin = _day(start, year) + (
            f" kl. {_clock(window.start_time)}" if window.start_time else ""
        )
        if start == end and window.start_time and window.end_time:
            return f"{begin}–{_clock(window.end_time)}"
        finish = _day(end, year) + (f" kl. {_clock(window.end_time)}" if window.end_time else "")
        return f"{begin} – {finish}"
    if start == end:
        return _day(start, year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_day(end, year)}"
    return f"{_day(start, year and start.year != end.year)} – {_day(end, year)}"


def _reads_back(text: str, windows: list[Window], meeting: dt.date) -> bool:
    read, unread = read_dates(text, meeting)
    found = [
        Window(
            w.start,
            w.end,
            w.start_time.strftime("%H:%M") if w.start_time else None,
            w.end_time.strftime("%H:%M") if w.end_time else None,
        )
        for w in read
        if not w.month_only
    ]
    return not unread and found == windows


def window_text(window: Window, meeting: dt.date) -> str:
    """'3–4 juni', '30 juni', '1 december kl. 21.00 – 2 december kl. 05.00'; the year only
    where the yearless form would be read as another year."""
    text = _window_text(window, year=False)
    if _reads_back(text, [window], meeting):
        return text
    return _window_text(window, year=True)


def windows_text(windows: list[Window], meeting: dt.date) -> str:
    """One organisation's windows in one cell: '3–4 juni + 30 juni'."""
    return " + ".join(window_text(w, meeting) for w in windows)


def date_text(date: dt.date, meeting: dt.date) -> str:
    """'14 juni', or '14 juni 2023' when the meeting's window would give another year."""
    return window_text(Window(date, date), meeting)


def month_title(month: str, meeting: dt.date) -> str:
    """'april' for the statistics month a title names, with the year when the meeting date
    would read the bare month as another year."""
    year, number = (int(part) for part in month.split("-"))
    name = MONTH_NAMES[number - 1]
    return name if statistics_month(number, meeting) == month else f"{name} {year}"


def meeting_text(value: str) -> str:
    """'2022-09-05T13:00' -> 'Måndag 5 september 2022, kl. 13.00'."""
    moment = dt.datetime.fromisoformat(value)
    text = (
        f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTH_NAMES[moment.month - 1]} {moment.year}"
    )
    return f"{text}, kl. {moment:%H.%M}" if "T" in value else text


@dataclass
class Labels:
    """How the deck names what the document holds by key: organisations by full name (the
    participants and service-window tables) or by their shortest label (every other table),
    vendor groups by name, certificate types by their printed column header."""

    full: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    vendor_groups: dict[str, str] = field(default_factory=dict)
    type_headers: dict[str, str] = field(default_factory=dict)
    type_order: list[str] = field(default_factory=list)

    @classmethod
    def from_rows(
        cls,
        organisations: Iterable[tuple[str, str, Iterable[str]]] = (),
        vendor_groups: Iterable[tuple[str, str]] = (),
        certificate_types: Iterable[tuple[str, str]] = (),
    ) -> Labels:
        """``organisations``: (key, name, aliases); ``vendor_groups``: (key, name);
        ``certificate_types``: (code, internal name) in the deck's column order."""
        labels = cls()
        for key, name, aliases in organisations:
            labels.full[key] = name
            # The deck's tables use the shortest name ("VGR", "Blekinge"); on a tie, the name.
            labels.short[key] = min([name, *aliases], key=len)
        labels.vendor_groups = dict(vendor_groups)
        for code, internal in certificate_types:
            labels.type_order.append(code)
            labels.type_headers[code] = type_header(code, internal)
        return labels

    def organisation(self, key: str, short: bool = True) -> str:
        return (self.short if short else self.full).get(key) or self.full.get(key) or key

    def vendor_group(self, key: str) -> str:
        return self.vendor_groups.get(key, key)

    def type_header(self, code: str) -> str:
        return self.type_headers.get(code, code)


def type_header(code: str, internal: str = "") -> str:
    """'FK7804\\n(lisjp)' as the deck prints the Försäkringskassan forms; others by code."""
    if code.startswith("FK") and internal:
        return f"{code}\n({internal})"
    return code

"""Classify: slide title -> which section parser reads the slide.

By words, not numbers: decks renumber their slides ("7d." one month, "8c." the next), drop
the numbers or change the order. A "(forts.)" slide continues the section before it. A
slide with an unusual title is recognised by what it holds (a header of certificate type
codes is statistics, 'Region | Datum' service windows). An agenda or cover naming every
section, and a divider (a section title alone on its page), are no section at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .dates import find_month
from .read import Slide
from .reference import fold

# (kind, words any of which in the folded title selects it), first match wins.
_TITLE_WORDS = (
    ("statistics", ("statistik",)),
    ("attendance", ("deltagare", "närvar")),
    ("status", ("hur mår webcert",)),
    ("service_windows", ("drift regioner", "servicefönster")),
    ("release", ("uppdatering av applikationen", "release")),
    ("connection_dates", ("dödsbevis", "dödsorsaksintyg")),
    ("timeline", ("framtida förändringar",)),
    ("signing", ("signering", "underskriftslösning")),
    ("next_meeting", ("nästa möte",)),
    ("questions", ("frågor",)),
)
# Sections read by coordinates; the rest are read from the page text alone.
LAYOUT_KINDS = {
    "attendance", "service_windows", "release", "connection_dates", "timeline", "signing",
    "statistics",
}  # fmt: skip
FORUM_KINDS = {kind for kind, _ in _TITLE_WORDS}


@dataclass(frozen=True, slots=True)
class Section:
    kind: str
    channel: str | None = None
    month: int | None = None
    year: int | None = None
    continued: bool = False


def strip_numbering(title: str) -> str:
    return re.sub(r"^\s*\d+\s*[a-zA-Z]?\s*[.:)]\s*", "", title).strip()


def is_continuation(title: str) -> bool:
    return bool(re.search(r"\bforts\b\.?|\(forts|fortsättning", title, re.IGNORECASE))


def kind_named_by(folded: str) -> str | None:
    return next((kind for kind, words in _TITLE_WORDS if any(w in folded for w in words)), None)


def classify(
    title: str,
    text: str = "",
    is_type: Callable[[str], bool] | None = None,
    lines: str = "",
    repeated: Collection[str] = (),
) -> Section | None:
    """The section a slide holds; ``is_type`` (a certificate type code?) lets a statistics
    table with an unusual title be recognised by its header; ``lines`` (the page's lines by
    position) show a table's header on one line however the text was written; ``repeated``
    are the (folded) lines the deck prints on most of its slides."""
    if is_agenda(title, text) or is_divider(title, text, repeated):
        return None
    folded = fold(strip_numbering(title))
    continued = is_continuation(title)
    kind = kind_named_by(folded)
    if kind is None and not continued:  # a continuation inherits the section before it
        kind = _content_kind(text, lines, is_type)
    if kind == "statistics":
        return _statistics(folded, continued)
    if kind is not None:
        return Section(kind, continued=continued)
    return None


def _lines(text: str) -> list[str]:
    return [line for line in (fold(strip_numbering(x)) for x in text.split("\n")) if line]


def is_agenda(title: str, text: str) -> bool:
    """A slide most of whose lines are the titles of three or more sections: an agenda, or
    a cover listing the meeting's points; it holds none of them."""
    lines = _lines(text)
    kinds = [kind_named_by(line) for line in lines]
    named = [kind for kind in kinds if kind is not None]
    return len(set(named)) >= 3 and len(named) >= 0.5 * len(lines)


def is_divider(title: str, text: str, repeated: Collection[str] = ()) -> bool:
    """A section title alone on its page (perhaps with a page number, or with what the
    deck prints on most of its slides: a word of the template beside every title)."""
    if not title.strip() or not text.strip():
        return False
    rest = [
        line for line in _lines(text)
        if not _PAGE_NUMBER.fullmatch(line) and line not in repeated
    ]  # fmt: skip
    return all(line in fold(title) for line in rest) and " ".join(rest) in fold(title)


# '3', '3/11', '- 3 -', '3 (11)': a page number; a date ('- 2022-12-22') is content.
_PAGE_NUMBER = re.compile(r"[\s/.()-]*(?:\d{1,3}[\s/.()-]*){0,2}")


def _content_kind(text: str, lines: str, is_type: Callable[[str], bool] | None) -> str | None:
    """By the page's text, else its lines by position, else both: a table written cell by
    cell shows a wrapped header cell ('TS' / 'bas') in its text and its rows in its lines."""
    return (
        _kind_by_content(text, is_type) or _kind_by_content(lines, is_type)
        or _kind_by_content(f"{text}\n{lines}", is_type)
    )  # fmt: skip


def _kind_by_content(text: str, is_type: Callable[[str], bool] | None) -> str | None:
    folded = fold(text)
    if "anslutningsdatum" in folded:
        return "connection_dates"
    lines = _lines(text)
    if is_type is not None and _is_statistics_table(lines, is_type):
        return "statistics"
    for line in lines:
        # A table's header line; text beside the table may share its line on the left.
        if _CONNECTION_HEADER.search(line):
            return "connection_dates"
        if _SERVICE_WINDOW_HEADER.search(line):
            return "service_windows"
        words = line.split()
        mark_header = words[-1].rstrip("?:*")
        if mark_header in ("närvarande", "närvaro"):
            return "attendance"
        # "Deltog" is an everyday word: a header only beside a label column's header.
        if (
            mark_header in ATTENDANCE_HEADERS
            and len(words) > 1
            and _LABEL_HEADER.fullmatch(words[-2])
        ):
            return "attendance"
    # By position a line falls into phrases (cells, text boxes): a header's two cells side
    # by side, with a note box beside the table on either side.
    for line in text.split("\n"):
        cells = [fold(phrase) for phrase in line.split("\t")]
        for label, value in zip(cells, cells[1:], strict=False):
            if _LABEL_HEADER.fullmatch(label) and CONNECTION_HEADER_WORD in value:
                return "connection_dates"
            if _LABEL_HEADER.fullmatch(label) and value.rstrip(":") in SERVICE_WINDOW_HEADERS:
                return "service_windows"
            if _LABEL_HEADER.fullmatch(label) and value.rstrip("?:*") in ATTENDANCE_HEADERS:
                return "attendance"
    if re.search(r"\brelease\s+\d{4}-\d+", folded) and re.search(r"\d+\.\d+\.\d+", folded):
        return "release"
    return None


# The header of an attendance table's mark column, folded, without "?" or ":".
ATTENDANCE_HEADERS = ("närvarande", "närvaro", "deltog", "deltagit", "deltar")
_LABEL_HEADER = re.compile(r"(?:region|organisation|vårdgivare)\S*")
# The word in a connection table's header: "Anslutningsdatum", "Anslutning DB/DOI", "Datum
# för anslutning"; the noun only, never a cell's "Ansluten".
CONNECTION_HEADER_WORD = "anslutning"
_CONNECTION_HEADER = re.compile(
    rf"(?:^|\s){_LABEL_HEADER.pattern}\s+(?:\S+\s+){{0,2}}{CONNECTION_HEADER_WORD}\S*"
    r"(?:\s+\S+)?$"
)
# The first word of the header over a service windows table's dates, folded.
SERVICE_WINDOW_HEADERS = ("datum", "datum/tid", "när", "tidpunkt", "servicefönster")
_SERVICE_WINDOW_HEADER = re.compile(
    rf"(?:^|\s){_LABEL_HEADER.pattern}\s+(?:{'|'.join(SERVICE_WINDOW_HEADERS)}):?$"
)


def _is_statistics_table(lines: Sequence[str], is_type: Callable[[str], bool]) -> bool:
    """Three or more type codes in a header line, or in a header wrapped over several lines
    (a code over its name: 'FK7801' / '(luae_na)'; a code itself wrapped: 'TS' / 'bas')
    above rows of counts or beside a row-total header (a month no one issued anything in)."""
    types = [{token for token in _header_tokens(line) if is_type(token)} for line in lines]
    if any(len(found) >= 3 for found in types):
        return True
    if not any(types):  # no code on a line of its own: no header (and most slides are this)
        return False
    # A wrapped code's parts stand on a following header line, perhaps with a line of
    # other cells' second lines or (text written column by column) a count between.
    words = [w for w in ([t for t in line.split() if not t.isdigit()] for line in lines) if w]
    wrapped = {
        f"{a} {b}" for i, line in enumerate(words) for below in words[i + 1 : i + 3]
        for a in line for b in below
    }  # fmt: skip
    # Header rows read into one line, a wrapped code's lower part first ("diabetes TS").
    wrapped |= {f"{b} {a}" for line in words for a, b in pairwise(line)}
    types.append({token for token in wrapped if is_type(token)})
    rows = [line for line in lines if sum(token.isdigit() for token in line.split()) >= 2]
    # A table no one issued anything in that month still has its row-total column.
    total = any(token.startswith(_TOTAL_HEADERS) for line in lines for token in line.split())
    return len(set().union(*types)) >= 3 and (bool(rows) or total)


_TOTAL_HEADERS = ("summa", "totalt", "totalsumma", "total-")


def _header_tokens(line: str) -> set[str]:
    """Single words and adjacent pairs ('ts bas'): the spellings a type header may take."""
    words = line.split()
    return {*words, *(" ".join(pair) for pair in zip(words, words[1:], strict=False))}


def _statistics(folded: str, continued: bool) -> Section:
    channel = "standalone" if "fristående" in folded else "all"
    year = re.search(r"\b(20\d\d)\b", folded)
    return Section(
        "statistics",
        channel=channel,
        month=find_month(folded.split("statistik", 1)[-1]),
        year=int(year.group(1)) if year else None,
        continued=continued,
    )


def repeated_lines(slides: Sequence[Slide]) -> set[str]:
    """Lines printed on most slides (half of them, at least three): the template's, which
    no section's content is. A table's header repeats only over its own section's slides,
    and it is only set aside where a slide is judged to be a divider."""
    seen = Counter(line for slide in slides for line in set(_lines(slide.text)))
    need = max(3, len(slides) / 2)
    return {line for line, count in seen.items() if count >= need}


def needs_layout(slide: Slide) -> bool:
    section = slide.section
    return (section is not None and section.kind in LAYOUT_KINDS) or is_continuation(slide.title)


def classify_slides(slides: Sequence[Slide], is_type: Callable[[str], bool] | None = None) -> None:
    """Set ``slide.section``; a continuation slide without its own title inherits."""
    repeated = repeated_lines(slides)
    previous = None
    for slide in slides:
        section = classify(slide.title, slide.text, is_type, slide.lines, repeated)
        if section is None and is_continuation(slide.title) and previous is not None:
            # It continues the slide right before it, not a section further back: after a
            # slide of no section ('(forts.)' of a table not recognised) it is none either.
            section = Section(previous.kind, previous.channel, previous.month, previous.year, True)
        slide.section = previous = section

"""The forum's own slides: who attended, when the next meeting is, and the best-effort
extras a person reading the minutes would want kept (incidents, timeline, questions)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import (
    MONTH_PATTERN,
    MONTHS,
    parse_date,
    parse_time,
    started_month,
)
from webcert_forum.importer.read import Slide, Word
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import left_neighbour, read_side_by_side, same_line

_PRESENT = {"ja": True, "x": True, "✓": True, "✔": True, "nej": False, "-": False}


def parse_attendance(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """Side-by-side 'Region | Närvarande' tables, read left table first."""
    attendance = []
    for slide in slides:
        words = slide.words or []
        anchors = [w for w in words if fold(w.text) in ("närvarande", "närvaro", "deltog")]
        if not anchors:
            continue
        line = max(anchors, key=lambda a: sum(1 for b in anchors if same_line(a, b)))
        anchors = sorted((a for a in anchors if same_line(a, line)), key=lambda w: w.x0)
        header = []
        for index, anchor in enumerate(anchors):
            previous = anchors[index - 1].x1 if index else -1e9
            label_header = left_neighbour(words, anchor, x_min=previous)
            if label_header is not None:
                header += [label_header, anchor]
        if not header:
            continue
        for table in read_side_by_side(words, header, len(header) // 2, rules=slide.rules):
            for row in table.rows:
                entry = _attendance_row(row.cells, slide.number, ctx)
                if entry:
                    attendance.append(entry)
    return attendance


def _attendance_row(cells: list[str], slide: int, ctx: ParseContext) -> dict | None:
    label, mark = " ".join(cells[0].split()), fold(" ".join(cells[1:]))
    if not label:
        return None
    if mark not in _PRESENT:
        # Free text under the table (the organiser's own staff) is not a participant row.
        if ctx.reference.organisation(label) is not None:
            ctx.warn(f"Slide {slide}, {label}: attendance '{mark}' is neither Ja nor Nej.")
        return None
    return {"org": ctx.organisation(label, slide), "present": _PRESENT[mark]}


def parse_next_meeting(slides: Sequence[Slide], ctx: ParseContext) -> str | None:
    """'Måndag 5 september 2022, kl.13.00 – 14.30' -> '2022-09-05T13:00'."""
    for slide in slides:
        for line in slide.text.split("\n"):
            date = parse_date(line, ctx.meeting_date)
            if date is None:
                continue
            time = parse_time(line)
            return f"{date.isoformat()}T{time[0]:02d}:{time[1]:02d}" if time else date.isoformat()
    return None


def deck_meeting_date(slides: Sequence[Slide]) -> dt.date | None:
    """A meeting date the deck names itself, on its cover ('Användarforum 1 juni 2022')."""
    from webcert_forum.importer.classify import kind_named_by

    covers = [s for s in slides if "användarforum" in fold(s.title)] or list(slides[:1])
    for slide in covers:
        if "användarforum" not in fold(slide.text) and "mötesdatum" not in fold(slide.text):
            continue
        for line in slide.text.split("\n"):
            # A cover listing the points ("Nästa möte 5 september 2022") names other dates.
            if re.search(r"\b20\d\d\b", line) and kind_named_by(fold(line)) is None:
                date = parse_date(line, None)
                if date:
                    return date
    return None


_COUNT_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "inga": 0}
_INCIDENT_RE = re.compile(
    rf"(\d+|en|ett|två|tre|fyra|fem|inga)\s+incident(?:er)?\s+(?:i|under)\s+"
    rf"({MONTH_PATTERN})\b[\s:,.–-]*(.*)",
    re.IGNORECASE,
)


def parse_incidents(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'2 incidenter i maj: båda berodde på …' -> month, count and description."""
    incidents = []
    for slide in slides:
        for line in slide.text.split("\n"):
            match = _INCIDENT_RE.search(line)
            if not match:
                continue
            number, month, description = match.groups()
            count = int(number) if number.isdigit() else _COUNT_WORDS[number.casefold()]
            incidents.append(
                {
                    "month": started_month(MONTHS[month.casefold()], ctx.meeting_date),
                    "count": count,
                    "description": description.strip(),
                    "slide": slide.number,
                }
            )
    return incidents


_PERIOD_RE = re.compile(
    rf"^(?:({MONTH_PATTERN})|vår|våren|sommar|sommaren|höst|hösten|vinter|vintern|"
    rf"q[1-4]|kv[1-4])\s+(20\d\d)$",
    re.IGNORECASE,
)


def parse_timeline(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """Announced changes under period headers ('Juni 2022'), each column read by x."""
    timeline = []
    for slide in slides:
        words = slide.words or []
        periods = [w for w in words if _PERIOD_RE.match(" ".join(w.text.split()))]
        if not periods:
            continue
        line = max(periods, key=lambda p: sum(1 for q in periods if same_line(p, q)))
        headers = sorted((p for p in periods if same_line(p, line)), key=lambda w: w.x0)
        for index, header in enumerate(headers):
            right = headers[index + 1].x0 - 2 if index + 1 < len(headers) else 1e9
            text = _column_text(words, header, right)
            match = _PERIOD_RE.match(" ".join(header.text.split()))
            month = MONTHS[match.group(1).casefold()] if match.group(1) else None
            when = f"{match.group(2)}-{month:02d}" if month else match.group(2)
            timeline.append({"when": when, "label": header.text, "text": text})
    return timeline


def _column_text(words: Sequence[Word], header: Word, right: float) -> str:
    column = sorted(
        (w for w in words if header.x0 - 2 <= w.x0 < right and w.top > header.bottom),
        key=lambda w: w.top,
    )
    kept: list[Word] = []
    for w in column:
        # A text box further down is not part of this period's column.
        if kept and w.top - max(k.bottom for k in kept) > 2.5 * w.height:
            break
        kept.append(w)
    return " ".join(" ".join(w.text for w in kept).split())


_QUESTION_RE = re.compile(
    r"Fråga från\s+(\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+(?:\s+\d{4})?)\s*:\s*(.+?\?)\s*(.*)",
    re.IGNORECASE | re.DOTALL,
)


def parse_questions(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """'Fråga från 2022-04-04: …?' with the bullet after it as answer; and on a 'Frågor'
    slide each bullet's question with the answer written after its question mark."""
    questions = []
    for slide in slides:
        bullets = [b.strip() for b in re.split(r"\n?\s*[•▪]\s*", slide.text)]
        for index, bullet in enumerate(bullets):
            match = _QUESTION_RE.search(bullet)
            if match:
                asked, text, rest = match.groups()
                date = parse_date(asked, ctx.meeting_date)
                following = bullets[index + 1] if index + 1 < len(bullets) else ""
                answer = rest.strip() or following.split("\n")[0]
                questions.append(_question(date, text, answer, slide.number))
            elif slide.section is not None and slide.section.kind == "questions":
                if "?" in bullet and fold(bullet) != fold(slide.title):
                    text, _, answer = bullet.partition("?")
                    questions.append(_question(None, text + "?", answer, slide.number))
    return questions


def _question(date: dt.date | None, text: str, answer: str, slide: int) -> dict:
    return {
        "asked_on": date.isoformat() if date else None,
        "text": " ".join(text.split()),
        "answer": " ".join(answer.split()) or None,
        "slide": slide,
    }

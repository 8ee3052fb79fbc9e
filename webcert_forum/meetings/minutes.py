"""The forum's own slides: who attended, when the next meeting is, and the questions the
forum follows up."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from webcert_forum.importer.classify import ATTENDANCE_HEADERS
from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import parse_date, parse_time
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import left_neighbour, read_side_by_side, same_line

_PRESENT = {
    "ja": True, "j": True, "x": True, "✓": True, "✔": True, "☑": True, "närvarande": True,
    "deltog": True, "nej": False, "n": False, "ej": False, "-": False, "–": False, "—": False,
    "✗": False, "✘": False, "frånvarande": False, "ej närvarande": False, "deltog ej": False,
}  # fmt: skip
# Marks that tick a box: in a table of them, a row left blank is a box left unticked.
_TICKS = {"x", "✓", "✔", "☑"}


def parse_attendance(slides: Sequence[Slide], ctx: ParseContext) -> list[dict]:
    """Side-by-side 'Region | Närvarande' tables, read left table first."""
    attendance = []
    for slide in slides:
        words = slide.words or []
        anchors = [w for w in words if fold(w.text).rstrip("?:*") in ATTENDANCE_HEADERS]
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
        tables = read_side_by_side(words, header, len(header) // 2, rules=slide.rules)
        # The slide's tables are one list cut in two: a blank is unticked if any box is ticked.
        ticked = any(
            fold(" ".join(row.cells[1:])) in _TICKS for table in tables for row in table.rows
        )
        for table in tables:
            for row in table.rows:
                entry = _attendance_row(row.cells, slide.number, ctx, ticked)
                if entry:
                    attendance.append(entry)
    return attendance


def _attendance_row(cells: list[str], slide: int, ctx: ParseContext, ticked: bool) -> dict | None:
    label, mark = " ".join(cells[0].split()), fold(" ".join(cells[1:]))
    if not label:
        return None
    if not mark and ticked and ctx.reference.organisation(label) is not None:
        return {"org": ctx.organisation(label, slide), "present": False}
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
    for slide in slides:
        text = " ".join(slide.text.split())
        ctx.warn(f"Slide {slide.number}: no date of the next meeting read in '{text[:120]}'.")
    return None


_QUESTION_RE = re.compile(
    r"Fråga från\s+(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|\d{1,2}\s+\w+\.?(?:\s+\d{4})?)\s*:"
    r"\s*(.+?\?)\s*(.*)",
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
                if date is None:
                    ctx.warn(f"Slide {slide.number}: question date '{asked}' is not a date.")
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


# The forum's own part of the minutes document (webcert_forum.importer.parts).
PARTS = (
    MinutesPart(
        keys=("attendance",),
        kinds=("attendance",),
        parse=parse_attendance,
        organisation_fields={"attendance": "org"},
        expected="attendance (Deltagare)",
        save="webcert_forum.meetings.services.save_attendance",
        changes="webcert_forum.meetings.changes.attendance_changes",
    ),
    # Saved with the meeting itself, as its header.
    MinutesPart(
        keys=("next_meeting",),
        kinds=("next_meeting",),
        parse=parse_next_meeting,
        single=True,
        expected="next meeting (Nästa möte)",
    ),
    MinutesPart(
        keys=("questions",),
        parse=parse_questions,
        whole_deck=True,
        save="webcert_forum.meetings.services.save_questions",
    ),
)

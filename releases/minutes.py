"""The release slide: "Kommande uppdatering av Webcert till version 6.11.1, release 2022-1, SP1"
(or "Webcert 7.3.0 – release 2025-1") with its date, user impact, planned items and when
the release notes come; and the best-effort extras a reader would want kept: incidents in production, announced changes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import MONTH_PATTERN, MONTHS, parse_date, started_month
from webcert_forum.importer.parts import MinutesPart
from webcert_forum.importer.read import Slide, Word
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import Line, same_line, text_lines

_BULLET_RE = re.compile(r"^[\s•·▪■◦○●\-–—✓✔*o]+\s+|^[•·▪■◦○●✓✔]+")


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", text).strip()


# A version number after "version", "Webcert" or "v", else any three-part number.
_VERSION_RES = (
    re.compile(r"\b(?:version|webcert|v\.?)\s*(\d+(?:\.\d+)+)\b", re.I),
    re.compile(r"(?<![\d.])(\d+\.\d+\.\d+)(?![\d.])"),
)


def _version(text: str) -> str | None:
    for pattern in _VERSION_RES:
        match = pattern.search(text)
        if match:
            return match.group(1)
    return None


def parse_release(slides: Sequence[Slide], ctx: ParseContext) -> dict | None:
    slide = next((s for s in slides if _version(" ".join(s.text.split()))), None)
    if slide is None:
        return None
    text = " ".join(slide.text.split())
    name = re.search(r"\brelease\s+(\d{4}-\d+)(?:\s*,?\s*(SP\s*\d+))?", text, re.I)
    lines = text_lines(slide.words) if slide.words else _plain_lines(slide.text)
    return {
        "version": _version(text),
        "name": " ".join(p.replace(" ", "") for p in name.groups() if p) if name else None,
        "date": _release_date(lines, ctx),
        "user_impact": _user_impact(fold(text)),
        "items": _planned_items(lines),
        "release_notes_date": _date_of_line(lines, ("release notes", "releasenotes"), ctx),
    }


def _plain_lines(text: str) -> list[Line]:
    return [Line(line, 0.0, 0.0, 0.0) for line in text.split("\n") if line.strip()]


def _release_date(lines: Sequence[Line], ctx: ParseContext) -> str | None:
    """The 'Datum' line's date; without such a line, the first date not about release notes
    ('Webcert 7.3.0 – release 2025-1, 14 juni')."""
    if any("datum" in fold(line.text) for line in lines):
        return _date_of_line(lines, ("datum",), ctx)
    for line in lines:
        if "release notes" not in fold(line.text):
            date = parse_date(line.text, ctx.meeting_date)
            if date:
                return date.isoformat()
    ctx.warn("Release: no release date on the slide.")
    return None


def _date_of_line(lines: Sequence[Line], keys: tuple[str, ...], ctx: ParseContext) -> str | None:
    """The first date on a line naming one of keys; a keyed line without one is a warning
    naming it, so the value is never left empty silently."""
    keyed = [line.text for line in lines if any(key in fold(line.text) for key in keys)]
    for text in keyed:
        date = parse_date(text, ctx.meeting_date)
        if date:
            return date.isoformat()
    if keyed:
        printed = " / ".join(" ".join(text.split()) for text in keyed)
        ctx.warn(f"Release: no date read in '{printed}'.")
    return None


def _user_impact(folded: str) -> bool | None:
    if re.search(r"(utan|ingen|inte någon) (användar)?påverkan", folded):
        return False
    if "användarpåverkan" in folded or "påverkar användar" in folded:
        return True
    return None


# The heading over the planned items where it is not "Planerad utveckling": a line of its
# own, so that "nytt innehåll i intygen" heads nothing.
_OTHER_ITEMS_HEADING_RE = re.compile(
    r"^(?:innehåll|nyheter|förändringar|ändringar|detta ingår|nytt i (?:versionen|releasen))"
    r"\s*:?$"
)


def _is_items_heading(text: str) -> bool:
    folded = fold(strip_bullet(text))
    return "planerad utveckling" in folded or bool(_OTHER_ITEMS_HEADING_RE.match(folded))


def _planned_items(lines: Sequence[Line]) -> list[str]:
    """First-level bullets under 'Planerad utveckling'; deeper lines join their parent."""
    start = next((i for i, line in enumerate(lines) if _is_items_heading(line.text)), None)
    if start is None:
        return []
    parent_x = lines[start].x0
    below = []
    for line in lines[start + 1 :]:
        if line.x0 <= parent_x + 2:
            break
        below.append(line)
    if not below:
        return []
    item_x = min(line.x0 for line in below)
    items: list[str] = []
    for line in below:
        text = strip_bullet(line.text)
        if line.x0 <= item_x + 2 or not items:
            items.append(text)
        else:
            items[-1] = f"{items[-1]} {text}"
    return items


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


# The releases' part of the minutes document (webcert_forum.importer.parts).
PARTS = (
    MinutesPart(
        keys=("release",),
        kinds=("release",),
        parse=parse_release,
        single=True,
        expected="release (Uppdatering av applikationen)",
        save="releases.services.save_release",
        changes="releases.changes.release_changes",
    ),
    MinutesPart(
        keys=("incidents",),
        kinds=("status",),
        parse=parse_incidents,
        save="releases.services.save_incidents",
    ),
    MinutesPart(
        keys=("timeline",),
        kinds=("timeline",),
        parse=parse_timeline,
        save="releases.services.save_timeline",
    ),
)

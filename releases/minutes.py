"""The release slide: "Kommande uppdatering av Webcert till version 6.11.1, release 2022-1, SP1"
(or "Webcert 7.3.0 – release 2025-1") with its date, user impact, planned items and when
the release notes come."""

from __future__ import annotations

import re
from collections.abc import Sequence

from webcert_forum.importer.context import ParseContext
from webcert_forum.importer.dates import parse_date
from webcert_forum.importer.read import Slide
from webcert_forum.importer.reference import fold
from webcert_forum.importer.tables import Line, text_lines

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
        "date": _date_of_line(lines, ("datum",), ctx),
        "user_impact": _user_impact(fold(text)),
        "items": _planned_items(lines),
        "release_notes_date": _date_of_line(lines, ("release notes", "releasenotes"), ctx),
    }


def _plain_lines(text: str) -> list[Line]:
    return [Line(line, 0.0, 0.0, 0.0) for line in text.split("\n") if line.strip()]


def _date_of_line(lines: Sequence[Line], keys: tuple[str, ...], ctx: ParseContext) -> str | None:
    for line in lines:
        if any(key in fold(line.text) for key in keys):
            date = parse_date(line.text, ctx.meeting_date)
            if date:
                return date.isoformat()
    return None


def _user_impact(folded: str) -> bool | None:
    if re.search(r"(utan|ingen|inte någon) (användar)?påverkan", folded):
        return False
    if "användarpåverkan" in folded or "påverkar användar" in folded:
        return True
    return None


def _planned_items(lines: Sequence[Line]) -> list[str]:
    """First-level bullets under 'Planerad utveckling'; deeper lines join their parent."""
    start = next(
        (i for i, line in enumerate(lines) if "planerad utveckling" in fold(line.text)), None
    )
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

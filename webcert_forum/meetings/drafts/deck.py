"""The draft deck: a minutes document (docs/minutes-json.md) -> a 16:9 PowerPoint.

The slides follow the forum's deck in order and wording, so that staff edit the draft as they
always edited the deck, and so that its PDF imports back to the document it was built from.
Tables are real tables; one too long for a slide continues on the next with "(forts.)" in
the title and the header repeated. Rows are drawn in the document's order (the service puts
it in the deck's). No Django here: labels come in with ``Labels``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from .wording import (
    Labels,
    Window,
    count_text,
    date_text,
    meeting_text,
    month_title,
    windows_text,
)

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TABLE_TOP = Inches(1.25)
# Below the title, and above the bottom 12 % that a template keeps for its footer (and where
# the importer looks for page numbers).
ROOM = Inches(6.5) - TABLE_TOP
FILL_IN = "(fylls i före mötet)"


@dataclass(frozen=True)
class Grid:
    """A table's look: font size and row height decide how many rows fit on a slide."""

    size: float
    row: Emu
    header_lines: int = 1

    @property
    def rows_per_slide(self) -> int:
        return int((ROOM - self.header_lines * self.row) // self.row)


PAIRS = Grid(10, Inches(0.2))
STATISTICS = Grid(9, Inches(0.215), header_lines=2)


def build_deck(document: dict, months: Sequence[str], labels: Labels) -> bytes:
    """The PowerPoint of ``document``; ``months`` are the statistics months ('YYYY-MM'),
    each drawn as an all-channels and a Webcert Fristående table."""
    meeting = dt.date.fromisoformat(document["meeting"]["date"])
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    writer = _Writer(deck, labels, meeting)
    writer.cover()
    writer.attendance(document.get("attendance") or [], document.get("draft_attendees") or [])
    writer.text_slide("2. Hur mår Webcert", ["Vad har hänt sedan sist", FILL_IN])
    writer.service_windows(document.get("service_windows") or [])
    writer.release(document.get("release"))
    writer.connection_dates(document.get("connection_dates") or [])
    writer.signing_tests(document.get("signing_tests") or [])
    writer.signing_production(document.get("signing_production") or [])
    # The planned meeting's agenda and submitted questions; without them staff write these.
    writer.text_slide("7. Övrigt", document.get("draft_agenda") or [FILL_IN])
    writer.text_slide("Frågor", document.get("draft_questions") or [FILL_IN])
    writer.next_meeting(document["meeting"].get("next_meeting"))
    writer.statistics(
        document.get("certificate_counts") or [], document.get("certificate_totals") or [], months
    )
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _chunks(rows: list, size: int) -> list[list]:
    """Rows in slides of at most ``size`` lines: a cell of two lines takes two."""
    chunks: list[list] = [[]]
    used = 0
    for row in rows:
        lines = max((cell.count("\n") + 1 for cell in row), default=1)
        if chunks[-1] and used + lines > size:
            chunks.append([])
            used = 0
        chunks[-1].append(row)
        used += lines
    return chunks


class _Writer:
    def __init__(self, deck, labels: Labels, meeting: dt.date):
        self.deck, self.labels, self.meeting = deck, labels, meeting
        self.blank = deck.slide_layouts[6]

    # --- building blocks ---------------------------------------------------------------

    def slide(self, title: str):
        slide = self.deck.slides.add_slide(self.blank)
        box = slide.shapes.add_textbox(MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(0.8))
        box.text_frame.word_wrap = True
        run = box.text_frame.paragraphs[0].add_run()
        run.text, run.font.size, run.font.bold = title, Pt(24), True
        return slide

    def text(self, slide, lines: Sequence[tuple[int, str]], left=MARGIN, top=TABLE_TOP,
             width=None, size=18):  # fmt: skip
        """Bulleted lines, (level, text); level 0 without a bullet."""
        width = width or WIDTH - 2 * MARGIN
        frame = slide.shapes.add_textbox(left, top, width, ROOM).text_frame
        frame.word_wrap = True
        for index, (level, line) in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = ("• " if level == 1 else "– " if level > 1 else "") + line
            run.font.size = Pt(size - 2 * max(level - 1, 0))
            paragraph.level = max(level - 1, 0)
            paragraph.space_after = Pt(6)

    def table(self, slide, header: Sequence[str], rows: Sequence[Sequence[str]], left, widths,
              grid: Grid, aligns: Sequence[PP_ALIGN]):  # fmt: skip
        shape = slide.shapes.add_table(
            len(rows) + 1, len(header), left, TABLE_TOP, sum(widths), grid.row * (len(rows) + 1)
        )
        table = shape.table
        for index, width in enumerate(widths):
            table.columns[index].width = width
        for number, cells in enumerate([header, *rows]):
            table.rows[number].height = grid.row * (grid.header_lines if number == 0 else 1)
            for index, text in enumerate(cells):
                cell = table.cell(number, index)
                cell.margin_top = cell.margin_bottom = Inches(0.02)
                cell.margin_left = cell.margin_right = Inches(0.05)
                frame = cell.text_frame
                for line_number, line in enumerate(text.split("\n")):
                    paragraph = frame.paragraphs[0] if line_number == 0 else frame.add_paragraph()
                    paragraph.alignment = (
                        PP_ALIGN.CENTER if number == 0 and index else aligns[index]
                    )
                    _line_height_of(paragraph, grid.size)
                    if line:  # an empty run would give the row an 18 pt line in LibreOffice
                        run = paragraph.add_run()
                        run.text = line
                        run.font.size = Pt(grid.size)
                        run.font.bold = number == 0
        return table

    def pairs(self, number: str, header: tuple[str, str], rows: list[tuple[str, str]],
              note: Sequence[str] = ()):  # fmt: skip
        """A two-column table right of a short note, continued over slides when long."""
        left = Inches(4.2) if note else MARGIN
        widths = [Inches(5.0), Inches(3.6)]
        for part, chunk in enumerate(_chunks(rows, PAIRS.rows_per_slide)):
            slide = self.slide(number + (" (forts.)" if part else ""))
            if note:
                self.text(slide, [(0, line) for line in note], width=Inches(3.4), size=16)
            self.table(slide, header, chunk, left, widths, PAIRS, [PP_ALIGN.LEFT] * 2)

    def text_slide(self, title: str, lines: Sequence[str]):
        self.text(self.slide(title), [(1, line) for line in lines])

    # --- the deck's slides -------------------------------------------------------------

    def cover(self):
        slide = self.deck.slides.add_slide(self.blank)
        box = slide.shapes.add_textbox(MARGIN, Inches(2.5), WIDTH - 2 * MARGIN, Inches(2.5))
        frame = box.text_frame
        for index, (text, size) in enumerate(
            [("Webcert användarforum", 40), (f"{self.meeting:%Y-%m-%d}", 24), ("Utkast", 18)]
        ):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            run = paragraph.add_run()
            run.text, run.font.size, run.font.bold = text, Pt(size), index == 0

    def attendance(self, entries: list[dict], attendees: Sequence[str] = ()):
        """Two 'Region | Närvarande' tables side by side; an unanswered notice is blank. Who
        comes goes in the speaker notes: the PDF (and so the import) leaves them out."""
        rows = [
            (self.labels.organisation(e["org"], short=False), _present(e.get("present")))
            for e in entries
        ]
        per_table = PAIRS.rows_per_slide
        widths = [Inches(4.3), Inches(1.6)]
        for part, chunk in enumerate(_chunks(rows, 2 * per_table)):
            slide = self.slide("1. Deltagare" + (" (forts.)" if part else ""))
            half = max((len(chunk) + 1) // 2, 1)
            for column, side in enumerate((chunk[:half], chunk[half:])):
                if side or not column:
                    left = MARGIN + column * Inches(6.3)
                    aligns = [PP_ALIGN.LEFT, PP_ALIGN.CENTER]
                    self.table(slide, ("Region", "Närvarande"), side, left, widths, PAIRS, aligns)
            if attendees and not part:
                slide.notes_slide.notes_text_frame.text = "\n".join(attendees)

    def service_windows(self, entries: list[dict]):
        """One row per organisation, its windows in date order: '3–4 juni + 30 juni'."""
        by_org: dict[str, list[Window]] = {}
        for entry in entries:
            by_org.setdefault(entry["org"], []).append(Window.of(entry))
        rows = [
            (self.labels.organisation(org, short=False), windows_text(windows, self.meeting))
            for org, windows in by_org.items()
        ]
        note = ["Planerade servicefönster", "Meddela era planerade servicefönster via:",
                "support@inera.se"]  # fmt: skip
        self.pairs("3. Drift regioner – planerade servicefönster", ("Region", "Datum"), rows, note)

    def release(self, release: dict | None):
        slide = self.slide("4. Uppdatering av applikationen")
        if not release or not release.get("version"):
            self.text(slide, [(0, "Kommande uppdatering av Webcert: " + FILL_IN)])
            return
        name = release.get("name") or ""
        head = f"Kommande uppdatering av Webcert till version {release['version']}"
        if name:
            head += ", release " + ", ".join(name.split(" ", 1))
        lines = [(0, head + ":")]
        if release.get("date"):
            when = date_text(dt.date.fromisoformat(release["date"]), self.meeting)
            lines.append((1, f"Datum: {when}"))
        impact = release.get("user_impact")
        if impact is not None:
            lines.append((1, "Release med användarpåverkan" if impact else
                          "Release utan användarpåverkan"))  # fmt: skip
        if release.get("items"):
            lines.append((1, "Planerad utveckling:"))
            lines += [(2, item) for item in release["items"]]
        if release.get("release_notes_date"):
            when = date_text(dt.date.fromisoformat(release["release_notes_date"]), self.meeting)
            lines.append((1, f"Release notes kommer publiceras: ca {when}"))
        self.text(slide, lines)

    def connection_dates(self, entries: list[dict]):
        rows = []
        for entry in entries:
            text = "\n".join(entry["dates"])
            if entry.get("preliminary"):
                text += " (prel.)"
            rows.append((self.labels.organisation(entry["org"]), text))
        self.pairs("5. Dödsbevis och Dödsorsaksintyg", ("Region/agent", "Anslutningsdatum"), rows,
                   ["DB/DOI anslutningsdatum"])  # fmt: skip

    def signing_tests(self, entries: list[dict]):
        rows = []
        for entry in entries:
            tested_by = entry.get("tested_by")
            cell = self.labels.organisation(tested_by) if tested_by else entry.get("plan") or ""
            rows.append((self.labels.vendor_group(entry["vendor_group"]), cell))
        note = ["En region från respektive leverantörsgrupp samt agenterna utför tester "
                "tillsammans med NMT."]  # fmt: skip
        self.pairs("6a. Signering i Chrome och Edge Chromium – tester",
                   ("Leverantörsgrupp", "Tester utförda"), rows, note)  # fmt: skip

    def signing_production(self, entries: list[dict]):
        rows = [(self.labels.organisation(e["org"]), _production(e)) for e in entries]
        note = ["Inkom med datum för när ni går i produktion med den nya underskriftslösningen "
                "via: support@inera.se"]  # fmt: skip
        self.pairs("6b. Signering i Chrome och Edge Chromium – produktion",
                   ("Region/agent", "Produktion"), rows, note)  # fmt: skip

    def next_meeting(self, value: str | None):
        self.text_slide("8. Nästa möte", [meeting_text(value) if value else FILL_IN])

    def statistics(self, counts: list[dict], totals: list[dict], months: Sequence[str]):
        types = _columns(counts, months, self.labels)
        header = ["Vårdgivare/\nBolag", *(self.labels.type_header(t) for t in types),
                  "Total-\nsumma"]  # fmt: skip
        label_width = Inches(1.9)
        width = (WIDTH - 2 * MARGIN - label_width) // (len(header) - 1)
        widths = [label_width] + [width] * (len(header) - 1)
        aligns = [PP_ALIGN.LEFT] + [PP_ALIGN.RIGHT] * (len(header) - 1)
        letters = iter("abcdefghijklmnopqrstuvwxyz")
        for month in months:
            for channel, words in (
                ("all", "utfärdade intyg"),
                ("standalone", "Webcert Fristående"),
            ):
                rows = self._statistics_rows(counts, totals, month, channel, types)
                title = (f"9{next(letters, '')}. Statistik och användning – {words} "
                         f"{month_title(month, self.meeting)}")  # fmt: skip
                for part, chunk in enumerate(_chunks(rows, STATISTICS.rows_per_slide)):
                    slide = self.slide(title + (" (forts.)" if part else ""))
                    self.table(slide, header, chunk, MARGIN, widths, STATISTICS, aligns)

    def _statistics_rows(self, counts, totals, month, channel, types):
        cells: dict[str, dict[str, int]] = {}
        printed: dict[str, int] = {}
        for c in counts:
            if (c["month"], c["channel"]) == (month, channel):
                cells.setdefault(c["org"], {})[c["type"]] = c["count"]
        for t in totals:
            if (t["month"], t["channel"]) == (month, channel):
                printed[t["org"]] = t["total"]
                cells.setdefault(t["org"], {})
        return [
            [
                self.labels.organisation(org),
                *(count_text(cells[org].get(t)) for t in types),
                count_text(printed.get(org)),
            ]  # fmt: skip
            for org in cells
        ]


def _line_height_of(paragraph, size: float) -> None:
    """An empty cell's line is as tall as its paragraph's end mark (18 pt unless told)."""
    paragraph.font.size = Pt(size)
    paragraph._p.get_or_add_endParaRPr().set("sz", str(round(size * 100)))


def _present(value: bool | None) -> str:
    return "" if value is None else "Ja" if value else "Nej"


def _production(entry: dict) -> str:
    if entry["status"] == "done":
        return "Klart"
    if entry["status"] == "planned" and entry.get("date"):
        return ("Prel " if entry.get("preliminary") else "") + entry["date"]
    return ""


def _columns(counts: list[dict], months: Sequence[str], labels: Labels) -> list[str]:
    """The deck's columns: the known types in their order, then any type the data adds."""
    used = {c["type"] for c in counts if c["month"] in months}
    known = [code for code in labels.type_order if code in used or not used]
    return known + sorted(used - set(known))

"""Forum-deck PDFs built from plain data, with switches for what later decks will vary.

``sample_deck(...)`` gives a deck plus the ground truth the importer must read back from it;
``render(deck, style)`` draws it with reportlab the way PowerPoint/LibreOffice exports look
(page-sized white background, title in the largest font, tables as positioned cell texts).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import partial

from reportlab.lib.colors import black, white
from reportlab.pdfgen import canvas

WIDE = (960.0, 540.0)  # 16:9
STANDARD = (720.0, 540.0)  # 4:3

TYPES = ["AG1-14", "AG7804", "DB", "DOI", "FK7804", "FK7802", "FK7801", "FK7800", "TS bas",
         "TS diabetes"]  # fmt: skip
WRAPPED_HEADERS = {
    "FK7804": "FK7804\n(lisjp)", "FK7802": "FK7802\n(luae_fs)", "FK7801": "FK7801\n(luae_na)",
    "FK7800": "FK7800\n(luse)", "TS bas": "TS\nbas", "TS diabetes": "TS\ndiabetes",
}  # fmt: skip
SHORT_LABELS = {
    "blekinge": "Blekinge", "capio-st-goran": "Capio St Göran", "dalarna": "Dalarna",
    "jamtland-harjedalen": "Jämtland/Härjedalen", "jonkoping": "Jönköping",
    "kalmar": "Kalmar", "skane": "Skåne", "stockholm-gotland": "Stockholm/Gotland",
    "vastra-gotaland": "VGR", "varmland": "Värmland", "orebro": "Örebro",
    "ostergotland": "Östergötland",
}  # fmt: skip
FULL_LABELS = {
    "blekinge": "Region Blekinge", "capio-st-goran": "Capio S:t Görans sjukhus",
    "dalarna": "Region Dalarna", "jamtland-harjedalen": "Region Jämtland Härjedalen",
    "jonkoping": "Region Jönköpings län", "kalmar": "Region Kalmar län",
    "skane": "Region Skåne", "stockholm-gotland": "Stockholm/Gotland",
    "vastra-gotaland": "Västra Götalandsregionen", "varmland": "Region Värmland",
    "orebro": "Region Örebro län", "ostergotland": "Region Östergötland",
}  # fmt: skip
DECK_TITLE = "Webcert användarforum"
ORGANISATION = "Inera AB"
NOTE_NAMES = ["Kontaktpersoner:", "Anna Andersson", "Bertil Berg", "Cecilia Ceder", "David Dahl",
              "Eva Ek", "Fredrik Fors", "Greta Gran", "Hans Holm"]  # fmt: skip
NOTE_LINE = "Siffrorna är preliminära och kan komma att justeras, källa: Intygsstatistik"
LEGEND = "* Totalsumma avser alla intygstyper, även de som saknas i tabellen"
MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december"]  # fmt: skip


@dataclass
class Style:
    pagesize: tuple[float, float] = WIDE
    rules: bool = True
    number_align: str = "right"  # left | centre | right
    header_align: str = "centre"
    wrap_headers: bool = True
    wrap_labels: bool = True
    thousands: str = ""  # "", " " or "\u00a0"
    stray_word: str | None = None
    # None: a label column's header follows its labels unless the whole header is centred.
    label_header_align: str | None = None
    # Running header (deck title, organisation) and footer (meeting date, page number):
    # the page number's form, e.g. "{n}", "{n}/{total}", "Sida {n} av {total}", "- {n} -".
    furniture: str | None = None
    page_number_at: str = "right"  # right | centre | left
    # A note box with a list of names right of each table, its lines interleaving with
    # the rows, a note line between the header and the first row, a legend right under it.
    side_note: bool = False
    glyphs: bool = False  # every glyph its own show-text, no space glyphs (print drivers)
    column_order: bool = False  # table text written column by column
    image_only: bool = False  # every page an image (a scanned deck): no text layer
    scaled_text: bool = False  # "1 Tf" and the size in the text matrix, as some tools write
    row_scale: float = 1.0  # statistics rows this much taller: a table down to the footer


@dataclass
class StatisticsTable:
    title: str
    month: str  # the YYYY-MM the importer must resolve it to
    channel: str
    types: list[str]  # printed header per type column (canonical code or an unknown type)
    rows: list[tuple[str, str, list[int | None], int | None]]  # key, label, cells, total
    rows_per_slide: int | None = None
    continued_title: str | None = None  # title of later parts; default: title + " (forts.)"


@dataclass
class ForumDeck:
    attendance: list[tuple[str, str, bool]] = field(default_factory=list)  # key, label, present
    service_windows: list[tuple[str, str, str]] = field(default_factory=list)  # key, label, text
    connection_dates: list[tuple[str, str, str]] = field(default_factory=list)
    signing_tests: list[tuple[str, str]] = field(default_factory=list)  # vendor label, cell
    signing_production: list[tuple[str, str, str]] = field(default_factory=list)
    release_lines: list[tuple[int, str]] = field(default_factory=list)  # indent level, text
    statistics: list[StatisticsTable] = field(default_factory=list)
    next_meeting: str | None = None
    meeting_label: str = "1 juni 2022"  # the meeting's own date, as a running footer prints it
    extra_slides: list[tuple[str, list[str]]] = field(default_factory=list)


def fmt_count(value: int, thousands: str) -> str:
    return f"{value:,}".replace(",", thousands) if thousands else str(value)


def statistics_rows(keys, labels, types, seed, empty_share=0.3, wrong_total_for=None):
    """Rows with seeded counts, empty cells in varied positions and their true totals."""
    rng = random.Random(seed)
    rows = []
    for key in keys:
        cells = []
        for index, _ in enumerate(types):
            if rng.random() < empty_share:
                cells.append(None)
            elif index == 4:
                cells.append(rng.choice([rng.randint(900, 9999), rng.randint(10000, 45000)]))
            else:
                cells.append(rng.randint(1, 999))
        total = sum(c for c in cells if c)
        if key == wrong_total_for:
            total += 10
        rows.append((key, labels[key], cells, total if any(cells) else None))
    return rows


def sample_deck(
    year: int = 2022,
    months: tuple[int, ...] = (4, 5),
    full_names: bool = False,
    extra_type: str | None = None,
    rows_per_slide: int | None = None,
    shuffle: bool = False,
    seed: int = 1,
    wrong_total_for: str | None = None,
    standalone_over: bool = False,
) -> ForumDeck:
    """A deck for a meeting in the month after ``months[-1]`` of ``year``."""
    labels = FULL_LABELS if full_names else SHORT_LABELS
    keys = list(labels)
    if shuffle:
        random.Random(seed).shuffle(keys)
    types = TYPES + ([extra_type] if extra_type else [])
    statistics = []
    for offset, month in enumerate(months):
        for channel in ("all", "standalone"):
            rows = statistics_rows(
                keys, labels, types, seed * 100 + offset * 2 + (channel == "standalone"),
                empty_share=0.3 if channel == "all" else 0.6, wrong_total_for=wrong_total_for,
            )  # fmt: skip
            if channel == "standalone":
                rows = [_capped(row, statistics[-1].rows, standalone_over) for row in rows]
            name = MONTH_NAMES[month - 1]
            letter = "abcdefghijklmnopqrstuvwxyz"[len(statistics) % 26]
            title = f"{11 + len(statistics) // 26}{letter}. Statistik och användning – " + (
                f"utfärdade intyg {name}" if channel == "all" else f"Webcert Fristående {name}"
            )
            statistics.append(
                StatisticsTable(title, f"{year}-{month:02d}", channel, types, rows, rows_per_slide)
            )
    return ForumDeck(
        attendance=[(k, FULL_LABELS[k], i % 5 != 3) for i, k in enumerate(FULL_LABELS)],
        service_windows=[
            ("jonkoping", labels["jonkoping"], "3-4 juni + 30 juni"),
            ("skane", labels["skane"], "4 oktober"),
        ],  # fmt: skip
        connection_dates=[
            ("blekinge", labels["blekinge"], "2021-05-11"),
            ("vastra-gotaland", labels["vastra-gotaland"], "2021-10-13\n2022-04-06"),
            ("dalarna", labels["dalarna"], "2022-06 (prel.)"),
        ],  # fmt: skip
        signing_tests=[("Cosmic", "Värmland"), ("Kliniken", "plan mitten av juni"), ("VAS", "")],
        signing_production=[
            ("blekinge", labels["blekinge"], ""),
            ("skane", labels["skane"], "Klart"),
            ("stockholm-gotland", labels["stockholm-gotland"], "Prel 2022-06-13"),
        ],
        release_lines=[
            (0, "Kommande uppdatering av Webcert till version 7.2.0, release 2023-2:"),
            (1, "- Datum: 14 juni, dagtid"),
            (1, "- Release utan användarpåverkan"),
            (1, "- Planerad utveckling:"),
            (2, "- Ny funktion A"),
            (2, "- Förbättring B:"),
            (3, "- detalj C"),
            (2, "- Buggrättningar"),
            (1, "- Release notes och manualer"),
            (2, "- Release notes kommer publiceras: ca 7 juni"),
        ],  # fmt: skip
        statistics=statistics,
        next_meeting="Måndag 5 september 2022, kl.13.00 – 14.30",
    )


def _capped(row, all_rows, over):
    key, label, cells, _ = row
    everything = next(r[2] for r in all_rows if r[0] == key)
    capped = [
        None if c is None or e is None else (c if over else min(c, e) // 3 or None)
        for c, e in zip(cells, everything, strict=True)
    ]
    if over and key == "blekinge":
        index = next(i for i, e in enumerate(everything) if e)
        capped[index] = everything[index] + 5
    total = sum(c for c in capped if c)
    return key, label, capped, total or None


# --- drawing ---------------------------------------------------------------------------


def render(deck: ForumDeck, style: Style | None = None, encrypt=None, sections=None) -> bytes:
    """The deck as PDF bytes; ``sections`` limits which sections are drawn."""
    style = style or Style()
    wanted = sections or {"attendance", "service_windows", "release", "connection_dates",
                          "signing", "next_meeting", "statistics"}  # fmt: skip
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=style.pagesize, encrypt=encrypt)
    pages = []
    if "attendance" in wanted:
        pages.append(partial(_attendance, pdf, deck, style))
    if "service_windows" in wanted:
        rows = [(label, text) for _, label, text in deck.service_windows]
        pages.append(partial(_two_column, pdf, style, "4. Drift regioner", "Region", "Datum", rows))
    if "release" in wanted:
        title = "5. Uppdatering av applikationen"
        pages.append(partial(_text_slide, pdf, style, title, deck.release_lines))
    if "connection_dates" in wanted:
        rows = [(label, text) for _, label, text in deck.connection_dates]
        title = "6. Dödsbevis och Dödsorsaksintyg"
        pages.append(
            partial(_two_column, pdf, style, title, "Region/agent", "Anslutningsdatum", rows)
        )
    if "signing" in wanted:
        title = "7d. Signering i Chrome och Edge Chromium"
        rows = deck.signing_tests
        pages.append(
            partial(_two_column, pdf, style, title, "Leverantörsgrupp", "Tester utförda", rows)
        )
        rows = [(label, text) for _, label, text in deck.signing_production]
        pages.append(partial(_two_column, pdf, style, title, "Region/agent", "Produktion", rows))
    if "next_meeting" in wanted and deck.next_meeting:
        lines = [(1, f"- {deck.next_meeting}")]
        pages.append(partial(_text_slide, pdf, style, "10. Nästa möte", lines))
    for title, lines in deck.extra_slides:
        pages.append(partial(_text_slide, pdf, style, title, [(1, line) for line in lines]))
    if "statistics" in wanted:
        for table in deck.statistics:
            for part, rows in enumerate(_chunks(table.rows, table.rows_per_slide)):
                title = table.title
                if part:
                    title = table.continued_title or f"{table.title} (forts.)"
                pages.append(partial(_statistics, pdf, style, title, table, rows))
    for number, draw in enumerate(pages, start=1):
        _background(pdf, style)
        draw()
        if style.furniture:
            _furniture(pdf, style, number, len(pages), deck.meeting_label)
        pdf.showPage()
    pdf.save()
    if style.image_only:
        return _as_images(buffer.getvalue(), style)
    return buffer.getvalue()


def _furniture(pdf, style, number, total, meeting_label):
    """What a template repeats on every slide: deck title and organisation on top, the
    meeting's date and the page number at the bottom."""
    width, height = style.pagesize
    _write(pdf, style, 30, height - 16, DECK_TITLE, size=9)
    _write(pdf, style, width - 30, height - 16, ORGANISATION, size=9, align="right")
    _write(pdf, style, 30, 14, meeting_label, size=9)
    page = style.furniture.format(n=number, total=total)
    x = {"left": width / 2 - 200, "centre": width / 2, "right": width - 30}[style.page_number_at]
    align = {"left": "left", "centre": "centre", "right": "right"}[style.page_number_at]
    _write(pdf, style, x, 14, page, size=9, align=align)


def _as_images(data, style):
    """The deck as a scan: each page rendered to a bitmap and placed as an image."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    source = pdfium.PdfDocument(data)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=style.pagesize)
    for page in source:
        image = page.render(scale=1).to_pil()
        pdf.drawImage(ImageReader(image), 0, 0, *style.pagesize)
        pdf.showPage()
    source.close()
    pdf.save()
    return buffer.getvalue()


def _write(pdf, style, x, y, text, font="Helvetica", size=10, align="left"):
    """One string; with ``style.glyphs`` each glyph is drawn on its own and spaces are
    left as gaps, the way print drivers write PDFs."""
    pdf.setFont(font, size)
    width = pdf.stringWidth(text, font, size)
    start = {"left": x, "right": x - width, "centre": x - width / 2}[align]
    pieces = [(start, text)]
    if style.glyphs:
        pieces = []
        for char in text:
            if not char.isspace():
                pieces.append((start, char))
            start += pdf.stringWidth(char, font, size)
    for x_at, piece in pieces:
        if style.scaled_text:
            text_object = pdf.beginText()
            text_object.setTextTransform(size, 0, 0, size, x_at, y)
            text_object.setFont(font, 1)
            text_object.textOut(piece)
            pdf.drawText(text_object)
        else:
            pdf.drawString(x_at, y, piece)


def _chunks(rows, size):
    size = size or len(rows) or 1
    return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def _background(pdf, style):
    pdf.setFillColor(white)
    pdf.rect(0, 0, *style.pagesize, stroke=0, fill=1)
    pdf.setFillColor(black)


def _title(pdf, style, title):
    width, height = style.pagesize
    _write(pdf, style, 30, height - 50, title, "Helvetica-Bold", 22)
    if style.stray_word:
        _write(pdf, style, width - 90, height - 75, style.stray_word, size=15)


def _text_slide(pdf, style, title, lines):
    _title(pdf, style, title)
    y = style.pagesize[1] - 100
    for level, text in lines:
        _write(pdf, style, 36 + 28 * level, y, text, size=13)
        y -= 19


def _cell(pdf, style, text, x0, x1, baseline, align, size):
    x = {"left": x0 + 3, "right": x1 - 3}.get(align, (x0 + x1) / 2)
    _write(pdf, style, x, baseline, text, size=size, align=align)


def _names_box(pdf, style, x, top, size):
    """A note box of names beside a table, its line pitch unlike the table's rows."""
    y = style.pagesize[1] - top - size
    for line in NOTE_NAMES:
        _write(pdf, style, x, y, line, size=size)
        y -= size * 1.45


def _table(
    pdf, style, x, top, widths, header, rows, aligns, size, row_height, note=None, legend=None
):
    """Cells drawn one by one; a cell's lines are centred vertically on its row. With
    ``style.column_order`` the text is written column by column; ``note`` is a line of
    text between the header and the first row, ``legend`` one right under the last row."""
    height = style.pagesize[1]
    edges = [x]
    for w in widths:
        edges.append(edges[-1] + w)
    y = height - top
    all_rows = [(header, style.header_align, 2 * row_height)] + [
        (row, None, row_height) for row in rows
    ]
    lead = size * 1.15
    cells_to_draw = []
    for number, (cells, header_align, h) in enumerate(all_rows):
        # Like PowerPoint, a row grows to fit a cell wrapped over several lines.
        tallest = max((len(text.split("\n")) for text in cells if text), default=1)
        h = max(h, tallest * lead + 0.9 * size)
        centre = y - h / 2
        for index, text in enumerate(cells):
            lines = text.split("\n") if text else []
            align = aligns[index]
            if header_align and (index or header_align == "centre"):
                align = header_align
            if header_align and not index and style.label_header_align:
                align = style.label_header_align
            first = centre + (len(lines) - 1) * lead / 2 - size * 0.35
            for n, line in enumerate(lines):
                cells_to_draw.append(
                    ((index, number) if style.column_order else (number, index),
                     partial(_cell, pdf, style, line, edges[index], edges[index + 1],
                             first - n * lead, align, size))
                )  # fmt: skip
        if style.rules:
            pdf.setLineWidth(0.5)
            pdf.line(edges[0], y, edges[-1], y)
            for e in edges:
                pdf.line(e, y, e, y - h)
        y -= h
        if note and number == 0:
            _write(pdf, style, edges[0] + 3, y - 1.3 * size, note, size=size)
            y -= 1.8 * size
    if style.rules:
        pdf.line(edges[0], y, edges[-1], y)
    if legend:
        _write(pdf, style, edges[0] + 3, y - 1.2 * size, legend, size=size)
    for _, draw in sorted(cells_to_draw, key=lambda item: item[0]):
        draw()


def _attendance(pdf, deck, style):
    _title(pdf, style, "1. Deltagare")
    half = (len(deck.attendance) + 1) // 2
    width = style.pagesize[0]
    for n, part in enumerate((deck.attendance[:half], deck.attendance[half:])):
        rows = [[label, "Ja" if present else "Nej"] for _, label, present in part]
        x = 30 + n * (width - 60) / 2
        widths = [(width - 60) / 2 * 0.62, (width - 60) / 2 * 0.3]
        _table(pdf, style, x, 80, widths, ["Region", "Närvarande"], rows,
               ["left", "centre"], 10, 18)  # fmt: skip


def _two_column(pdf, style, title, left_header, right_header, rows):
    _title(pdf, style, title)
    width = style.pagesize[0]
    _write(pdf, style, 36, style.pagesize[1] - 110, "Text bredvid tabellen", size=12)
    x = width * (0.33 if style.side_note else 0.45)
    widths = [width * 0.25, width * 0.2] if style.side_note else [width * 0.28, width * 0.22]
    body = [[label, text] for label, text in rows]
    _table(pdf, style, x, 90, widths, [left_header, right_header], body, ["left", "left"], 10,
           30)  # fmt: skip
    if style.side_note:
        _names_box(pdf, style, x + sum(widths) + 25, 96, 9)


def _statistics(pdf, style, title, table, rows):
    _title(pdf, style, title)
    width = style.pagesize[0]
    narrow = width < 800
    size = 7.5 if narrow else 9
    # A 4:3 table narrowed for a note box only fits its headers wrapped, as an author would.
    wrap = style.wrap_headers or (narrow and style.side_note)
    headers = ["Vårdgivare/\nBolag" if wrap else "Vårdgivare"]
    for printed in table.types:
        headers.append(WRAPPED_HEADERS.get(printed, printed) if wrap else printed)
    headers.append("Total-\nsumma" if wrap else "Totalsumma")
    label_width = 100 if narrow else 130
    room = width - 60 - (110 if style.side_note else 0)
    widths = [label_width] + [(room - label_width) / (len(headers) - 1)] * (len(headers) - 1)
    body = []
    for _, label, cells, total in rows:
        if style.wrap_labels and "/" in label:
            label = label.replace("/", "/\n", 1)
        elif style.wrap_labels and len(label) > 16:
            label = "\n".join(label.rsplit(" ", 1))
        printed = [fmt_count(c, style.thousands) if c is not None else "" for c in cells]
        body.append([label, *printed, fmt_count(total, style.thousands) if total else ""])
    aligns = ["left"] + [style.number_align] * (len(headers) - 1)
    note, legend = (NOTE_LINE, LEGEND) if style.side_note else (None, None)
    row_height = 2.1 * size * style.row_scale
    _table(pdf, style, 30, 75, widths, headers, body, aligns, size, row_height, note, legend)
    if style.side_note:
        _names_box(pdf, style, 30 + sum(widths) + 14, 80, size)

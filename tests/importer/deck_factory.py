"""Forum-deck PDFs built from plain data, with switches for what later decks will vary.

``sample_deck(...)`` gives a deck plus the ground truth the importer must read back from it;
``render(deck, style)`` draws it with reportlab the way PowerPoint/LibreOffice exports look
(page-sized white background, title in the largest font, tables as positioned cell texts).
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass, field, replace
from functools import partial

from reportlab.lib.colors import black, white
from reportlab.pdfbase.pdfmetrics import stringWidth
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
# The recipient each type goes to: the group cell printed over its code.
RECIPIENTS = {
    "AG1-14": "Arbetsgivare", "AG7804": "Arbetsgivare", "DB": "Socialstyrelsen",
    "DOI": "Socialstyrelsen", "FK7804": "Försäkringskassan", "FK7802": "Försäkringskassan",
    "FK7801": "Försäkringskassan", "FK7800": "Försäkringskassan",
    "TS bas": "Transportstyrelsen", "TS diabetes": "Transportstyrelsen",
}  # fmt: skip
# Where an author breaks a recipient's name that is wider than its merged cell.
RECIPIENT_BREAKS = {
    "Arbetsgivare": "Arbets-\ngivare", "Socialstyrelsen": "Social-\nstyrelsen",
    "Försäkringskassan": "Försäkrings-\nkassan", "Transportstyrelsen": "Transport-\nstyrelsen",
}  # fmt: skip
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
    thousands: str = ""  # "", " ", "\u00a0", "," or "."
    empty_cell: str = ""  # what an empty statistics cell shows: "" or a dash
    # How the attendance table marks present and absent, and heads its mark column.
    attendance_marks: tuple[str, str] = ("Ja", "Nej")
    attendance_header: str = "Närvarande"
    # The service windows table's headers.
    window_headers: tuple[str, str] = ("Region", "Datum")
    # The value headers of the connection, signing test and production tables.
    connection_header: str = "Anslutningsdatum"
    tests_header: str = "Tester utförda"
    production_header: str = "Produktion"
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
    rows_per_slide: int | None = None  # statistics rows per slide; the rest go on "(forts.)"
    continued_title_only: bool = False  # later parts titled just "(forts.)"
    rotated_pages: bool = False  # every second page stored portrait with /Rotate 90
    mixed_pagesizes: bool = False  # every third page in the other aspect ratio
    # Statistics headers as other authors make them: a merged row of recipient groups over
    # the type codes; the label and total headers merged over both header rows ("centre")
    # or written only in the top row ("top"); another total header; a totals row below.
    group_header: bool = False
    merged_label_total: str | None = None  # None | "centre" | "top"
    total_header: str = "Totalsumma"
    totals_row: str | None = None  # the printed label of a column-totals row: "Totalt", …
    # Sections as other authors arrange them: titles without numbers or in other words
    # (recognised by content), a cover and an agenda naming every section, a divider
    # page before each section, the sections in a shuffled order (seeded).
    numbered_titles: bool = True
    unusual_titles: bool = False
    cover: bool = False
    agenda: bool = False
    dividers: bool = False
    section_order: int | None = None
    # Rows as tight as their text allows (a wrapped label still grows its own row).
    dense_rows: bool = False


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
    meeting_date: str = "1 juni 2022"  # as the cover prints it


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
    release_line: str = "Kommande uppdatering av Webcert till version 7.2.0, release 2023-2:",
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
            (0, release_line),
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

    def page(draw, *arguments, **options):
        # Each page is drawn with its own style (page size, rotation).
        return lambda page_style: draw(pdf, page_style, *arguments, **options)

    sections = []  # (divider title, [(title, draw(title))]) in the deck's order
    if "attendance" in wanted:
        sections.append(("1. Deltagare", [(("1. Deltagare", "Vilka var med?"),
                                           page(_attendance, deck))]))  # fmt: skip
    if "service_windows" in wanted:
        rows = [(label, text) for _, label, text in deck.service_windows]
        draw = page(_windows, rows)
        sections.append(
            ("4. Drift regioner", [(("4. Drift regioner", "Regionernas planer"), draw)])
        )
    if "release" in wanted:
        draw = page(_text_slide, deck.release_lines)
        titles = ("5. Uppdatering av applikationen", "På gång")
        sections.append(("5. Uppdatering av applikationen", [(titles, draw)]))
    if "connection_dates" in wanted:
        rows = [(label, text) for _, label, text in deck.connection_dates]
        title = "6. Dödsbevis och Dödsorsaksintyg"
        draw = page(_headed_two_column, "Region/agent", "connection_header", rows)
        sections.append((title, [((title, "Nya e-tjänster"), draw)]))
    if "signing" in wanted:
        title = "7d. Signering i Chrome och Edge Chromium"
        tests = page(_headed_two_column, "Leverantörsgrupp", "tests_header", deck.signing_tests)
        rows = [(label, text) for _, label, text in deck.signing_production]
        production = page(_headed_two_column, "Region/agent", "production_header", rows)
        sections.append((title, [((title, title), tests), ((title, title), production)]))
    if "next_meeting" in wanted and deck.next_meeting:
        draw = page(_text_slide, [(1, f"- {deck.next_meeting}")])
        sections.append(("10. Nästa möte", [(("10. Nästa möte", "10. Nästa möte"), draw)]))
    for title, lines in deck.extra_slides:
        draw = page(_text_slide, [(1, line) for line in lines])
        sections.append((None, [((title, title), draw)]))
    if "statistics" in wanted:
        for table in deck.statistics:
            parts = []
            size = table.rows_per_slide or style.rows_per_slide
            for part, rows in enumerate(_chunks(table.rows, size)):
                title = table.title
                if part:
                    title = table.continued_title or (
                        "(forts.)" if style.continued_title_only else f"{table.title} (forts.)"
                    )
                unusual = title.split("– ", 1)[-1][:1].upper() + title.split("– ", 1)[-1][1:]
                parts.append(((title, unusual), page(_statistics, table, rows)))
            sections.append(("11. Statistik och användning", parts))
    if style.section_order is not None:
        random.Random(style.section_order).shuffle(sections)
    pages = []
    named = []
    for divider, parts in sections:
        if style.dividers and divider and _shown(divider, style) not in named:
            pages.append((_shown(divider, style), None))
        if divider and _shown(divider, style) not in named:
            named.append(_shown(divider, style))
        for (usual, unusual), draw in parts:
            pages.append((_shown(unusual if style.unusual_titles else usual, style), draw))
    if style.agenda:
        # Its points as large as its title: the whole list reads as the slide's title.
        agenda = page(_text_slide, [(1, n) for n in named], size=22)
        pages.insert(0, ("Agenda", agenda))
    if style.cover:
        lines = [(0, deck.meeting_date), (0, ""), *[(1, n) for n in named]]
        pages.insert(0, ("Webcert användarforum", page(_text_slide, lines)))
    for index, (title, draw) in enumerate(pages):
        page_style = _start_page(pdf, style, index)
        _background(pdf, page_style)
        _title(pdf, page_style, title)
        if draw is not None:
            draw(page_style)
        if style.furniture:
            _furniture(pdf, page_style, index + 1, len(pages), deck.meeting_label)
        pdf.showPage()
    pdf.save()
    if style.image_only:
        return _as_images(buffer.getvalue(), style)
    return buffer.getvalue()


def _start_page(pdf, style, index):
    """Page size and rotation of page ``index``; drawing then uses upright slide coordinates."""
    page_style = style
    if style.mixed_pagesizes and index % 3 == 1:
        other = STANDARD if style.pagesize == WIDE else WIDE
        page_style = replace(style, pagesize=other)
    width, height = page_style.pagesize
    if style.rotated_pages and index % 2 == 1:
        # Stored portrait and turned a quarter clockwise for display, as some exporters do.
        pdf.setPageSize((height, width))
        pdf.setPageRotation(90)
        pdf.transform(0, 1, -1, 0, height, 0)
    else:
        pdf.setPageSize((width, height))
        pdf.setPageRotation(0)
    return page_style


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


def _shown(title: str, style: Style) -> str:
    if style.numbered_titles:
        return title
    return re.sub(r"^\d+[a-z]?\.\s*", "", title)


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


def _text_slide(pdf, style, lines, size=13):
    y = style.pagesize[1] - 100
    for level, text in lines:
        _write(pdf, style, 36 + 28 * level, y, text, size=size)
        y -= 19 * size / 13


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
        h = max(h, tallest * lead + (0.1 if style.dense_rows else 0.9) * size)
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


def _attendance(pdf, style, deck):
    half = (len(deck.attendance) + 1) // 2
    width = style.pagesize[0]
    for n, part in enumerate((deck.attendance[:half], deck.attendance[half:])):
        yes, no = style.attendance_marks
        rows = [[label, yes if present else no] for _, label, present in part]
        x = 30 + n * (width - 60) / 2
        widths = [(width - 60) / 2 * 0.62, (width - 60) / 2 * 0.3]
        _table(pdf, style, x, 80, widths, ["Region", style.attendance_header], rows,
               ["left", "centre"], 10, 12.5 if style.dense_rows else 18)  # fmt: skip


def _headed_two_column(pdf, style, left_header, header_field, rows):
    _two_column(pdf, style, left_header, getattr(style, header_field), rows)


def _windows(pdf, style, rows):
    _two_column(pdf, style, *style.window_headers, rows)


def _two_column(pdf, style, left_header, right_header, rows):
    width = style.pagesize[0]
    _write(pdf, style, 36, style.pagesize[1] - 110, "Text bredvid tabellen", size=12)
    x = width * (0.33 if style.side_note else 0.45)
    widths = [width * 0.25, width * 0.2] if style.side_note else [width * 0.28, width * 0.22]
    # Like PowerPoint, a cell's text wraps within the cell, never across its border.
    body = [[_fitted(cell, w - 6, 10) for cell, w in zip(row, widths, strict=True)]
            for row in rows]  # fmt: skip
    _table(pdf, style, x, 90, widths, [left_header, right_header], body, ["left", "left"], 10,
           12.5 if style.dense_rows else 30)  # fmt: skip
    if style.side_note:
        _names_box(pdf, style, x + sum(widths) + 25, 96, 9)


def _statistics(pdf, style, table, rows):
    width = style.pagesize[0]
    narrow = width < 800
    size = 7.5 if narrow else 9
    # A 4:3 table narrowed for a note box only fits its headers wrapped, as an author would.
    wrap = style.wrap_headers or (narrow and style.side_note)
    label_header = "Vårdgivare/\nBolag" if wrap else "Vårdgivare"
    total_header = style.total_header
    if wrap and total_header == "Totalsumma":
        total_header = "Total-\nsumma"
    headers = [label_header]
    for printed in table.types:
        headers.append(WRAPPED_HEADERS.get(printed, printed) if wrap else printed)
    headers.append(total_header)
    body = []
    for _, label, cells, total in rows:
        if style.wrap_labels and "/" in label:
            label = label.replace("/", "/\n", 1)
        elif style.wrap_labels and len(label) > 16:
            label = "\n".join(label.rsplit(" ", 1))
        empty = style.empty_cell
        printed = [fmt_count(c, style.thousands) if c is not None else empty for c in cells]
        body.append([label, *printed, fmt_count(total, style.thousands) if total else empty])
    if style.totals_row:
        sums = [sum(c or 0 for c in column) for column in zip(*(r[2] for r in rows), strict=True)]
        grand = sum(r[3] or 0 for r in rows)
        printed = [fmt_count(c, style.thousands) if c else style.empty_cell for c in [*sums, grand]]
        body.append([style.totals_row, *printed])
    # An author widens the label column until every label fits.
    widest = max((stringWidth(line, "Helvetica", size) for row in body
                  for line in row[0].split("\n")), default=0)  # fmt: skip
    label_width = max(100 if narrow else 130, widest + 10)
    room = width - 60 - (110 if style.side_note else 0)
    widths = [label_width] + [(room - label_width) / (len(headers) - 1)] * (len(headers) - 1)
    # A header wider than its cell is broken over lines, as an author (or the tool) does:
    # text running into the next cell is no print a person would make.
    fitted = zip(headers[1:], widths[1:], strict=True)
    headers = [headers[0]] + [_fitted(h, w - 6, size) for h, w in fitted]
    aligns = ["left"] + [style.number_align] * (len(headers) - 1)
    note, legend = (NOTE_LINE, LEGEND) if style.side_note else (None, None)
    top = 75
    if style.group_header:
        top += _group_row(pdf, style, table.types, widths, top, headers, size)
    row_height = (1.3 if style.dense_rows else 2.1) * size * style.row_scale
    # Merged over both header rows, or in the top one: only where there are two.
    merged = style.group_header and style.merged_label_total
    shown = headers if not merged else ["", *headers[1:-1], ""]
    _table(pdf, style, 30, top, widths, shown, body, aligns, size, row_height, note, legend)
    if style.side_note:
        _names_box(pdf, style, 30 + sum(widths) + 14, 80, size)


def _fitted(text: str, room: float, size: float) -> str:
    """``text`` broken into lines no wider than ``room``: at spaces, else with a hyphen."""
    lines = []
    for line in text.split("\n"):
        while stringWidth(line, "Helvetica", size) > room:
            words = line.split(" ")
            fitting = [
                n for n in range(1, len(words))
                if stringWidth(" ".join(words[:n]), "Helvetica", size) <= room
            ]  # fmt: skip
            if fitting:
                lines.append(" ".join(words[: fitting[-1]]))
                line = " ".join(words[fitting[-1] :])
                continue
            cut = max(
                (n for n in range(2, len(line) - 1)
                 if stringWidth(line[:n] + "-", "Helvetica", size) <= room),
                default=None,
            )  # fmt: skip
            if cut is None:
                break
            lines.append(line[:cut] + "-")
            line = line[cut:]
        lines.append(line)
    return "\n".join(lines)


def _group_row(pdf, style, types, widths, top, headers, size) -> float:
    """The merged row of recipient groups over the type codes (and, merged, the label and
    total headers); returns its height. A name wider than its merged cell is broken over
    two lines, as an author does (overlapping text is no print a person would make)."""
    page_height = style.pagesize[1]
    edges = [30.0]
    for w in widths:
        edges.append(edges[-1] + w)
    runs: list[list] = []  # [group, first column, last column]
    for index, printed in enumerate(types, start=1):
        group = RECIPIENTS.get(printed, "")
        if runs and runs[-1][0] == group:
            runs[-1][2] = index
        else:
            runs.append([group, index, index])
    lead = size * 1.15
    printed_groups = {}
    for group, first, last in runs:
        room = edges[last + 1] - edges[first] - 6
        fits = stringWidth(group, "Helvetica", size) <= room
        printed_groups[group, first] = (
            group if fits else _fitted(RECIPIENT_BREAKS.get(group, group), room, size)
        )
    tallest = max((len(text.split("\n")) for text in printed_groups.values()), default=1)
    height = max(2.1 * size, tallest * lead + 0.9 * size)
    y = page_height - top
    for group, first, last in runs:
        lines = printed_groups[group, first].split("\n") if group else []
        baseline = y - height / 2 + (len(lines) - 1) * lead / 2 - size * 0.35
        for n, line in enumerate(lines):
            _cell(pdf, style, line, edges[first], edges[last + 1], baseline - n * lead,
                  style.header_align, size)  # fmt: skip
        if style.rules:
            pdf.setLineWidth(0.5)
            pdf.line(edges[first], y, edges[last + 1], y)
            pdf.line(edges[first], y, edges[first], y - height)
            pdf.line(edges[last + 1], y, edges[last + 1], y - height)
    if style.merged_label_total:
        tallest = max(len(text.split("\n")) for text in headers[1:-1])
        below = max(2 * 2.1 * size, tallest * lead + 0.9 * size)
        span = height if style.merged_label_total == "top" else height + below
        for index in (0, len(headers) - 1):
            lines = headers[index].split("\n")
            first = y - span / 2 + (len(lines) - 1) * lead / 2 - size * 0.35
            # The label header's own alignment is the label column's (as in _table); the
            # total header follows the other headers.
            align = style.header_align
            if index == 0:
                align = style.label_header_align or (
                    "centre" if style.header_align == "centre" else "left"
                )
            for n, line in enumerate(lines):
                _cell(
                    pdf, style, line, edges[index], edges[index + 1], first - n * lead, align, size
                )
    return height

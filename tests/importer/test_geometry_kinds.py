"""Decks laid out the ways other people and tools make them (issue 10, kinds 2, 3, 4, 7):
running headers and footers, free text beside tables, print-driver text without spaces or
out of reading order, and scanned decks. Each must read back exactly what the deck holds."""

import datetime as dt
import io
import random

import pytest

from webcert_forum.importer import SWEDISH_MESSAGES, MinutesImportError, parse_minutes
from webcert_forum.importer.read import Word
from webcert_forum.importer.tables import read_table

from .deck_factory import (
    DECK_TITLE,
    LEGEND,
    NOTE_LINE,
    NOTE_NAMES,
    ORGANISATION,
    STANDARD,
    WIDE,
    Style,
    render,
    sample_deck,
)
from .test_bad_files import plain_pdf
from .test_decks import assert_other_sections, assert_statistics

MEETING = dt.date(2022, 6, 1)
PAGE_NUMBERS = ["{n}", "{n}/{total}", "Sida {n} av {total}", "- {n} -", "{n} ({total})"]


def parse(deck, style, reference, **options):
    return parse_minutes(render(deck, style, **options), MEETING, reference)


def assert_reads_back(document, deck, reference):
    assert_statistics(document, deck, reference)
    assert_other_sections(document, deck)
    assert document["warnings"] == []
    assert document["unresolved"] == []


def assert_no_furniture_in(document, deck):
    for slide in document["slides"]:
        for repeated in (DECK_TITLE, ORGANISATION, deck.meeting_label):
            assert repeated not in slide["text"], (slide["number"], repeated)
        assert ORGANISATION not in slide["title"]


# --- kind 2: running headers and footers -------------------------------------------------


@pytest.mark.parametrize("form", PAGE_NUMBERS)
@pytest.mark.parametrize("at", ["right", "centre", "left"])
def test_running_header_and_footer_are_set_aside(reference, form, at):
    seed = PAGE_NUMBERS.index(form) * 3 + ["right", "centre", "left"].index(at)
    pagesize = random.Random(seed).choice([WIDE, STANDARD])
    deck = sample_deck(seed=seed + 20)
    document = parse(deck, Style(pagesize=pagesize, furniture=form, page_number_at=at), reference)
    assert_reads_back(document, deck, reference)
    assert_no_furniture_in(document, deck)
    total = len(document["slides"])
    for slide in document["slides"]:
        page = form.format(n=slide["number"], total=total)
        assert page not in slide["text"].split("\n"), slide["number"]


def test_the_footer_date_is_not_the_next_meeting(reference):
    deck = sample_deck(seed=31)
    deck.meeting_label = "Måndag 5 december 2022"  # a date a parser might take for a meeting
    document = parse(deck, Style(furniture="{n}"), reference)
    assert document["meeting"]["next_meeting"] == "2022-09-05T13:00"
    assert_statistics(document, deck, reference)


def test_footer_on_continued_tables_titled_only_forts(reference):
    # The repeated "(forts.)" title and the repeated table header are not furniture.
    deck = sample_deck(rows_per_slide=5, seed=32)
    for table in deck.statistics:
        table.continued_title = "(forts.)"
    document = parse(deck, Style(furniture="Sida {n} av {total}", rules=False), reference)
    assert [s["title"] for s in document["slides"]].count("(forts.)") == 8
    assert_reads_back(document, deck, reference)


def test_a_table_down_to_the_footer_keeps_its_last_rows(reference):
    # The last rows stand in the footer band at the same place on every statistics slide,
    # the footer close below them: the footer is learnt from the other slides, the rows stay.
    deck = sample_deck(seed=34)
    style = Style(furniture="{n}", wrap_labels=False, row_scale=1.6, rules=False)
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    assert_no_furniture_in(document, deck)


@pytest.mark.parametrize("sections", [{"attendance"}, {"attendance", "service_windows"}])
def test_page_number_of_a_one_or_two_page_deck_is_set_aside(reference, sections):
    deck = sample_deck(seed=33)
    document = parse(deck, Style(furniture="{n}/{total}"), reference, sections=sections)
    assert document["attendance"] == [
        {"org": key, "present": present} for key, _, present in deck.attendance
    ]
    total = len(document["slides"])
    for slide in document["slides"]:
        assert f"{slide['number']}/{total}" not in slide["text"]
    assert document["unresolved"] == []


# --- kind 3: free text beside a table ----------------------------------------------------


@pytest.mark.parametrize("seed", [40, 41, 42])
def test_note_box_and_note_line_beside_tables(reference, seed):
    rng = random.Random(seed)
    style = Style(
        side_note=True,
        pagesize=rng.choice([WIDE, STANDARD]),
        rules=rng.choice([True, False]),
        number_align=rng.choice(["left", "centre", "right"]),
        thousands=rng.choice(["", " ", "\u00a0"]),
    )
    deck = sample_deck(seed=seed, full_names=rng.choice([True, False]))
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    assert NOTE_NAMES[1] in document["slides"][-1]["text"]  # kept as text, not as a row
    assert NOTE_LINE.split()[0] in document["slides"][-1]["text"]
    assert LEGEND.split()[-1] in document["slides"][-1]["text"]


# --- kind 4: text without spaces or out of reading order ---------------------------------


@pytest.mark.parametrize(
    "style",
    [
        Style(glyphs=True),
        Style(glyphs=True, pagesize=STANDARD, thousands=" ", rules=False),
        Style(column_order=True),
        Style(column_order=True, glyphs=True, number_align="left", pagesize=STANDARD),
        Style(scaled_text=True, thousands="\u00a0"),
        Style(scaled_text=True, glyphs=True, furniture="{n}", side_note=True),
    ],
    ids=[
        "glyphs",
        "glyphs 4:3 thousands",
        "column order",
        "glyphs in column order",
        "size in the text matrix",
        "glyphs sized by matrix, furniture, note box",
    ],
)
def test_print_driver_text_reads_like_any_other(reference, style):
    deck = sample_deck(seed=50 + style.pagesize[0] % 7 + style.glyphs)
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    titles = [s["title"] for s in document["slides"]]
    assert titles[0] == "1. Deltagare"
    assert titles[-1].startswith("11d. Statistik och användning – Webcert Fristående")


@pytest.mark.parametrize("seed", [60, 61, 62, 63])
def test_every_kind_at_once(reference, seed):
    rng = random.Random(seed)
    style = Style(
        pagesize=rng.choice([WIDE, STANDARD]),
        rules=rng.choice([True, False]),
        furniture=rng.choice(PAGE_NUMBERS),
        page_number_at=rng.choice(["right", "centre"]),
        side_note=True,
        glyphs=rng.choice([True, False]),
        column_order=True,
        thousands=rng.choice(["", " "]),
    )
    deck = sample_deck(seed=seed, shuffle=True, rows_per_slide=rng.choice([None, 7]))
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    assert_no_furniture_in(document, deck)


@pytest.mark.parametrize(
    "style",
    [Style(rotated_pages=True), Style(rotated_pages=True, mixed_pagesizes=True, glyphs=True)],
    ids=["stored portrait, turned by /Rotate 90", "turned, mixed sizes, glyphs"],
)
def test_pages_turned_for_display_read_as_displayed(reference, style):
    deck = sample_deck(seed=64)
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    assert [s["title"] for s in document["slides"]][:2] == ["1. Deltagare", "4. Drift regioner"]


@pytest.mark.parametrize(
    "style",
    [
        Style(glyphs=True, rotated_pages=True, cover=True, stray_word="april"),
        Style(glyphs=True, rotated_pages=True, cover=True, scaled_text=True, stray_word="juni"),
        Style(glyphs=True, rotated_pages=True, agenda=True, stray_word="mars"),
    ],
    ids=["a word beside every title", "scaled", "agenda"],
)
def test_print_driver_glyphs_on_turned_pages_read_from_their_positions(reference, style):
    """pdfium's own text of such a page comes in letters ('N ä s t a m ö t e'): the slide
    text is then built from the glyphs' positions, so the release, the next meeting and the
    agenda (no section) read like any other deck's."""
    deck = sample_deck(seed=65)
    document = parse(deck, style, reference)
    assert_reads_back(document, deck, reference)
    assert document["warnings"] == []
    texts = [s["text"] for s in document["slides"]]
    assert any("Nästa möte" in text for text in texts)
    assert not any("N ä s t a" in text for text in texts)


# --- kind 7: slides that are only images -------------------------------------------------


def test_a_scanned_deck_is_refused_for_having_no_text_layer(reference):
    data = render(sample_deck(), Style(image_only=True), sections={"attendance", "release"})
    with pytest.raises(MinutesImportError) as error:
        parse_minutes(data, MEETING, reference)
    assert error.value.code == "no_text_layer"
    assert "no text layer" in str(error.value) and "OCR" in str(error.value)
    assert "textlager" in SWEDISH_MESSAGES["no_text_layer"]
    assert error.value.swedish_message == SWEDISH_MESSAGES["no_text_layer"]


def test_a_scan_with_a_typed_cover_is_refused_for_having_no_text_layer(reference):
    import pypdf

    scan = pypdf.PdfReader(io.BytesIO(render(sample_deck(), Style(image_only=True))))
    cover = pypdf.PdfReader(io.BytesIO(plain_pdf(("Webcert användarforum", "1 juni 2022"))))
    writer = pypdf.PdfWriter()
    writer.add_page(cover.pages[0])
    for page in scan.pages:
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(MinutesImportError) as error:
        parse_minutes(buffer.getvalue(), MEETING, reference)
    assert error.value.code == "no_text_layer"


def test_a_label_spilling_into_the_next_cell_stays_a_row_and_a_note_line_is_not_one():
    def word(text, x0, x1, top):
        return Word(text, x0, x1, top, top + 10, 10)

    header = [word("Region/agent", 300, 360, 100), word("Produktion", 500, 550, 100)]
    words = [
        *header,
        word("Uppgifterna gäller läget den 1 juni, kontakta support vid frågor", 300, 640, 116),
        word("Region Jämtland Härjedalen", 300, 520, 134),
        word("Region Skåne", 300, 360, 152),
        word("Klart", 500, 525, 152),
    ]
    table = read_table(words, header)
    assert [row.cells for row in table.rows] == [
        ["Region Jämtland Härjedalen", ""],
        ["Region Skåne", "Klart"],
    ]

"""Random forum minutes: a document drawn at random, the deck a person might print of it,
and the style it is drawn in.

``draw_minutes(rng)`` gives the truth (``expected``, in the parser's document shape) and the
printed deck; ``draw_style(rng)`` a ``Style`` with every switch drawn. Organisations, vendor
groups and certificate types, with their names and aliases, come from the reference lists in
``fixtures/`` (the same files ``Reference.from_fixtures()`` reads). Dates are drawn as dates
and printed in one of several forms, so the expected value never comes from the parser's
own date rules.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from webcert_forum.importer.reference import FIXTURES_DIR, Reference

from .deck_factory import (
    MONTH_NAMES,
    STANDARD,
    WIDE,
    ForumDeck,
    StatisticsTable,
    Style,
    render,
)

# Per Style field, the values drawn; a boolean field is drawn True/False without an entry.
STYLE_CHOICES = {
    "pagesize": [WIDE, STANDARD],
    "number_align": ["left", "centre", "right"],
    "header_align": ["left", "centre", "right"],
    # Not "\u202f": reportlab's Helvetica has no glyph for it and leaves a gap of 3/4 em,
    # which no tool that has the glyph prints (parse_count reads it: test_steps).
    "thousands": ["", " ", "\u00a0", ",", "."],
    "empty_cell": ["", "", "–", "-"],
    "attendance_marks": [("Ja", "Nej"), ("Ja", "Nej"), ("X", ""), ("x", "–"), ("JA", "NEJ")],
    "attendance_header": ["Närvarande", "Närvarande", "Närvaro", "Deltog", "Närvarande?"],
    "connection_header": [
        "Anslutningsdatum",
        "Anslutningsdatum",
        "Anslutning DB/DOI",
        "Datum för anslutning",
    ],
    "tests_header": ["Tester utförda", "Tester utförda", "Testat av"],
    "production_header": [
        "Produktion",
        "Produktion",
        "I produktion",
        "Produktionsdatum",
        "Driftsättning",
    ],
    "window_headers": [
        ("Region", "Datum"),
        ("Region", "Datum"),
        ("Organisation", "Datum/tid"),
        ("Region/agent", "När"),
        ("Region", "Tidpunkt"),
        ("Vårdgivare", "Servicefönster"),
    ],
    "stray_word": [None, None, "april", "mars", "juni"],
    "label_header_align": [None, None, "left", "centre"],
    "rows_per_slide": [None, None, 4, 5, 7],
    "furniture": [None, None, "{n}", "{n}/{total}", "Sida {n} av {total}", "- {n} -"],
    "page_number_at": ["right", "centre", "left"],
    "merged_label_total": [None, None, "centre", "top"],
    "total_header": ["Totalsumma", "Totalsumma", "Totalt", "Summa"],
    "totals_row": [None, None, "Totalt", "Totalsumma", "Summa"],
    "section_order": [None, None, *range(10)],
}
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
UNKNOWN_TYPES = ["LK1001", "XR200", "MI3", "AF7900"]
UNKNOWN_ORGANISATIONS = ["Region Atlantis", "Vårdbolaget Norr AB", "Privatkliniken Ekbacken"]
PLANS = ["plan mitten av juni", "Planeras till hösten", "Pågår", "Ej påbörjat", "Väntar på svar"]
ITEMS = [
    "Fortsatt arbete med ramverksbyte", "Ny funktion för utskrift", "Förbättrad sökning",
    "Diverse buggrättningar", "Cookie-samtycke tas bort", "Tillgänglighetsanpassningar",
    "Uppdaterade texter i intygen", "Extra kontroll vid signering",
]  # fmt: skip
DETAILS = ["radering av exporterat intygsdata", "nya felmeddelanden", "snabbare inloggning"]


# Switches the document itself decides (the meeting's date as a footer prints it, …):
# field -> its value for the drawn document. Not drawn, so not in the failure breakdown.
FROM_DOCUMENT: dict[str, Callable[[Minutes], object]] = {}
# Switches held at their default, each with why the property does not apply under it.
HELD: dict[str, str] = {
    "image_only": "a scanned deck is refused (no_text_layer): there is nothing to read back",
    "row_scale": "taller rows need rows_per_slide sized to the page, or rows fall off it",
}


def draw_style(rng: random.Random, minutes: Minutes | None = None) -> Style:
    """Every switch of ``Style`` drawn: a boolean without further ado, any other from its
    entry in STYLE_CHOICES, FROM_DOCUMENT or HELD (a field in none of them is an error)."""
    values = {}
    for switch in dataclasses.fields(Style):
        if switch.name in HELD:
            continue
        if switch.name in FROM_DOCUMENT:
            if minutes is not None:
                values[switch.name] = FROM_DOCUMENT[switch.name](minutes)
        elif switch.name in STYLE_CHOICES:
            values[switch.name] = rng.choice(STYLE_CHOICES[switch.name])
        elif isinstance(switch.default, bool):
            values[switch.name] = rng.random() < 0.5
        else:
            raise LookupError(f"Style.{switch.name}: no entry in STYLE_CHOICES")
    return Style(**values)


def style_switches(style: Style) -> dict[str, object]:
    """The drawn switches (not those the document decides), for the failure breakdown."""
    return {k: v for k, v in dataclasses.asdict(style).items() if k not in FROM_DOCUMENT}


def changed_switches(style: Style) -> dict[str, object]:
    """The drawn switches away from their defaults: what a failure message names."""
    defaults = style_switches(Style())
    return {k: v for k, v in style_switches(style).items() if v != defaults[k]}


@dataclass
class Minutes:
    meeting: dt.date
    deck: ForumDeck
    expected: dict  # section -> what the parser must give back
    features: dict = field(default_factory=dict)  # the document's own variations


@dataclass(frozen=True)
class Listed:
    key: str
    labels: tuple[str, ...]  # the name first, then every alias that resolves to this key
    kind: str = ""


@cache
def reference_lists() -> dict[str, list[Listed]]:
    reference = Reference.from_fixtures(FIXTURES_DIR)

    def read(name, key_column, name_columns, resolve):
        listed = []
        with open(FIXTURES_DIR / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = row[key_column]
                names = [row[c] for c in name_columns] + row["aliases"].split("|")
                labels = [n.strip() for n in names if n.strip() and resolve(n.strip()) == key]
                listed.append(Listed(key, tuple(dict.fromkeys(labels)), row.get("kind", "")))
        return listed

    organisations = read("organisations.csv", "key", ("name",), reference.organisation)
    return {
        "organisations": [o for o in organisations if o.kind not in ("service", "operator")],
        "vendor_groups": read("vendor_groups.csv", "key", ("name",), reference.vendor_group),
        "certificate_types": read(
            "certificate_types.csv", "code", ("code", "form"), reference.certificate_type
        ),
    }


def _as_others_set_it(code: str) -> list[str]:
    """A form code as other authors and word processors set it: 'FK-7804', 'AG1–14'."""
    dashed = code.replace("-", "–")
    apart = re.sub(r"^([A-Z]+)(\d)", r"\1-\2", code)
    return [variant for variant in dict.fromkeys([dashed, apart]) if variant != code]


def _label(rng: random.Random, listed: Listed, form: str) -> str:
    if form == "full" or len(listed.labels) == 1:
        return listed.labels[0]
    if form == "short":
        return min(listed.labels[1:], key=len)
    return rng.choice(listed.labels)


# --- dates as a person prints them ----------------------------------------------------


def _day_month(date: dt.date) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]}"


def _day_month_span(start: dt.date, end: dt.date) -> str:
    if start == end:
        return _day_month(start)
    if start.month == end.month:
        return f"{start.day}-{end.day} {MONTH_NAMES[start.month - 1]}"
    return f"{_day_month(start)} - {_day_month(end)}"


def _iso_span(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} - {end.isoformat()}"


def _slash_span(start: dt.date, end: dt.date) -> str:
    day = f"{start.day}/{start.month}"
    return day if start == end else f"{day}–{end.day}/{end.month}"


def _iso_short_end_span(start: dt.date, end: dt.date) -> str:
    if start == end:
        return start.isoformat()
    if start.year != end.year:
        return _iso_span(start, end)
    return f"{start.isoformat()}--{end.isoformat()[8 if start.month == end.month else 5 :]}"


_SHORT_MONTHS = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sept", "okt",
                 "nov", "dec"]  # fmt: skip


def _weekday_span(start: dt.date, end: dt.date) -> str:
    def day(date: dt.date) -> str:
        return f"{WEEKDAYS[date.weekday()]} {date.day} {_SHORT_MONTHS[date.month - 1]}"

    return day(start) if start == end else f"{day(start)} – {day(end)}"


def _night_span(start: dt.date, end: dt.date) -> str:
    if end - start != dt.timedelta(days=1) or start.month != end.month:
        return _day_month_span(start, end)
    return f"natten mellan {start.day} och {end.day} {_SHORT_MONTHS[start.month - 1]}"


def _dotted_span(start: dt.date, end: dt.date) -> str:
    def day(date: dt.date) -> str:
        return f"{date.day}.{date.month}.{date.year}"

    return day(start) if start == end else f"{day(start)}–{day(end)}"


def _short_year_span(start: dt.date, end: dt.date) -> str:
    def day(date: dt.date) -> str:
        return f"{date.day}/{date.month}-{date.year % 100:02d}"

    return day(start) if start == end else f"{day(start)} – {day(end)}"


def _ordinal(day: int) -> str:
    """Swedish ordinal day: 1:a, 2:a, 3:e ... 11:e, 12:e ... 21:a, 22:a, 31:a."""
    return f"{day}:a" if day % 10 in (1, 2) and day not in (11, 12) else f"{day}:e"


def _ordinal_span(start: dt.date, end: dt.date) -> str:
    if start == end:
        return f"den {_ordinal(start.day)} {MONTH_NAMES[start.month - 1]}"
    if start.month == end.month:
        return f"{_ordinal(start.day)}–{_ordinal(end.day)} {MONTH_NAMES[start.month - 1]}"
    return (
        f"{_ordinal(start.day)} {MONTH_NAMES[start.month - 1]} – "
        f"{_ordinal(end.day)} {MONTH_NAMES[end.month - 1]}"
    )


# How a service window's dates are printed, one form drawn per window; a new form is a line.
SPAN_FORMS = [_day_month_span, _iso_span, _slash_span, _iso_short_end_span, _weekday_span,
              _night_span, _dotted_span, _ordinal_span, _short_year_span]  # fmt: skip


def _soon(rng: random.Random, meeting: dt.date, after: int = -20, before: int = 250) -> dt.date:
    """A date a yearless print still places unambiguously (well inside the year's window)."""
    return meeting + dt.timedelta(days=rng.randint(after, before))


# --- sections ---------------------------------------------------------------------------


def draw_minutes(rng: random.Random) -> Minutes:
    lists = reference_lists()
    organisations = lists["organisations"]
    meeting = dt.date(rng.randint(2021, 2026), rng.randint(1, 12), rng.randint(1, 28))
    label_form = rng.choice(["full", "short", "mixed"])
    features = {"label_form": label_form}

    def org_label(listed: Listed) -> str:
        return _label(rng, listed, label_form)

    label = f"{meeting.day} {MONTH_NAMES[meeting.month - 1]} {meeting.year}"
    # The cover's date as different authors print it; the running footer keeps the label.
    cover_date = rng.choice([
        label, label, meeting.isoformat(), f"{meeting.day}.{meeting.month}.{meeting.year}",
        f"den {_ordinal(meeting.day)} {MONTH_NAMES[meeting.month - 1]} {meeting.year}",
        f"{WEEKDAYS[meeting.weekday()].capitalize()} {label}",
    ])  # fmt: skip
    deck = ForumDeck(meeting_label=label, meeting_date=cover_date)
    expected: dict = {}

    present = rng.sample(organisations, rng.randint(4, min(24, len(organisations))))
    deck.attendance = [(o.key, org_label(o), rng.random() < 0.8) for o in present]
    if not any(attended for _, _, attended in deck.attendance):
        # Somebody came: a list of blank boxes says nothing, and is read as saying nothing.
        key, label, _ = deck.attendance[0]
        deck.attendance[0] = (key, label, True)
    expected["attendance"] = [{"org": k, "present": p} for k, _, p in deck.attendance]

    expected["service_windows"] = []
    for listed in rng.sample(organisations, rng.randint(1, 6)):
        form = rng.choice(SPAN_FORMS)
        spans = []
        for _ in range(rng.choice([1, 1, 2])):
            start = _soon(rng, meeting)
            end = start + dt.timedelta(days=rng.choice([0, 0, 1, 2, 4]))
            spans.append((start, end))
            expected["service_windows"].append(
                {"org": listed.key, "start": start.isoformat(), "end": end.isoformat()}
            )
        text = rng.choice([" + ", ", "]).join(form(s, e) for s, e in spans)
        if stringWidth(text, "Helvetica", 10) > 140:
            text = text.replace(" + ", " +\n", 1).replace(", ", ",\n", 1)
        deck.service_windows.append((listed.key, org_label(listed), text))

    deck.release_lines, expected["release"] = _release(rng, meeting)

    expected["connection_dates"] = []
    for listed in rng.sample(organisations, rng.randint(1, 5)):
        kind = rng.choice(["dates", "dates", "month", "empty"])
        dates = sorted(_soon(rng, meeting, -700, 200) for _ in range(rng.choice([1, 1, 2])))
        preliminary = kind != "empty" and rng.random() < 0.3
        printed = [d.isoformat() for d in dates] if kind == "dates" else []
        if kind == "month":
            printed = [dates[0].isoformat()[:7]]
        text = "\n".join(printed) + (" (prel.)" if preliminary else "")
        deck.connection_dates.append((listed.key, org_label(listed), text))
        expected["connection_dates"].append(
            {"org": listed.key, "dates": printed, "preliminary": preliminary}
        )

    expected["signing_tests"] = []
    for group in rng.sample(lists["vendor_groups"], rng.randint(1, 5)):
        kind = rng.choice(["organisation", "plan", "empty"])
        tester = rng.choice(organisations)
        cell = {"organisation": org_label(tester), "plan": rng.choice(PLANS), "empty": ""}[kind]
        deck.signing_tests.append((_label(rng, group, label_form), cell))
        expected["signing_tests"].append(
            {"vendor_group": group.key, "tested_by": tester.key if kind == "organisation" else None,
             "plan": cell if kind == "plan" else None}
        )  # fmt: skip

    expected["signing_production"] = []
    expected["warnings"] = []
    for listed in rng.sample(organisations, rng.randint(1, 6)):
        cell, entry = _production(rng, meeting)
        deck.signing_production.append((listed.key, org_label(listed), cell))
        expected["signing_production"].append({"org": listed.key, **entry})
        if cell and len(cell.split()[-1]) == 7:  # a month alone: "2023-09"
            expected["warnings"].append(f"month only: {cell.split()[-1]}")

    deck.statistics, expected["certificate_counts"], expected["certificate_totals"] = _statistics(
        rng, meeting, org_label, features, expected["warnings"]
    )
    expected["unresolved"] = sorted(
        {label for t in deck.statistics for key, label, _, _ in t.rows if key == label}
    )

    deck.next_meeting, expected["next_meeting"] = _next_meeting(rng, meeting)
    return Minutes(meeting, deck, expected, features)


def _release(rng: random.Random, meeting: dt.date):
    version = f"{rng.randint(6, 9)}.{rng.randint(0, 20)}.{rng.randint(1, 5)}"
    name = f"{rng.randint(2021, 2027)}-{rng.randint(1, 4)}"
    service_pack = rng.choice([None, None, f"SP{rng.randint(1, 3)}"])
    date = _soon(rng, meeting, 1, 120)
    notes = date - dt.timedelta(days=rng.randint(1, 10))
    impact = rng.choice([True, False, None])
    printed_name = f"{name}, {service_pack}" if service_pack else name
    heading = rng.choice([
        f"Kommande uppdatering av Webcert till version {version}, release {printed_name}:",
        f"Kommande uppdatering av Webcert till version {version}, release {printed_name}:",
        f"Webcert {version} – release {printed_name}",
        f"Ny version: Webcert {version} (release {printed_name})",
    ])  # fmt: skip
    lines = [(0, heading)]
    printed_date = rng.choice(SPAN_FORMS)(date, date)
    date_key = rng.choice(["Datum", "Datum", "Releasedatum", "Driftsättning"])
    lines.append((1, f"- {date_key}: {printed_date}, {rng.choice(['dagtid', 'kvällstid'])}"))
    if impact is not None:
        lines.append(
            (1, "- Release med användarpåverkan" if impact else "- Release utan användarpåverkan")
        )
    lines.append(
        (
            1,
            f"- {rng.choice(['Planerad utveckling', 'Planerad utveckling', 'Innehåll', 'Nyheter'])}:",
        )
    )
    items = []
    for item in rng.sample(ITEMS, rng.randint(1, 4)):
        if rng.random() < 0.25:
            detail = rng.choice(DETAILS)
            lines += [(2, f"- {item}:"), (3, f"- {detail}")]
            items.append(f"{item}: {detail}")
        else:
            lines.append((2, f"- {item}"))
            items.append(item)
    lines.append((1, "- Release notes och manualer"))
    lines.append((2, f"- Release notes kommer publiceras: ca {_day_month(notes)}"))
    expected = {
        "version": version,
        "name": f"{name} {service_pack}" if service_pack else name,
        "date": date.isoformat(),
        "user_impact": impact,
        "items": items,
        "release_notes_date": notes.isoformat(),
    }
    return lines, expected


def _production(rng: random.Random, meeting: dt.date):
    kind = rng.choice(["empty", "done", "date", "month"])
    if kind == "empty":
        return "", {"status": "not_reported", "date": None, "preliminary": False}
    if kind == "done":
        return rng.choice(["Klart", "Klar", "Driftsatt", "Ja"]), {
            "status": "done", "date": None, "preliminary": False,
        }  # fmt: skip
    date = _soon(rng, meeting, 1, 250).isoformat()
    printed = date[:7] if kind == "month" else date
    preliminary = rng.random() < 0.5
    cell = f"{rng.choice(['Prel', 'Prel.', 'prel'])} {printed}" if preliminary else printed
    # The production date is a day: a month alone reads as its first day, with a warning.
    date = f"{printed}-01" if kind == "month" else printed
    return cell, {"status": "planned", "date": date, "preliminary": preliminary}


def _next_meeting(rng: random.Random, meeting: dt.date):
    date = meeting + dt.timedelta(days=rng.randint(20, 150))
    day = rng.choice([_day_month(date), f"{_day_month(date)} {date.year}", date.isoformat()])
    if not day[:4].isdigit() and rng.random() < 0.5:
        day = f"{WEEKDAYS[date.weekday()].capitalize()} {day}"
    if rng.random() < 0.25:
        return day, date.isoformat()
    hour, minute = rng.choice([(9, 0), (10, 0), (13, 0), (13, 30), (14, 0)])
    clock = rng.choice(["kl.", "kl. ", "kl "])
    printed = f"{day}, {clock}{hour}.{minute:02d} – {hour + 1}.{minute:02d}"
    return printed, f"{date.isoformat()}T{hour:02d}:{minute:02d}"


def _statistics(rng: random.Random, meeting: dt.date, org_label, features, warnings):
    lists = reference_lists()
    months = []
    year, month = meeting.year, meeting.month
    for _ in range(rng.randint(1, 3)):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.insert(0, (year, month))
    types = lists["certificate_types"]
    chosen = rng.sample(types, rng.randint(3, len(types)))
    printed_types = []
    for listed in chosen:
        labels = [*listed.labels, *_as_others_set_it(listed.labels[0])]
        fitting = [t for t in labels if stringWidth(t, "Helvetica", 9) <= 44]
        printed_types.append(
            listed.labels[0] if rng.random() < 0.7 else rng.choice(fitting or listed.labels[:1])
        )
    codes = [listed.key for listed in chosen]
    if rng.random() < 0.15:
        unknown = rng.choice(UNKNOWN_TYPES)
        at = rng.randint(0, len(codes))
        printed_types.insert(at, unknown)
        codes.insert(at, unknown)
        features["unknown_type"] = True
        warnings.append(f"unknown type: {unknown}")
    rows_listed = rng.sample(lists["organisations"], rng.randint(3, 12))
    row_labels = [(o.key, org_label(o)) for o in rows_listed]
    if rng.random() < 0.1:
        stranger = rng.choice(UNKNOWN_ORGANISATIONS)
        row_labels[rng.randrange(len(row_labels))] = (stranger, stranger)
        features["unresolved_label"] = True
    with_year = rng.random() < 0.3
    features.update(months=len(months), types=len(codes), rows=len(row_labels))
    tables, counts, totals = [], [], []
    for year, month in months:
        channels = ["all"] + (["standalone"] if rng.random() < 0.7 else [])
        everything = None
        for channel in channels:
            if channel == "all":
                rng.shuffle(row_labels)
                rows = [_row(rng, key, label, len(codes)) for key, label in row_labels]
                everything = {r[0]: r[2] for r in rows}
            else:
                rows = [_capped(rng, key, label, everything[key]) for key, label in row_labels]
            name = MONTH_NAMES[month - 1] + (f" {year}" if with_year else "")
            letter = "abcdefghijklmnopqrstuvwxyz"[len(tables) % 26]
            title = f"11{letter}. Statistik och användning – " + (
                f"utfärdade intyg {name}" if channel == "all" else f"Webcert Fristående {name}"
            )
            table = StatisticsTable(title, f"{year}-{month:02d}", channel, printed_types, rows)
            tables.append(table)
            for key, _, cells, total in rows:
                for code, count in zip(codes, cells, strict=True):
                    if count is not None:
                        counts.append({"month": table.month, "channel": channel, "org": key,
                                       "type": code, "count": count})  # fmt: skip
                if total is not None:
                    totals.append({"month": table.month, "channel": channel, "org": key,
                                   "total": total})  # fmt: skip
    return tables, counts, totals


def _row(rng: random.Random, key: str, label: str, width: int):
    empty_share = rng.choice([0.0, 0.2, 0.5, 0.9])
    cells = []
    for _ in range(width):
        if rng.random() < empty_share:
            cells.append(None)
        else:
            cells.append(rng.choice([rng.randint(1, 99), rng.randint(100, 999),
                                     rng.randint(1000, 45000)]))  # fmt: skip
    total = sum(c for c in cells if c is not None)
    return key, label, cells, total if any(c is not None for c in cells) else None


def _capped(rng: random.Random, key: str, label: str, everything: list[int | None]):
    cells = [None if e is None or rng.random() < 0.4 else rng.randint(1, e) for e in everything]
    total = sum(c for c in cells if c is not None)
    return key, label, cells, total if any(c is not None for c in cells) else None


# --- one seed, end to end ----------------------------------------------------------------


def drawn(seed: int) -> tuple[Minutes, Style]:
    """The document and style of ``seed``: the same seed gives the same deck everywhere."""
    rng = random.Random(seed)
    minutes = draw_minutes(rng)
    return minutes, draw_style(rng, minutes)


def read_back(minutes: Minutes, style: Style, reference: Reference) -> dict:
    from webcert_forum.importer import parse_minutes

    return parse_minutes(render(minutes.deck, style), minutes.meeting, reference)


def minimal_style(minutes: Minutes, style: Style, still_fails) -> dict[str, object]:
    """The switches, away from their defaults, without which the deck reads right: each is
    set back to its default in turn and kept back when the deck still fails without it."""
    defaults = Style()
    current = style
    for switch in dataclasses.fields(Style):
        default = getattr(defaults, switch.name)
        if switch.name in FROM_DOCUMENT or getattr(current, switch.name) == default:
            continue
        candidate = dataclasses.replace(current, **{switch.name: default})
        if still_fails(minutes, candidate):
            current = candidate
    return changed_switches(current)

"""What the map of Sweden shows: one measure per county, its colour class, and the same
figures as rows for the table beside the map. A fixed number of queries, whatever the history.

A county's figures are its region's; where the region has none and belongs to a group that
has (Stockholm and Gotland report their statistics and signing status as Stockholm/Gotland),
both counties show the group's, and say so."""

import datetime as dt
import math

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from certificate_statistics.models import CertificateCount, Channel
from certificate_statistics.selection import previous_month
from certificate_statistics.trends import signed
from regions.models import Organisation
from webcert_forum.core.months import month_label
from webcert_forum.core.numbers import number_format
from webcert_forum.overview.organisations.queries import organisations_with_facts

from .counties import COUNTIES

MEASURES = {
    "certificates": "Utfärdade intyg under månaden",
    "change": "Förändring mot föregående månad",
    "signing": "Ny signeringslösning i produktion",
    "connection": "Anslutning till DB/DOI",
}
# Not on the map (no county), listed beside it: the agents and private providers.
OUTSIDE_KINDS = (Organisation.Kind.AGENT, Organisation.Kind.VENDOR, Organisation.Kind.SERVICE)
NO_DATA = {"key": "none", "label": "Ingen uppgift", "colour": "url(#map-no-data)"}
# ColorBrewer's Blues and RdBu: ordered, and readable with the common colour-vision deficiencies.
BLUES = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
CHANGE_CLASSES = [
    (-math.inf, -10, "minskning över 10 %", "#b2182b"),
    (-10, -2, "minskning 2–10 %", "#ef8a62"),
    (-2, 2, "oförändrat (±2 %)", "#f7f7f7"),
    (2, 10, "ökning 2–10 %", "#67a9cf"),
    (10, math.inf, "ökning över 10 %", "#2166ac"),
]
SIGNING_CLASSES = {
    "done": ("I produktion", "#1b7837"),
    "planned": ("Planerat", "#E69F00"),
    "not_reported": ("Ej rapporterat", "#bababa"),
}
CONNECTION_CLASSES = {
    "connected": ("Ansluten", "#2166ac"),
    "planned": ("Planerad (datum framåt eller preliminärt)", "#92c5de"),
}


def _number(n):
    return number_format(n, force_grouping=True)


def _round(n):
    """Two significant digits: class limits a reader can take in (5 900, not 5 937)."""
    if n < 100:
        return int(n)
    magnitude = 10 ** (len(str(int(n))) - 2)
    return int(round(n / magnitude) * magnitude)


def _certificate_classes(values):
    """Up to five classes by quantile, so that one large county does not put every other
    one in the lowest class."""
    ordered = sorted(values)
    limits = []
    for i in range(1, len(BLUES)):
        if ordered:
            limit = _round(ordered[min(len(ordered) - 1, len(ordered) * i // len(BLUES))])
            if limit > (limits[-1] if limits else 0):
                limits.append(limit)
    bounds = [0, *limits, math.inf]
    classes = []
    for i, (low, high) in enumerate(zip(bounds, bounds[1:], strict=False)):
        label = (
            f"{_number(low)} och fler"
            if high == math.inf
            else f"{_number(low)}–{_number(high - 1)}"
        )
        colour = BLUES[round(i * (len(BLUES) - 1) / max(1, len(bounds) - 2))]
        classes.append({"key": f"c{i}", "label": label, "colour": colour, "low": low, "high": high})
    return classes


def _month_totals(months):
    rows = (
        CertificateCount.objects.filter(
            month__gte=min(months), month__in=months, channel=Channel.ALL
        )
        .values("organisation_id", "month")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return {(r["organisation_id"], r["month"]): r["total"] for r in rows}


def _value(measure, org, totals, month, today):
    """(sortable value or None, text) of one organisation for the measure."""
    if measure == "certificates":
        n = org.certificates
        return (n, f"{_number(n)} intyg") if n is not None else (None, None)
    if measure == "change":
        now, before = totals.get((org.pk, month)), totals.get((org.pk, previous_month(month)))
        if now is None or before is None or not before:
            return None, None
        percent = round(100 * (now - before) / before, 1)
        return percent, f"{signed(now - before)} ({signed(percent, decimals=1)} %)"
    if measure == "signing":
        signing = org.current_signing
        if signing is None:
            return None, None
        label = SIGNING_CLASSES[signing.status][0]
        when = f" {signing.date:%Y-%m-%d}" if signing.date else ""
        return signing.status, f"{label}{when}"
    connection = org.latest_connection
    if connection is None:
        return None, None
    planned = connection.preliminary or connection.date > today
    state = "planned" if planned else "connected"
    shown = f"{connection.date:%Y-%m}" if connection.month_only else f"{connection.date:%Y-%m-%d}"
    return state, f"{CONNECTION_CLASSES[state][0].split(' (')[0]} {shown}"


def _classify(measure, value, classes):
    if value is None:
        return NO_DATA
    if measure in ("certificates", "change"):
        return next(c for c in classes if c["low"] <= value < c["high"])
    return next(c for c in classes if c["key"] == value)


def _classes(measure, values):
    if measure == "certificates":
        return _certificate_classes(values)
    if measure == "change":
        return [
            {"key": f"d{i}", "label": label, "colour": colour, "low": low, "high": high}
            for i, (low, high, label, colour) in enumerate(CHANGE_CLASSES)
        ]
    source = SIGNING_CLASSES if measure == "signing" else CONNECTION_CLASSES
    return [
        {"key": key, "label": label, "colour": colour} for key, (label, colour) in source.items()
    ]


def sweden_map(measure, month):
    """The counties, each with its organisation, figure, colour and tooltip; the legend; and
    the organisations that are no county (agents, private providers…), with their figures."""
    today = timezone.localdate()
    organisations = (
        list(organisations_with_facts(month)) if month else list(organisations_with_facts())
    )
    totals = _month_totals([previous_month(month), month]) if month else {}
    group_of = {}
    for group in Organisation.objects.filter(kind=Organisation.Kind.GROUP).prefetch_related(
        "members"
    ):
        for member in group.members.all():
            group_of[member.pk] = group.pk
    by_pk = {o.pk: o for o in organisations}
    by_county = {o.county_code: o for o in organisations if o.county_code}
    figures = {o.pk: _value(measure, o, totals, month, today) for o in organisations}
    counties = []
    for svg_id, name, code, path in COUNTIES:
        region = by_county.get(code)
        shown = region
        if region is not None and figures[region.pk][0] is None and region.pk in group_of:
            shown = by_pk[group_of[region.pk]]
        value, text = figures[shown.pk] if shown else (None, None)
        counties.append(
            {
                "id": svg_id,
                "county": name,
                "path": path,
                "region": region,
                "shown": shown,
                "via_group": shown is not region,
                "value": value,
                "text": text,
            }
        )
    classes = _classes(measure, [c["value"] for c in counties if c["value"] is not None])
    for county in counties:
        county["class"] = _classify(measure, county["value"], classes)
        county["url"] = (
            reverse("regions:detail", args=[county["shown"].key]) if county["shown"] else None
        )
        who = county["shown"].name if county["shown"] else county["county"]
        if county["via_group"]:
            who = f"{county['region'].name} (redovisas som {county['shown'].name})"
        county["tooltip"] = f"{who}: {county['text'] or NO_DATA['label'].lower()}"
    outside = [
        {"organisation": o, "text": figures[o.pk][1]}
        for o in organisations
        if o.kind in OUTSIDE_KINDS
    ]
    groups = sorted({c["shown"].name for c in counties if c["via_group"]})
    return {
        "measure": measure,
        "measure_label": MEASURES[measure],
        "month_label": month_label(month) if month else None,
        "counties": counties,
        "legend": [*classes, NO_DATA],
        "outside": outside,
        "groups": groups,
    }


def parse_month(text):
    """ "2022-05" → 2022-05-01; None for anything else."""
    try:
        return dt.date.fromisoformat(f"{text}-01")
    except (TypeError, ValueError):
        return None

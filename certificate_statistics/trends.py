"""Change over time: the same month a year earlier, and the biggest movers between the two
latest months with data. A fixed number of queries (two or three), whatever the history."""

from django.utils.formats import number_format

from webcert_forum.core.months import month_label

from . import queries
from .comparison import compared_month
from .selection import ALL, INTEGRATED, STANDALONE, Selection, months_before

ORGANISATION = ["organisation__name", "organisation__key"]
TYPE = ["certificate_type__position", "certificate_type__code"]


def signed(value, decimals=None):
    """ "+1 342", "−1 204" (a true minus sign), "0"; thousands separated by a space."""
    text = number_format(abs(value), decimal_pos=decimals, force_grouping=True)
    if value > 0:
        return "+" + text
    return "−" + text if value < 0 else text


def _by_month(rows, channel, index):
    """{label: {month: value}}: the channel's sum per index entry and month, the same as
    frames.channel_values gives (integrated is all − standalone, empty without all).

    Plain Python, not a pandas pivot: these are two months of rows, for which building the
    frames cost more than the sums (a third of the overview's time)."""
    stored = {}
    for row in rows:
        label = tuple(row[field] for field in index)
        channels = stored.setdefault(label, {}).setdefault(row["month"], {})
        channels[row["channel"]] = channels.get(row["channel"], 0) + row["n"]
    values = {}
    for label, months in stored.items():
        for month, channels in months.items():
            if channel == INTEGRATED:
                value = channels[ALL] - channels.get(STANDALONE, 0) if ALL in channels else None
            else:
                value = channels.get(channel)
            if value is not None:
                values.setdefault(label, {})[month] = value
    return values


def _changes(values, before, now, name):
    """One row per index entry with both months, in the index's order: the counts, the
    change and its per cent."""
    rows = []
    for label in sorted(values):
        months = values[label]
        previous, current = months.get(before), months.get(now)
        if previous is None or current is None:
            continue
        change = current - previous
        percent = round(100 * change / previous, 1) if previous else None
        row = {"previous": previous, "current": current, "change": change}
        row["change_percent"] = percent
        rows.append({**name(label), **row})
    return rows


def _with_texts(rows):
    return [{**row, "change_text": change_text(row)} for row in rows]


def _organisation(label):
    return {"organisation": label[0], "key": label[1]}


def _type(label):
    return {"type": label[-1]}


def _organisation_and_type(label):
    return {"organisation": label[0], "key": label[1], "type": label[-1]}


def year_over_year(selection, rows=None):
    """The selection's last month beside the same month a year earlier, per organisation
    and per type; only the rows that have both months. `rows`: cells_by_month of (at least)
    those two months, if already read."""
    now = selection.month_to
    before = months_before(now, 12)
    if rows is None:
        rows = queries.cells_by_month(selection, [before, now])
    channel = selection.channel
    return {
        "current_label": month_label(now),
        "previous_label": month_label(before),
        "organisations": _with_texts(
            _changes(_by_month(rows, channel, ORGANISATION), before, now, _organisation)
        ),
        "types": _with_texts(_changes(_by_month(rows, channel, TYPE), before, now, _type)),
    }


def change_text(row):
    """ "−1 204 (−8,1 %)" """
    percent = row["change_percent"]
    percent_text = f"{signed(percent, decimals=1)} %" if percent is not None else "från 0"
    return f"{signed(row['change'])} ({percent_text})"


def mover_text(mover):
    """ "Region Skåne, FK7804: −1 204 (−8,1 %)" """
    name = ", ".join(part for part in (mover.get("organisation"), mover.get("type")) if part)
    return f"{name}: {change_text(mover)}"


def _largest(rows, limit):
    rows = sorted(
        rows, key=lambda r: (-abs(r["change"]), r.get("organisation", ""), r.get("type", ""))
    )
    # Texts for the shown rows only: number_format is slow, and most rows are not shown.
    kept = _with_texts(r for r in rows[:limit] if r["change"])
    return [{**r, "text": mover_text(r)} for r in kept]


def _movers_comparison(selection):
    """The two latest months with data (up to the selection's last month), or None."""
    latest = queries.latest_months_with_data(selection, 1)
    if not latest:
        return None
    # The same rule as every other comparison of months (comparison.compared_month).
    comparison = compared_month(latest[0])
    return comparison if comparison.previous is not None else None


def biggest_movers(selection, limit=5, rows=None, comparison=None):
    """Between the two latest months with data (up to the selection's last month): the
    organisation × type cells and the organisations whose counts changed most. `rows` and
    `comparison`: as change_over_time reads them, if it did."""
    if comparison is None:
        comparison = _movers_comparison(selection)
        if comparison is None:
            return None
    before, now = comparison.previous, comparison.current
    if rows is None:
        rows = queries.cells_by_month(selection, [before, now])
    channel = selection.channel
    return {
        "current_label": month_label(now),
        "previous_label": month_label(before),
        "missing_months": comparison.missing_label,
        "cells": _largest(
            _changes(
                _by_month(rows, channel, [*ORGANISATION, "certificate_type__code"]),
                before,
                now,
                _organisation_and_type,
            ),
            limit,
        ),
        "organisations": _largest(
            _changes(_by_month(rows, channel, ORGANISATION), before, now, _organisation), limit
        ),
    }


def change_over_time(selection):
    """(year_over_year, biggest_movers) of the selection, from one read of the months the
    two compare (they share the latest month)."""
    comparison = _movers_comparison(selection)
    months = {months_before(selection.month_to, 12), selection.month_to}
    if comparison is not None:
        months |= {comparison.previous, comparison.current}
    rows = queries.cells_by_month(selection, sorted(months))
    movers = biggest_movers(selection, rows=rows, comparison=comparison) if comparison else None
    return year_over_year(selection, rows), movers


def national_movers(limit=5):
    """The whole country's biggest movers (all channels), for the overview."""
    latest = queries.latest_month()
    if latest is None:
        return None
    return biggest_movers(Selection(month_from=latest, month_to=latest), limit)

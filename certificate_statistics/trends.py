"""Change over time: each organisation against the month before, the same month a year
earlier, and the biggest movers between the two latest months with data. A fixed number of
queries (two or three), whatever the history."""

from django.utils.formats import number_format

from webcert_forum.core.months import month_label

from . import queries
from .comparison import compared_month
from .selection import Selection, channel_value, months_before


def signed(value, decimals=None):
    """ "+1 342", "−1 204" (a true minus sign), "0"; thousands separated by a space."""
    text = number_format(abs(value), decimal_pos=decimals, force_grouping=True)
    if value > 0:
        return "+" + text
    return "−" + text if value < 0 else text


def _by_month(rows, channel, organisations, types, cell_months=()):
    """The rows of queries.cells_by_month as three views of {label: {month: value}} of the
    channel: per organisation (label (name, key)), per type ((position, code)) and, for
    `cell_months` only, per cell ((name, key, code)). An organisation's or type's value is
    that of its summed channels, as frames.channel_values gives it (integrated is
    all − standalone, empty without all).

    Plain Python in one pass, not pandas: these are a few months of rows, for which building
    frames and grouping them cost ten times the sums (a third of the overview's time)."""
    cells, by_organisation, by_type = {}, {}, {}
    for month, organisation, kind, everything, standalone in rows:
        if month in cell_months:
            cells.setdefault((organisation, kind), {})[month] = (everything, standalone)
        for sums, label in ((by_organisation, organisation), (by_type, kind)):
            months = sums.setdefault(label, {})
            both = months.get(month)
            if both is None:
                months[month] = [everything, standalone]
                continue
            if everything is not None:
                both[0] = everything if both[0] is None else both[0] + everything
            if standalone is not None:
                both[1] = standalone if both[1] is None else both[1] + standalone

    def values(sums, name):
        named = {}
        for label, months in sums.items():
            kept = {}
            for month, both in months.items():
                value = channel_value(channel, *both)
                if value is not None:
                    kept[month] = value
            if kept:
                named[name(label)] = kept
        return named

    return {
        "organisations": values(by_organisation, organisations.__getitem__),
        "types": values(by_type, types.__getitem__),
        "cells": values(cells, lambda label: (*organisations[label[0]], types[label[1]][1])),
    }


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


def _year_over_year(values, now):
    """The month `now` beside the same month a year earlier, per organisation and per type;
    only the rows that have both months."""
    before = months_before(now, 12)
    return {
        "current_label": month_label(now),
        "previous_label": month_label(before),
        "organisations": _with_texts(_changes(values["organisations"], before, now, _organisation)),
        "types": _with_texts(_changes(values["types"], before, now, _type)),
    }


def _monthly_change(values, comparison):
    """Each organisation's total in the compared month against the month before; the
    organisations with either month."""
    before, now = comparison.previous, comparison.current
    rows = []
    for label in sorted(values["organisations"]):
        months = values["organisations"][label]
        previous, current = months.get(before), months.get(now)
        if previous is None and current is None:
            continue
        change = current - previous if previous is not None and current is not None else None
        percent = round(100 * change / previous, 1) if change is not None and previous else None
        row = {"previous": previous, "current": current, "change": change}
        row["change_percent"] = percent
        rows.append({**_organisation(label), **row})
    return rows


def change_text(row):
    """ "−1 204 (−8,1 %)" """
    percent = row["change_percent"]
    percent_text = f"{signed(percent, decimals=1)} %" if percent is not None else "från 0"
    return f"{signed(row['change'])} ({percent_text})"


def mover_text(mover):
    """ "Region Skåne, FK7804: −1 204 (−8,1 %)" """
    name = ", ".join(part for part in (mover.get("organisation"), mover.get("type")) if part)
    return f"{name}: {mover.get('change_text') or change_text(mover)}"


def _largest(rows, limit):
    rows = sorted(
        rows, key=lambda r: (-abs(r["change"]), r.get("organisation", ""), r.get("type", ""))
    )
    # Texts for the shown rows only: number_format is slow, and most rows are not shown.
    kept = _with_texts(r for r in rows[:limit] if r["change"])
    return [{**r, "text": mover_text(r)} for r in kept]


def _movers_comparison(selection, known=None):
    """The two latest months with data (up to the selection's last month), or None. `known`:
    the comparison of a month already made, used again if it is the latest month."""
    latest = queries.latest_months_with_data(selection, 1)
    if not latest:
        return None
    # The same rule as every other comparison of months (comparison.compared_month).
    if known is not None and known.current == latest[0]:
        comparison = known
    else:
        comparison = compared_month(latest[0])
    return comparison if comparison.previous is not None else None


def _movers(values, comparison, limit):
    before, now = comparison.previous, comparison.current
    return {
        "current_label": month_label(now),
        "previous_label": month_label(before),
        "missing_months": comparison.missing_label,
        "cells": _largest(_changes(values["cells"], before, now, _organisation_and_type), limit),
        "organisations": _largest(
            _changes(values["organisations"], before, now, _organisation), limit
        ),
    }


def biggest_movers(selection, limit=5):
    """Between the two latest months with data (up to the selection's last month): the
    organisation × type cells and the organisations whose counts changed most."""
    comparison = _movers_comparison(selection)
    if comparison is None:
        return None
    months = [comparison.previous, comparison.current]
    values = _by_month(
        queries.cells_by_month(selection, months),
        selection.channel,
        queries.organisation_labels(),
        queries.type_labels(),
        cell_months=months,
    )
    return _movers(values, comparison, limit)


def change_over_time(selection, comparison, organisations, types, limit=5):
    """(change, year_over_year, biggest_movers) of the selection, from one read of the
    months the three compare: `comparison` (compared_month of the selection's last month)
    for the change per organisation, the same month a year earlier, and the two latest
    months with data for the movers. `organisations` and `types`: the labels of their ids
    (queries.organisation_labels, and (position, code) of the selected types)."""
    movers_comparison = _movers_comparison(selection, known=comparison)
    now = selection.month_to
    months = {months_before(now, 12), now}
    if comparison.previous is not None:
        months.add(comparison.previous)
    if movers_comparison is not None:
        months |= {movers_comparison.previous, movers_comparison.current}
    values = _by_month(
        queries.cells_by_month(selection, sorted(months)),
        selection.channel,
        organisations,
        types,
        cell_months={movers_comparison.previous, movers_comparison.current}
        if movers_comparison
        else (),
    )
    change = _monthly_change(values, comparison) if comparison.previous else []
    movers = _movers(values, movers_comparison, limit) if movers_comparison else None
    return change, _year_over_year(values, now), movers


def national_movers(limit=5):
    """The whole country's biggest movers (all channels), for the overview."""
    latest = queries.latest_month()
    if latest is None:
        return None
    return biggest_movers(Selection(month_from=latest, month_to=latest), limit)

"""Change over time: each organisation against the month before, the same month a year
earlier, and the biggest movers between the two latest months with data. A few queries, as
many whatever the history."""

from webcert_forum.core.months import month_label
from webcert_forum.core.numbers import number_format

from . import queries
from .comparison import compared_month
from .selection import ALL, STANDALONE, Selection, channel_value, months_before


def signed(value, decimals=None):
    """ "+1 342", "−1 204" (a true minus sign), "0"; thousands separated by a space."""
    text = number_format(abs(value), decimal_pos=decimals, force_grouping=True)
    if value > 0:
        return "+" + text
    return "−" + text if value < 0 else text


def _by_month(rows, channel, organisations, types, cell_months=()):
    """The rows of queries.cells_by_month (one stored channel's count each) as three views
    of {label: {month: value}} of the channel: per organisation (label (name, key)), per
    type ((position, code)) and, for `cell_months` only, per cell ((name, key, code)). An
    organisation's or type's value is that of its summed channels, as
    frames.channel_values gives it (integrated is all − standalone, empty without all).

    Plain Python in one pass, not pandas: these are a few months of rows, for which building
    frames and grouping them cost ten times the sums (a third of the overview's time)."""
    # Per stored channel, the sums per organisation and per type and the cells, written
    # out by hand: a loop over the views was half the time of the sums.
    sums = {ALL: ({}, {}, {}), STANDALONE: ({}, {}, {})}
    for month, stored, organisation, kind, count in rows:
        per_organisation, per_type, cells = sums[stored]
        key = organisation, month
        per_organisation[key] = per_organisation.get(key, 0) + count
        key = kind, month
        per_type[key] = per_type.get(key, 0) + count
        if month in cell_months:
            cells[(organisation, kind), month] = count
    (organisation_all, type_all, cells_all) = sums[ALL]
    (organisation_standalone, type_standalone, cells_standalone) = sums[STANDALONE]
    by_organisation = organisation_all, organisation_standalone
    by_type = type_all, type_standalone
    cells = {}
    for key in cells_standalone if channel == STANDALONE else cells_all:
        value = channel_value(channel, cells_all.get(key), cells_standalone.get(key))
        if value is not None:
            cells[key] = value

    def values(sums, name):
        everything, standalone = sums
        named = {}
        # A channel's value exists where its own sum (integrated: the all-channels sum) does.
        for key in standalone if channel == STANDALONE else everything:
            value = channel_value(channel, everything.get(key), standalone.get(key))
            named.setdefault(name(key[0]), {})[key[1]] = value
        return named

    named_cells = {}
    for ((organisation, kind), month), value in cells.items():
        named_cells.setdefault((*organisations[organisation], types[kind][1]), {})[month] = value
    return {
        "organisations": values(by_organisation, organisations.__getitem__),
        "types": values(by_type, types.__getitem__),
        "cells": named_cells,
    }


def _change(previous, current):
    percent = round(100 * (current - previous) / previous, 1) if previous else None
    return {
        "previous": previous,
        "current": current,
        "change": current - previous,
        "change_percent": percent,
    }


def _changes(values, before, now, name):
    """One row per index entry with both months, in the index's order: the counts, the
    change and its per cent."""
    rows = []
    for label in sorted(values):
        months = values[label]
        previous, current = months.get(before), months.get(now)
        if previous is not None and current is not None:
            rows.append({**name(label), **_change(previous, current)})
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
        if previous is not None and current is not None:
            row = _change(previous, current)
        else:
            row = {"previous": previous, "current": current, "change": None}
            row["change_percent"] = None
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


def _largest(values, before, now, name, limit):
    """The `limit` largest changes of _changes(values, before, now, name), the largest
    first (ties by organisation and type, then in the index's order), without the unchanged.
    Rows and texts for the shown ones only: most are not shown, and number_format is slow."""
    changes = []
    for label, months in values.items():
        previous, current = months.get(before), months.get(now)
        if previous is not None and current is not None:
            shown = name(label)
            changes.append(
                (
                    -abs(current - previous),
                    shown.get("organisation", ""),
                    shown.get("type", ""),
                    label,
                )
            )
    changes.sort()
    kept = []
    for _, _, _, label in changes[:limit]:
        months = values[label]
        row = {**name(label), **_change(months[before], months[now])}
        if row["change"]:
            kept.append(row)
    return [{**r, "text": mover_text(r)} for r in _with_texts(kept)]


def _movers_comparison(selection):
    """The two latest months with data (up to the selection's last month), or None."""
    latest = queries.latest_months_with_data(selection, 1)
    if not latest:
        return None
    # The same rule as every other comparison of months (comparison.compared_month).
    comparison = compared_month(latest[0])
    return comparison if comparison.previous is not None else None


def _movers(values, comparison, limit):
    before, now = comparison.previous, comparison.current
    return {
        "current_label": month_label(now),
        "previous_label": month_label(before),
        "missing_months": comparison.missing_label,
        "cells": _largest(values["cells"], before, now, _organisation_and_type, limit),
        "organisations": _largest(values["organisations"], before, now, _organisation, limit),
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


def _as_month_rows(selection, month, period_rows):
    """The rows of cells_by_organisation_and_type over `month` alone as cells_by_month
    gives them: a row per stored channel of the selection's that has a count."""
    stored = selection.stored_channels
    rows = []
    for organisation, kind, everything, standalone in period_rows:
        if everything is not None and ALL in stored:
            rows.append((month, ALL, organisation, kind, everything))
        if standalone is not None and STANDALONE in stored:
            rows.append((month, STANDALONE, organisation, kind, standalone))
    return rows


def change_over_time(selection, comparison, organisations, types, limit=5, last_month=None):
    """(change, year_over_year, biggest_movers) of the selection, from one read of the
    months the three compare: `comparison` (compared_month of the selection's last month)
    for the change per organisation, the same month a year earlier, and the two latest
    months with data for the movers. `organisations` and `types`: the labels of their ids
    (queries.organisation_labels, and (position, code) of the selected types).
    `last_month`: cells_by_organisation_and_type of the last month alone, if read."""
    now = selection.month_to
    months = {months_before(now, 12), now}
    if comparison.previous is not None:
        months.add(comparison.previous)
    rows = []
    if last_month is not None:
        rows = _as_month_rows(selection, now, last_month)
        months.discard(now)
    rows += queries.cells_by_month(selection, sorted(months))
    if any(row[0] == now for row in rows):
        # The last month has counts, so it is the latest with data: the movers compare the
        # months already read, and the latest month needs no query of its own.
        movers_comparison = comparison if comparison.previous is not None else None
    else:
        movers_comparison = _movers_comparison(selection)
        if movers_comparison is not None:
            unread = {movers_comparison.previous, movers_comparison.current} - months - {now}
            rows += queries.cells_by_month(selection, sorted(unread))
    values = _by_month(
        rows,
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

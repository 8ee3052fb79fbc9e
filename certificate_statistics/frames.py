"""Reshaping of the aggregated rows (queries.py) into what tables and charts show.

Every function takes the plain rows of one query and returns plain Python (lists, dicts,
ints, None for an empty cell), so the result can be cached and rendered as it is.

Plain Python, not pandas: the rows are already summed by the database, a few hundred to a
few thousand of them, and building pandas frames and pivots for them cost more than
everything else the statistics page computes (about 20 ms a page, in ten calls)."""

from django.utils.text import slugify

from .queries import CELL_FIELDS
from .selection import ALL, INTEGRATED, STANDALONE, month_range


def type_column(code):
    """A column name that is safe as a django-tables2 accessor and readable in a sort URL."""
    return "t_" + slugify(code).replace("-", "_")


CELL_COLUMNS = [*CELL_FIELDS, "n"]


def channel_sums(rows, channel, fields):
    """{(row[field], ...): value}: the channel's sum per key. Integrated is all − standalone,
    and has no value where the all-channels sum has none (no row is not a zero)."""
    stored = {}
    for row in rows:
        key = tuple(row[field] for field in fields)
        channels = stored.setdefault(key, {})
        channels[row["channel"]] = channels.get(row["channel"], 0) + row["n"]
    values = {}
    for key, channels in stored.items():
        if channel == INTEGRATED:
            if ALL in channels:
                values[key] = channels[ALL] - channels.get(STANDALONE, 0)
        elif channel in channels:
            values[key] = channels[channel]
    return values


def split_last(values):
    """{(a, ..., last): v} → {(a, ...): {last: v}}: per organisation, per month, say."""
    grouped = {}
    for (*label, last), value in values.items():
        grouped.setdefault(tuple(label), {})[last] = value
    return grouped


def _sum(values):
    """The sum of the values that are there; None when none is."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def minutes_table(cell_rows, printed_rows, types, channel, show_printed):
    """Organisations × types for the period, with row and column totals and the printed
    "Totalsumma" beside the computed one."""
    by_organisation = split_last(
        channel_sums(
            cell_rows,
            channel,
            ["organisation__name", "organisation__key", "certificate_type__code"],
        )
    )
    if not by_organisation:
        return {"rows": [], "footer": {}}
    columns = [(type_column(t["code"]), t["code"]) for t in types]
    printed = channel_sums(printed_rows, channel, ["organisation__key"])
    rows = []
    for name, key in sorted(by_organisation):
        cells = by_organisation[(name, key)]
        values = {column: cells.get(code) for column, code in columns}
        if all(v is None for v in values.values()):
            continue  # counts only of types not shown
        row = {"organisation": name, "key": key, **values}
        row["total"] = _sum(values.values())
        if show_printed:
            row["printed"] = printed.get((key,))
            differs = row["printed"] is not None and row["printed"] != row["total"]
            row["difference"] = row["printed"] - row["total"] if differs else None
        rows.append(row)
    footer = {column: _sum(r[column] for r in rows) for column, _code in columns}
    footer["total"] = sum(r["total"] for r in rows)
    if show_printed:
        footer["printed"] = sum(r["printed"] for r in rows if r["printed"] is not None)
    return {"rows": rows, "footer": footer}


def standalone_shares(cell_rows):
    """Per organisation: the standalone channel's per cent of all channels in the period."""
    everything = channel_sums(cell_rows, ALL, ["organisation__name", "organisation__key"])
    standalone = channel_sums(cell_rows, STANDALONE, ["organisation__name", "organisation__key"])
    shares = []
    for name, key in sorted(everything):
        total = everything[(name, key)]
        if not total:
            continue
        own = standalone.get((name, key)) or 0
        shares.append(
            {
                "organisation": name,
                "key": key,
                "all": total,
                "standalone": own,
                "share": round(100 * own / total, 1),
            }
        )
    return shares


def monthly_change(month_rows, channel, current, previous):
    """Each organisation's total in the current month against the month before."""
    by_organisation = split_last(
        channel_sums(month_rows, channel, ["organisation__name", "organisation__key", "month"])
    )
    rows = []
    for name, key in sorted(by_organisation):
        months = by_organisation[(name, key)]
        before, now = months.get(previous), months.get(current)
        change = now - before if before is not None and now is not None else None
        percent = round(100 * change / before, 1) if change is not None and before else None
        rows.append(
            {
                "organisation": name,
                "key": key,
                "previous": before,
                "current": now,
                "change": change,
                "change_percent": percent,
            }
        )
    return rows


def monthly_series(rows, channel, by):
    """{"months": [...], "series": [{"name", "values"}]}: one series per type (in the
    minutes' order) or per organisation, one value per calendar month from the first month
    with data to the last (None: no data that month, which a chart shows as a gap)."""
    if by == "type":
        index = ["certificate_type__position", "certificate_type__code"]
    else:
        index = ["organisation__name"]
    by_label = split_last(channel_sums(rows, channel, [*index, "month"]))
    if not by_label:
        return {"months": [], "series": []}
    seen = {month for months in by_label.values() for month in months}
    months = month_range(min(seen), max(seen))
    series = [
        {"name": label[-1], "values": [by_label[label].get(month) for month in months]}
        for label in sorted(by_label)
    ]
    return {"months": months, "series": series}

"""Pandas reshaping of the aggregated rows (queries.py) into what tables and charts show.

Every function takes the plain rows of one query and returns plain Python (lists, dicts,
ints, None for an empty cell), so the result can be cached and rendered without pandas."""

import math

import pandas as pd
from django.utils.text import slugify

from .queries import CELL_FIELDS
from .selection import ALL, INTEGRATED, STANDALONE, month_range


def type_column(code):
    """A column name that is safe as a django-tables2 accessor and readable in a sort URL."""
    return "t_" + slugify(code).replace("-", "_")


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _frame(rows, columns):
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame["n"] = frame["n"].astype("float64")
    return frame


def channel_values(frame, channel, index):
    """The channel's value per index; integrated is all − standalone, and empty where the
    all-channels cell is empty (no row is not a zero)."""
    if frame.empty:
        return pd.Series(dtype="float64")
    wide = frame.pivot_table(index=index, columns="channel", values="n", aggfunc="sum")
    for stored in (ALL, STANDALONE):
        if stored not in wide.columns:
            wide[stored] = float("nan")
    if channel == INTEGRATED:
        values = wide[ALL] - wide[STANDALONE].fillna(0)
    else:
        values = wide[channel]
    return values.dropna()


CELL_COLUMNS = [*CELL_FIELDS, "n"]


def minutes_table(cell_rows, printed_rows, types, channel, show_printed):
    """Organisations × types for the period, with row and column totals and the printed
    "Totalsumma" beside the computed one."""
    frame = _frame(cell_rows, CELL_COLUMNS)
    values = channel_values(
        frame, channel, ["organisation__name", "organisation__key", "certificate_type__code"]
    )
    columns = [type_column(t["code"]) for t in types]
    if values.empty:
        return {"rows": [], "footer": {}}
    pivot = values.unstack("certificate_type__code")
    pivot = pivot.reindex(columns=[t["code"] for t in types])
    pivot.columns = columns
    pivot = pivot.dropna(how="all")
    printed = channel_values(
        _frame(printed_rows, ["channel", "organisation__key", "n"]), channel, "organisation__key"
    )
    rows = []
    for (name, key), cells in pivot.iterrows():
        row = {"organisation": name, "key": key}
        row.update({c: _plain(v) for c, v in cells.items()})
        row["total"] = _plain(cells.sum(min_count=1))
        if show_printed:
            row["printed"] = _plain(printed.get(key))
            differs = row["printed"] is not None and row["printed"] != row["total"]
            row["difference"] = row["printed"] - row["total"] if differs else None
        rows.append(row)
    rows.sort(key=lambda r: r["organisation"])
    footer = {c: _plain(pivot[c].sum(min_count=1)) for c in columns}
    footer["total"] = _plain(pivot.sum(axis=1).sum())
    if show_printed:
        footer["printed"] = sum(r["printed"] for r in rows if r["printed"] is not None)
    return {"rows": rows, "footer": footer}


def standalone_shares(cell_rows):
    """Per organisation: the standalone channel's per cent of all channels in the period."""
    frame = _frame(cell_rows, CELL_COLUMNS)
    if frame.empty:
        return []
    totals = frame.pivot_table(
        index=["organisation__name", "organisation__key"],
        columns="channel",
        values="n",
        aggfunc="sum",
    )
    shares = []
    for (name, key), row in totals.iterrows():
        everything = _plain(row.get(ALL))
        if not everything:
            continue
        standalone = _plain(row.get(STANDALONE)) or 0
        shares.append(
            {
                "organisation": name,
                "key": key,
                "all": everything,
                "standalone": standalone,
                "share": round(100 * standalone / everything, 1),
            }
        )
    return sorted(shares, key=lambda s: s["organisation"])


def monthly_change(month_rows, channel, current, previous):
    """Each organisation's total in the current month against the month before."""
    frame = _frame(month_rows, ["month", "channel", "organisation__key", "organisation__name", "n"])
    values = channel_values(frame, channel, ["organisation__name", "organisation__key", "month"])
    if values.empty:
        return []
    wide = values.unstack("month").reindex(columns=[previous, current])
    rows = []
    for (name, key), months in wide.iterrows():
        before, now = _plain(months[previous]), _plain(months[current])
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
    return sorted(rows, key=lambda r: r["organisation"])


def monthly_series(rows, channel, by):
    """{"months": [...], "series": [{"name", "values"}]}: one series per type (in the
    minutes' order) or per organisation, one value per calendar month from the first month
    with data to the last (None: no data that month, which a chart shows as a gap)."""
    if by == "type":
        index = ["certificate_type__position", "certificate_type__code"]
    else:
        index = ["organisation__name"]
    frame = pd.DataFrame.from_records(rows, columns=["month", "channel", *index, "n"])
    frame["n"] = frame["n"].astype("float64")
    values = channel_values(frame, channel, [*index, "month"])
    if values.empty:
        return {"months": [], "series": []}
    wide = values.unstack("month").sort_index(axis=1)
    wide = wide.reindex(columns=month_range(wide.columns[0], wide.columns[-1]))
    series = []
    for label, cells in wide.iterrows():
        name = label[-1] if isinstance(label, tuple) else label
        series.append({"name": name, "values": [_plain(v) for v in cells]})
    return {"months": list(wide.columns), "series": series}

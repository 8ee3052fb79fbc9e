"""Pandas reshaping of the aggregated rows (queries.py) into what tables and charts show.

Every function takes one query's rows, or the one frame made of them (`frame`), and returns
plain Python (lists, dicts, ints, None for an empty cell), so the result can be cached and
rendered without pandas. The rows carry both stored channels side by side, so a channel's
value is one vectorised step, and ids, named here from the few rows that are shown.

The minutes' table, one period's few hundred cells, is summed in plain Python instead: for
that size the frame's steps cost several times the sums, and it is on every dashboard."""

import math

import numpy as np
import pandas as pd
from django.utils.text import slugify

from .selection import ALL, INTEGRATED, STANDALONE, channel_value, month_range


def type_column(code):
    """A column name that is safe as a django-tables2 accessor and readable in a sort URL."""
    return "t_" + slugify(code).replace("-", "_")


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def frame(rows, labels):
    """One query's rows as a frame: the label columns, then both channels' sums as floats
    (NaN: no row). Built column by column: inferring each cell's type costs more than
    the pivots."""
    columns = list(zip(*rows, strict=True)) or [()] * (len(labels) + 2)
    data = dict(zip(labels, columns, strict=False))
    data[ALL] = np.array(columns[-2], dtype="float64")
    data[STANDALONE] = np.array(columns[-1], dtype="float64")
    return pd.DataFrame(data)


def channel_values(frame, channel):
    """The channel's value per row; integrated is all − standalone, and empty where the
    all-channels sum is empty (no row is not a zero)."""
    if channel == INTEGRATED:
        return frame[ALL] - frame[STANDALONE].fillna(0)
    return frame[channel]


def _wide(frame, channel, index, columns):
    """The channel's values, `index` × `columns` (both sorted); NaN where there is none."""
    values = channel_values(frame, channel).set_axis(
        pd.MultiIndex.from_arrays([frame[index], frame[columns]])
    )
    return values.dropna().unstack()


def minutes_table(cell_rows, printed_rows, types, organisations, channel, show_printed):
    """Organisations × types for the period, with row and column totals and the printed
    "Totalsumma" beside the computed one. `cell_rows`: cells_by_organisation_and_type;
    `organisations`: queries.organisation_labels.

    Plain Python, not a pivot frame: a few hundred cells, for which the frame's steps cost
    several times the sums. An empty cell (no row, or integrated without an all-channels
    sum) stays None, in the totals too."""
    columns = {t["id"]: t["column"] for t in types}
    cells = {}
    for organisation, kind, everything, standalone in cell_rows:
        value = channel_value(channel, everything, standalone)
        if value is not None and kind in columns:
            cells.setdefault(organisation, {})[columns[kind]] = value
    if not cells:
        return {"rows": [], "footer": {}}
    printed = {}
    if show_printed:
        for organisation, everything, standalone in printed_rows:
            printed[organisation] = channel_value(channel, everything, standalone)
    names = list(columns.values())
    footer = dict.fromkeys(names)
    rows = []
    for organisation, values in cells.items():
        name, key = organisations[organisation]
        row = {"organisation": name, "key": key}
        for column in names:
            value = row[column] = values.get(column)
            if value is not None:
                footer[column] = (footer[column] or 0) + value
        row["total"] = sum(values.values())
        if show_printed:
            row["printed"] = printed.get(organisation)
            differs = row["printed"] is not None and row["printed"] != row["total"]
            row["difference"] = row["printed"] - row["total"] if differs else None
        rows.append(row)
    rows.sort(key=lambda r: (r["organisation"], r["key"]))
    footer["total"] = sum(r["total"] for r in rows)
    if show_printed:
        footer["printed"] = sum(r["printed"] for r in rows if r["printed"] is not None)
    return {"rows": rows, "footer": footer}


def standalone_shares(cells, organisations):
    """Per organisation: the standalone channel's per cent of all channels in the period."""
    if cells.empty:
        return []
    totals = cells.groupby("organisation")[[ALL, STANDALONE]].sum(min_count=1)
    shares = []
    for organisation, everything, standalone in zip(
        totals.index.tolist(), totals[ALL].tolist(), totals[STANDALONE].tolist(), strict=True
    ):
        everything = _plain(everything)
        if not everything:
            continue
        standalone = _plain(standalone) or 0
        name, key = organisations[organisation]
        shares.append(
            {
                "organisation": name,
                "key": key,
                "all": everything,
                "standalone": standalone,
                "share": round(100 * standalone / everything, 1),
            }
        )
    return sorted(shares, key=lambda s: (s["organisation"], s["key"]))


def monthly_series(rows, channel, names=None):
    """{"months": [...], "series": [{"name", "values"}]}: one series per label of the rows
    (month, label, all, standalone), one value per calendar month from the first month with
    data to the last (None: no data that month, which a chart shows as a gap). `names`:
    {label: name} in the series' order (the types'); without it the labels are the names,
    in their own order."""
    data = frame(rows, ["month", "label"])
    wide = _wide(data, channel, "label", "month")
    if wide.empty:
        return {"months": [], "series": []}
    months = month_range(min(wide.columns), max(wide.columns))
    if names is None:
        labels = sorted(wide.index)
        names = {label: label for label in labels}
    else:
        labels = [label for label in names if label in wide.index]
    wide = wide.reindex(index=labels, columns=months)
    series = [
        {"name": names[label], "values": [_plain(v) for v in values]}
        for label, values in zip(labels, wide.to_numpy().tolist(), strict=True)
    ]
    return {"months": months, "series": series}

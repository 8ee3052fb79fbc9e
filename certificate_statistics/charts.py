"""The statistics charts: plain data (frames.py) in, Plotly figure out.

Colours follow the type's place in the minutes, so a type keeps its colour in every chart;
hover texts carry the exact values, since bars are hard to read to the unit."""

import math

from webcert_forum.core.charts import (
    PALETTE,
    figure,
    fit_legend,
    lean_layout,
    month_axis,
    month_value,
    subplot_grid,
    trace,
    update_axes,
)
from webcert_forum.core.months import month_label

COUNT_HOVER = "%{x}<br>%{fullData.name}: %{y:,} intyg<extra></extra>"
MONTH_HOVER = "%{x|%B %Y}<br>%{fullData.name}: %{y:,} intyg<extra></extra>"


def type_colours(types):
    return {t["code"]: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}


def organisations_by_type_figure(minutes, types, period, channel_label):
    """The slide as a picture: each organisation's certificates, stacked by type."""
    rows = minutes["rows"]
    colours = type_colours(types)
    organisations = [r["organisation"] for r in rows]
    layout = lean_layout(
        f"Utfärdade intyg per organisation och intygstyp, {period} ({channel_label})",
        x_title="Organisation",
        y_title="Antal intyg",
        barmode="stack",
    )
    bars = []
    for t in types:
        values = [r.get(t["column"]) for r in rows]
        if not any(values):
            continue
        bars.append(
            trace(
                "bar",
                name=t["code"],
                x=organisations,
                y=values,
                marker={"color": colours[t["code"]]},
                hovertemplate=COUNT_HOVER,
            )
        )
    update_axes(layout, "x", tickangle=-45)
    return figure(layout, bars)


def type_mix_figure(minutes, types, period, channel_label):
    """Each organisation's certificates as 100 %, split by type: the mix, not the volume."""
    rows = [r for r in minutes["rows"] if r["total"]]
    colours = type_colours(types)
    layout = lean_layout(
        f"Intygstypernas andel per organisation, {period} ({channel_label})",
        x_title="Organisation",
        y_title="Andel av organisationens intyg (%)",
        barmode="stack",
    )
    bars = []
    for t in types:
        counts = [r.get(t["column"]) for r in rows]
        if not any(counts):
            continue
        shares = [round(100 * (n or 0) / r["total"], 1) for n, r in zip(counts, rows, strict=True)]
        bars.append(
            trace(
                "bar",
                name=t["code"],
                x=[r["organisation"] for r in rows],
                y=shares,
                customdata=[n or 0 for n in counts],
                marker={"color": colours[t["code"]]},
                hovertemplate=(
                    "%{x}<br>%{fullData.name}: %{y:.1f} % (%{customdata:,} intyg)<extra></extra>"
                ),
            )
        )
    update_axes(layout, "x", tickangle=-45)
    update_axes(layout, "y", range=[0, 100], ticksuffix=" %")
    return figure(layout, bars)


def standalone_share_figure(shares, period):
    layout = lean_layout(
        f"Andel intyg via Webcert Fristående per organisation, {period}",
        x_title="Organisation",
        y_title="Andel av alla intyg (%)",
    )
    bar = trace(
        "bar",
        name="Webcert Fristående",
        x=[s["organisation"] for s in shares],
        y=[s["share"] for s in shares],
        customdata=[[s["standalone"], s["all"]] for s in shares],
        marker={"color": PALETTE[0]},
        hovertemplate=(
            "%{x}<br>%{y:.1f} % (%{customdata[0]:,} av %{customdata[1]:,} intyg)<extra></extra>"
        ),
    )
    update_axes(layout, "x", tickangle=-45)
    update_axes(layout, "y", ticksuffix=" %", rangemode="tozero")
    return figure(layout, [bar])


def months_with_data(series):
    """The months where at least one series has a value."""
    return [
        month
        for i, month in enumerate(series["months"])
        if any(line["values"][i] is not None for line in series["series"])
    ]


def series_period(series):
    """ "juni 2020 – maj 2022", named by the first and last month with data, and how many
    of the months between have none."""
    months = months_with_data(series)
    if not months:
        return ""
    if months[0] == months[-1]:
        return month_label(months[0])
    period = f"{month_label(months[0])} – {month_label(months[-1])}"
    span = len(series["months"])
    if len(months) < span:
        period += f", {len(months)} av {span} månader har data"
    return period


def _line(name, months, values, colour, **extra):
    return trace(
        "scatter",
        name=name,
        x=months,
        y=values,
        # Markers too: a month with data between two gaps would otherwise not show at all.
        mode="lines+markers" if len(months) < 61 else "lines",
        marker={"size": 5},
        line={"color": colour},
        connectgaps=False,
        hovertemplate=MONTH_HOVER,
        **extra,
    )


def monthly_series_figure(series, title, colours=None):
    """One line per series on a real time axis; a month without data is a gap."""
    layout = lean_layout(title, y_title="Antal intyg per månad", xaxis=month_axis())
    months = [month_value(m) for m in series["months"]]
    lines = []
    for i, line in enumerate(series["series"]):
        colour = (colours or {}).get(line["name"], PALETTE[i % len(PALETTE)])
        lines.append(_line(line["name"], months, line["values"], colour))
    update_axes(layout, "y", rangemode="tozero")
    return fit_legend(figure(layout, lines), len(series["series"]))


SMALL_MULTIPLE_COLUMNS = 3


def type_small_multiples_figure(series, title, colours):
    """One small chart per type, each with its own scale: FK7804's ten times larger volume
    would flatten every other type onto zero on a shared one."""
    lines = [line for line in series["series"] if any(v is not None for v in line["values"])]
    rows = max(1, math.ceil(len(lines) / SMALL_MULTIPLE_COLUMNS))
    layout, cells = subplot_grid(
        rows,
        SMALL_MULTIPLE_COLUMNS,
        [line["name"] for line in lines],
        horizontal_spacing=0.08,
        vertical_spacing=0.5 / rows,
    )
    layout.update(lean_layout(title, showlegend=False, height=120 + 190 * rows, margin={"b": 60}))
    months = [month_value(m) for m in series["months"]]
    traces = []
    for line, (x, y) in zip(lines, cells, strict=False):
        colour = colours.get(line["name"], PALETTE[0])
        traces.append(_line(line["name"], months, line["values"], colour, xaxis=x, yaxis=y))
    axis = month_axis()
    axis.pop("title")
    # Matched ranges, but every small chart keeps its own month labels.
    update_axes(layout, "x", **axis, showticklabels=True)
    update_axes(
        layout,
        "y",
        rangemode="tozero",
        separatethousands=True,
        exponentformat="none",
        automargin=True,
    )
    return figure(layout, traces)


def share_series(series):
    """The same series as each one's per cent of the month's sum over all of them."""
    totals = [
        sum(line["values"][i] or 0 for line in series["series"])
        for i in range(len(series["months"]))
    ]
    return {
        "months": series["months"],
        "series": [
            {
                "name": line["name"],
                "values": [
                    round(100 * v / total, 1) if v is not None and total else None
                    for v, total in zip(line["values"], totals, strict=True)
                ],
                "counts": line["values"],
            }
            for line in series["series"]
        ],
    }


def type_shares_figure(shares, title, colours):
    """Each type's per cent of the month's certificates (`shares`: share_series of the type
    series): the mix over time."""
    layout = lean_layout(
        title,
        y_title="Andel av månadens intyg (%)",
        barmode="stack",
        bargap=0.1,
        xaxis=month_axis(),
    )
    months = [month_value(m) for m in shares["months"]]
    bars = []
    for line in shares["series"]:
        if not any(line["values"]):
            continue
        bars.append(
            trace(
                "bar",
                name=line["name"],
                x=months,
                y=line["values"],
                customdata=line["counts"],
                marker={"color": colours.get(line["name"], PALETTE[0])},
                hovertemplate=(
                    "%{x|%B %Y}<br>%{fullData.name}: %{y:.1f} % (%{customdata:,} intyg)"
                    "<extra></extra>"
                ),
            )
        )
    update_axes(layout, "y", range=[0, 100], ticksuffix=" %")
    return fit_legend(figure(layout, bars), len(bars))

"""The statistics charts: plain data (frames.py) in, Plotly figure out.

Colours follow the type's place in the minutes, so a type keeps its colour in every chart;
hover texts carry the exact values, since bars are hard to read to the unit."""

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from webcert_forum.core.charts import PALETTE, fit_legend, lean_layout, month_axis, month_value
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
    figure = go.Figure(
        layout=lean_layout(
            f"Utfärdade intyg per organisation och intygstyp, {period} ({channel_label})",
            x_title="Organisation",
            y_title="Antal intyg",
            barmode="stack",
        )
    )
    for t in types:
        values = [r.get(t["column"]) for r in rows]
        if not any(values):
            continue
        figure.add_bar(
            name=t["code"],
            x=organisations,
            y=values,
            marker_color=colours[t["code"]],
            hovertemplate=COUNT_HOVER,
        )
    figure.update_xaxes(tickangle=-45)
    return figure


def type_mix_figure(minutes, types, period, channel_label):
    """Each organisation's certificates as 100 %, split by type: the mix, not the volume."""
    rows = [r for r in minutes["rows"] if r["total"]]
    colours = type_colours(types)
    figure = go.Figure(
        layout=lean_layout(
            f"Intygstypernas andel per organisation, {period} ({channel_label})",
            x_title="Organisation",
            y_title="Andel av organisationens intyg (%)",
            barmode="stack",
        )
    )
    for t in types:
        counts = [r.get(t["column"]) for r in rows]
        if not any(counts):
            continue
        shares = [round(100 * (n or 0) / r["total"], 1) for n, r in zip(counts, rows, strict=True)]
        figure.add_bar(
            name=t["code"],
            x=[r["organisation"] for r in rows],
            y=shares,
            customdata=[n or 0 for n in counts],
            marker_color=colours[t["code"]],
            hovertemplate=(
                "%{x}<br>%{fullData.name}: %{y:.1f} % (%{customdata:,} intyg)<extra></extra>"
            ),
        )
    figure.update_xaxes(tickangle=-45)
    figure.update_yaxes(range=[0, 100], ticksuffix=" %")
    return figure


def standalone_share_figure(shares, period):
    figure = go.Figure(
        layout=lean_layout(
            f"Andel intyg via Webcert Fristående per organisation, {period}",
            x_title="Organisation",
            y_title="Andel av alla intyg (%)",
        )
    )
    figure.add_bar(
        name="Webcert Fristående",
        x=[s["organisation"] for s in shares],
        y=[s["share"] for s in shares],
        customdata=[[s["standalone"], s["all"]] for s in shares],
        marker_color=PALETTE[0],
        hovertemplate=(
            "%{x}<br>%{y:.1f} % (%{customdata[0]:,} av %{customdata[1]:,} intyg)<extra></extra>"
        ),
    )
    figure.update_xaxes(tickangle=-45)
    figure.update_yaxes(ticksuffix=" %", rangemode="tozero")
    return figure


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
    return go.Scatter(
        name=name,
        x=months,
        y=values,
        # Markers too: a month with data between two gaps would otherwise not show at all.
        mode="lines+markers" if len(months) < 61 else "lines",
        marker_size=5,
        line_color=colour,
        connectgaps=False,
        hovertemplate=MONTH_HOVER,
        **extra,
    )


def monthly_series_figure(series, title, colours=None):
    """One line per series on a real time axis; a month without data is a gap."""
    figure = go.Figure(
        layout=lean_layout(title, y_title="Antal intyg per månad", xaxis=month_axis())
    )
    months = [month_value(m) for m in series["months"]]
    for i, line in enumerate(series["series"]):
        colour = (colours or {}).get(line["name"], PALETTE[i % len(PALETTE)])
        figure.add_trace(_line(line["name"], months, line["values"], colour))
    figure.update_yaxes(rangemode="tozero")
    return fit_legend(figure, len(series["series"]))


SMALL_MULTIPLE_COLUMNS = 3


def type_small_multiples_figure(series, title, colours):
    """One small chart per type, each with its own scale: FK7804's ten times larger volume
    would flatten every other type onto zero on a shared one."""
    lines = [line for line in series["series"] if any(v is not None for v in line["values"])]
    rows = max(1, math.ceil(len(lines) / SMALL_MULTIPLE_COLUMNS))
    figure = make_subplots(
        rows=rows,
        cols=SMALL_MULTIPLE_COLUMNS,
        subplot_titles=[line["name"] for line in lines],
        shared_xaxes="all",
        horizontal_spacing=0.08,
        vertical_spacing=0.5 / rows,
    )
    figure.update_layout(
        lean_layout(title, showlegend=False, height=120 + 190 * rows, margin={"b": 60})
    )
    months = [month_value(m) for m in series["months"]]
    for i, line in enumerate(lines):
        figure.add_trace(
            _line(line["name"], months, line["values"], colours.get(line["name"], PALETTE[0])),
            row=i // SMALL_MULTIPLE_COLUMNS + 1,
            col=i % SMALL_MULTIPLE_COLUMNS + 1,
        )
    axis = month_axis()
    axis.pop("title")
    # Matched ranges, but every small chart keeps its own month labels.
    figure.update_xaxes(**axis, showticklabels=True)
    figure.update_yaxes(
        rangemode="tozero", separatethousands=True, exponentformat="none", automargin=True
    )
    return figure


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


def type_shares_figure(series, title, colours):
    """Each type's per cent of the month's certificates: the mix over time."""
    figure = go.Figure(
        layout=lean_layout(
            title,
            y_title="Andel av månadens intyg (%)",
            barmode="stack",
            bargap=0.1,
            xaxis=month_axis(),
        )
    )
    months = [month_value(m) for m in series["months"]]
    for line in share_series(series)["series"]:
        if not any(line["values"]):
            continue
        figure.add_bar(
            name=line["name"],
            x=months,
            y=line["values"],
            customdata=line["counts"],
            marker_color=colours.get(line["name"], PALETTE[0]),
            hovertemplate=(
                "%{x|%B %Y}<br>%{fullData.name}: %{y:.1f} % (%{customdata:,} intyg)<extra></extra>"
            ),
        )
    figure.update_yaxes(range=[0, 100], ticksuffix=" %")
    return fit_legend(figure, len(figure.data))

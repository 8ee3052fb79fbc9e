"""The statistics charts: plain data (frames.py) in, Plotly figure out.

Colours follow the type's place in the minutes, so a type keeps its colour in every chart;
hover texts carry the exact values, since bars are hard to read to the unit."""

import plotly.graph_objects as go

from webcert_forum.core.charts import PALETTE, lean_layout
from webcert_forum.core.months import month_label

COUNT_HOVER = "%{x}<br>%{fullData.name}: %{y:,} intyg<extra></extra>"


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


def monthly_series_figure(series, title, colours=None):
    """One line per series over the months; x labels are Swedish month names."""
    figure = go.Figure(layout=lean_layout(title, x_title="Månad", y_title="Antal intyg per månad"))
    months = [month_label(m) for m in series["months"]]
    for i, line in enumerate(series["series"]):
        colour = (colours or {}).get(line["name"], PALETTE[i % len(PALETTE)])
        figure.add_scatter(
            name=line["name"],
            x=months,
            y=line["values"],
            mode="lines+markers" if len(months) < 25 else "lines",
            line_color=colour,
            hovertemplate=COUNT_HOVER,
        )
    figure.update_xaxes(type="category")
    return figure

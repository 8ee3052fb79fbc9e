"""What every chart of the site shares: the palette, a lean layout, and the payload that
templates hand to static/js/charts.js through json_script."""

import json

import plotly.graph_objects as go

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
    "#332288",
    "#117733",
    "#882255",
]


def month_value(month):
    """A month on a date axis: its first day, so months sit at their real distance apart."""
    return f"{month:%Y-%m-%d}"


def month_axis(title="Månad", **extra):
    """A real time axis of months: a month with no data is a gap, never an even step."""
    return {
        "type": "date",
        "title": {"text": title},
        "tickformat": "%b %Y",
        "hoverformat": "%B %Y",
        "automargin": True,
        **extra,
    }


# A vertical legend beside the plot scrolls once it is taller than the plot: the figure
# grows instead, so every entry stays visible.
LEGEND_ROW_PX = 21
PLOT_MIN_PX = 300


def fit_legend(figure, entries):
    margin = figure.layout.margin
    height = max(PLOT_MIN_PX, entries * LEGEND_ROW_PX + 20) + margin.t + margin.b
    figure.update_layout(height=max(height, 450))
    return figure


def lean_layout(title, x_title=None, y_title=None, **extra):
    """Plotly's default template adds ~6.5 KB to every figure; this sets only what we use."""
    layout = {
        "template": "none",
        "title": {"text": title},
        "colorway": PALETTE,
        "font": {"family": "system-ui, Segoe UI, Roboto, Arial, sans-serif", "size": 13},
        "separators": ", ",
        "margin": {"l": 70, "r": 20, "t": 60, "b": 90},
        "hoverlabel": {"namelength": -1},
        # Beside the plot, not below it: slanted category labels would run into it.
        "legend": {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1},
    }
    if x_title is not None:
        layout["xaxis"] = {"title": {"text": x_title}, "automargin": True}
    if y_title is not None:
        layout["yaxis"] = {
            "title": {"text": y_title},
            "automargin": True,
            "separatethousands": True,
            # "40 000", not "40k": the minutes and tables write numbers in full.
            "exponentformat": "none",
        }
    layout.update(extra)
    return layout


def figure_payload(figure: go.Figure):
    """A plain dict for json_script (never the string of to_json, which would be escaped)."""
    payload = json.loads(figure.to_json())
    payload.pop("config", None)
    return payload

"""What every chart of the site shares: the palette, a lean layout, and the payload that
templates hand to static/js/charts.js through json_script.

Figures are plain dicts in plotly.js's JSON shape ({"data": [traces], "layout": {...}}), not
plotly.graph_objects: plotly.js only needs the JSON, and plotly.py's validation of every
property cost more than the rest of a chart page together (0.1–0.2 s on /statistics/). The
tests validate each page's figures once through plotly.py instead (tests/charts/).
"""

import copy

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
    margin = figure["layout"]["margin"]
    height = max(PLOT_MIN_PX, entries * LEGEND_ROW_PX + 20) + margin["t"] + margin["b"]
    figure["layout"]["height"] = max(height, 450)
    return figure


# What plotly.py writes for template="none": no theme at all.
NO_TEMPLATE = {"data": {"scatter": [{"type": "scatter"}]}}


def figure(layout, data=()):
    """A figure as plotly.js reads it."""
    return {"data": list(data), "layout": layout}


def trace(kind, **properties):
    """One trace: its properties nested as plotly.js names them (marker={"color": …})."""
    return {**properties, "type": kind}


def update_axes(layout, axis, **properties):
    """Like plotly.py's update_xaxes/update_yaxes: every `axis` ("x" or "y") axis of the
    layout, nested dicts merged; a figure without one gets its first."""
    names = [key for key in layout if key.rstrip("0123456789") == f"{axis}axis"]
    for name in names or [f"{axis}axis"]:
        layout[name] = _merged(layout.get(name, {}), properties)
    return layout


def _merged(base, update):
    merged = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def lean_layout(title, x_title=None, y_title=None, **extra):
    """Plotly's default template adds ~6.5 KB to every figure; this sets only what we use."""
    layout = {
        "template": copy.deepcopy(NO_TEMPLATE),
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


def subplot_grid(rows, cols, titles, horizontal_spacing, vertical_spacing):
    """The layout of plotly.py's make_subplots(rows, cols, subplot_titles=titles,
    shared_xaxes="all") without building a Figure: {"xaxis": {...}, "yaxis": {...}, ...,
    "annotations": [titles]} and each cell's trace axes [("x", "y"), ("x2", "y2"), ...] row
    by row from the top left. Every x axis matches the bottom-left one. Checked against
    make_subplots itself in tests/charts/test_payloads.py."""
    widths = [(1.0 - horizontal_spacing * (cols - 1)) / cols] * cols
    heights = [(1.0 - vertical_spacing * (rows - 1)) / rows] * rows
    layout, cells, annotations = {}, [], []
    number = 0
    for r in range(rows):
        # Row 1 is at the top: its start is the height of every row below it.
        below = rows - 1 - r
        y_start = sum(heights[:below]) + below * vertical_spacing
        y_domain = [y_start, y_start + heights[-1 - r]]
        for c in range(cols):
            number += 1
            x_start = sum(widths[:c]) + c * horizontal_spacing
            x_domain = [x_start, x_start + widths[c]]
            suffix = str(number) if number > 1 else ""
            layout[f"xaxis{suffix}"] = {
                "anchor": f"y{suffix}",
                "domain": [max(0.0, x_domain[0]), min(1.0, x_domain[1])],
            }
            layout[f"yaxis{suffix}"] = {
                "anchor": f"x{suffix}",
                "domain": [max(0.0, y_domain[0]), min(1.0, y_domain[1])],
            }
            cells.append((f"x{suffix}", f"y{suffix}"))
            if number <= len(titles) and titles[number - 1]:
                annotations.append(
                    {
                        "font": {"size": 16},
                        "showarrow": False,
                        "text": titles[number - 1],
                        "x": sum(x_domain) / 2.0,
                        "xanchor": "center",
                        "xref": "paper",
                        "y": y_domain[1],
                        "yanchor": "bottom",
                        "yref": "paper",
                    }
                )
    first = (rows - 1) * cols + 1
    reference = f"x{first}" if first > 1 else "x"
    for number, (x, _y) in enumerate(cells, start=1):
        if number != first:
            axis = layout[x.replace("x", "xaxis")]
            axis["matches"] = reference
            if number < first:
                # Shared axes label the bottom row only, as make_subplots does.
                axis["showticklabels"] = False
    layout["annotations"] = annotations
    return layout, cells

"""The timeline of announced changes: data in, Plotly figure (plain JSON, core.charts) out."""

import textwrap

from webcert_forum.core.charts import PALETTE, figure, lean_layout, trace, update_axes
from webcert_forum.core.months import add_months, month_label

# How far past the items "today" may lie and still be drawn: a line years away would
# squeeze every item into a corner of the chart.
TODAY_REACH_MONTHS = 6
LABEL_WIDTH = 24
LABEL_LINES = 3


def what_changes(text):
    """The item's own words, wrapped for the chart and cut after a few lines."""
    lines = textwrap.wrap(" ".join(text.split()), LABEL_WIDTH)
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], textwrap.shorten(lines[LABEL_LINES - 1], 20) + " …"]
    return "<br>".join(lines)


def timeline_figure(entries, today):
    """entries: TimelineEntry rows; today: a date, marked with a vertical line when it lies
    near the items (else the chart says where it is instead of stretching to it)."""
    entries = list(entries)
    points = trace(
        "scatter",
        x=[e.when.isoformat() for e in entries],
        y=[1 + 1.6 * (i % 3) for i in range(len(entries))],
        mode="markers+text",
        marker={"size": 14, "color": PALETTE[0], "symbol": "diamond"},
        text=[f"<b>{e.label}</b><br>{what_changes(e.text)}" for e in entries],
        textposition="top center",
        customdata=[[month_label(e.when), e.text] for e in entries],
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        name="Aviserad förändring",
        cliponaxis=False,
    )
    layout = lean_layout("Aviserade förändringar", x_title="Månad", y_title=None)
    layout["yaxis"] = {"visible": False, "range": [0, 6.4]}
    layout["showlegend"] = False
    layout["height"] = 460
    if entries:
        first, last = min(e.when for e in entries), max(e.when for e in entries)
        start, end = add_months(first, -2), add_months(last, 3)
        near = (
            add_months(first, -TODAY_REACH_MONTHS) <= today <= add_months(last, TODAY_REACH_MONTHS)
        )
        if near:
            start, end = min(start, today), max(end, add_months(today, 1))
        layout["xaxis"] = {**layout["xaxis"], "range": [start.isoformat(), end.isoformat()]}
    else:
        near = True
    if near:
        layout["shapes"] = [
            {
                "type": "line",
                "x0": today.isoformat(),
                "x1": today.isoformat(),
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": PALETTE[5], "width": 2, "dash": "dash"},
            }
        ]
        today_note = {"x": today.isoformat(), "xref": "x", "text": f"I dag {today:%Y-%m-%d}"}
    else:
        side = "efter" if today > last else "före"
        today_note = {
            "x": 1 if today > last else 0,
            "xref": "paper",
            "xanchor": "right" if today > last else "left",
            "text": f"I dag ({today:%Y-%m-%d}) ligger långt {side} tidslinjen",
        }
    layout["annotations"] = [
        {
            **today_note,
            "y": 1,
            "yref": "paper",
            "showarrow": False,
            "yanchor": "bottom",
            "font": {"color": PALETTE[5]},
        }
    ]
    update_axes(layout, "x", type="date", tickformat="%Y-%m")
    return figure(layout, [points])

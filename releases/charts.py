"""The timeline of announced changes: data in, Plotly figure out."""

import plotly.graph_objects as go

from webcert_forum.core.charts import PALETTE, lean_layout
from webcert_forum.core.months import month_label


def timeline_figure(entries, today):
    """entries: TimelineEntry rows; today: a date, marked with a vertical line."""
    figure = go.Figure(
        go.Scatter(
            x=[e.when.isoformat() for e in entries],
            y=[1 + (i % 3) for i in range(len(entries))],
            mode="markers+text",
            marker={"size": 14, "color": PALETTE[0], "symbol": "diamond"},
            text=[e.label for e in entries],
            textposition="top center",
            customdata=[[month_label(e.when), e.text] for e in entries],
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
            name="Aviserad förändring",
        )
    )
    layout = lean_layout("Aviserade förändringar", x_title="Månad", y_title=None)
    layout["yaxis"] = {"visible": False, "range": [0, 4.2]}
    layout["showlegend"] = False
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
    layout["annotations"] = [
        {
            "x": today.isoformat(),
            "y": 1,
            "yref": "paper",
            "text": f"I dag {today:%Y-%m-%d}",
            "showarrow": False,
            "yanchor": "bottom",
            "font": {"color": PALETTE[5]},
        }
    ]
    figure.update_layout(layout)
    figure.update_xaxes(type="date", tickformat="%Y-%m")
    return figure

"""Charts of the regions app: data in, Plotly figure out."""

import plotly.graph_objects as go

from webcert_forum.charts import PALETTE, lean_layout


def cumulative_connections_figure(rows):
    """rows: regions.queries.cumulative_connections(); preliminary dates drawn apart."""
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=[r[0].isoformat() for r in rows],
            y=[r[4] for r in rows],
            mode="lines",
            line={"shape": "hv", "color": PALETTE[0]},
            name="Anslutna organisationer",
            hoverinfo="skip",
        )
    )
    for preliminary, colour, symbol, name in (
        (False, PALETTE[0], "circle", "Anslutningsdatum"),
        (True, PALETTE[1], "circle-open", "Preliminärt datum"),
    ):
        points = [r for r in rows if r[2] is preliminary]
        figure.add_trace(
            go.Scatter(
                x=[r[0].isoformat() for r in points],
                y=[r[4] for r in points],
                mode="markers",
                marker={"color": colour, "symbol": symbol, "size": 9},
                name=name,
                customdata=[[r[1], r[3]] for r in points],
                hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{y} anslutna<extra></extra>",
            )
        )
    figure.update_layout(
        lean_layout(
            "Anslutna organisationer till dödsbevis/dödsorsaksintyg (DB/DOI), kumulativt",
            x_title="Anslutningsdatum",
            y_title="Antal anslutna organisationer",
        )
    )
    figure.update_xaxes(type="date", tickformat="%Y-%m")
    return figure

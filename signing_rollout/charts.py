"""Charts of the roll-out: data in, Plotly figure out."""

import plotly.graph_objects as go

from webcert_forum.core.charts import PALETTE, lean_layout

from .models import ProductionStatus

STATUS_COLOURS = {
    ProductionStatus.Status.DONE: PALETTE[2],
    ProductionStatus.Status.PLANNED: PALETTE[1],
    ProductionStatus.Status.NOT_REPORTED: PALETTE[8],
}


def progress_figure(counts):
    """counts: {status: n} of the current statuses."""
    labels = [ProductionStatus.Status(s).label for s in counts]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=list(counts.values()),
            marker_color=[STATUS_COLOURS[s] for s in counts],
            hovertemplate="%{x}: %{y} organisationer<extra></extra>",
        )
    )
    figure.update_layout(
        lean_layout(
            "Ny underskriftslösning: organisationer per status",
            x_title="Status",
            y_title="Antal organisationer",
        )
    )
    return figure


def status_over_meetings_figure(rows):
    """rows: [(meeting date, status, n)] from the minutes, one line per status."""
    figure = go.Figure()
    dates = sorted({d for d, _, _ in rows})
    counts = {(d, s): n for d, s, n in rows}
    for status in ProductionStatus.Status:
        figure.add_trace(
            go.Scatter(
                x=[d.isoformat() for d in dates],
                y=[counts.get((d, status.value), 0) for d in dates],
                name=status.label,
                mode="lines+markers",
                line={"color": STATUS_COLOURS[status.value]},
                hovertemplate=f"{status.label} %{{x}}: %{{y}} organisationer<extra></extra>",
            )
        )
    figure.update_layout(
        lean_layout(
            "Produktionsstatus enligt protokollen, per möte",
            x_title="Mötesdatum",
            y_title="Antal organisationer",
        )
    )
    figure.update_xaxes(type="category")
    return figure

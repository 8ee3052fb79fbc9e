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
    """rows: [(meeting date, status, n)] from the minutes: per meeting, one bar per status
    side by side, each labelled with its number. Lines were drawn on top of each other where
    two statuses had the same count, and one of them disappeared."""
    figure = go.Figure()
    dates = sorted({d for d, _, _ in rows})
    counts = {(d, s): n for d, s, n in rows}
    for status in ProductionStatus.Status:
        figure.add_trace(
            go.Bar(
                x=[d.isoformat() for d in dates],
                y=[counts.get((d, status.value), 0) for d in dates],
                name=status.label,
                marker_color=STATUS_COLOURS[status.value],
                text=[counts.get((d, status.value), 0) for d in dates],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{status.label} %{{x}}: %{{y}} organisationer<extra></extra>",
            )
        )
    figure.update_layout(
        lean_layout(
            "Produktionsstatus enligt protokollen, per möte",
            x_title="Mötesdatum",
            y_title="Antal organisationer",
            barmode="group",
        )
    )
    figure.update_xaxes(type="category")
    return figure

"""Charts of the roll-out: data in, Plotly figure (plain JSON, core.charts) out."""

from webcert_forum.core.charts import PALETTE, figure, lean_layout, trace, update_axes

from .models import ProductionStatus

STATUS_COLOURS = {
    ProductionStatus.Status.DONE: PALETTE[2],
    ProductionStatus.Status.PLANNED: PALETTE[1],
    ProductionStatus.Status.NOT_REPORTED: PALETTE[8],
}


def progress_figure(counts):
    """counts: {status: n} of the current statuses."""
    labels = [ProductionStatus.Status(s).label for s in counts]
    bar = trace(
        "bar",
        x=labels,
        y=list(counts.values()),
        marker={"color": [STATUS_COLOURS[s] for s in counts]},
        hovertemplate="%{x}: %{y} organisationer<extra></extra>",
    )
    layout = lean_layout(
        "Ny underskriftslösning: organisationer per status",
        x_title="Status",
        y_title="Antal organisationer",
    )
    return figure(layout, [bar])


def status_over_meetings_figure(rows):
    """rows: [(meeting date, status, n)] from the minutes: per meeting, one bar per status
    side by side, each labelled with its number. Lines were drawn on top of each other where
    two statuses had the same count, and one of them disappeared."""
    dates = sorted({d for d, _, _ in rows})
    counts = {(d, s): n for d, s, n in rows}
    bars = []
    for status in ProductionStatus.Status:
        values = [counts.get((d, status.value), 0) for d in dates]
        bars.append(
            trace(
                "bar",
                x=[d.isoformat() for d in dates],
                y=values,
                name=status.label,
                marker={"color": STATUS_COLOURS[status.value]},
                # Bar labels are text: plotly.js reads "4", as plotly.py wrote it.
                text=[str(n) for n in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{status.label} %{{x}}: %{{y}} organisationer<extra></extra>",
            )
        )
    layout = lean_layout(
        "Produktionsstatus enligt protokollen, per möte",
        x_title="Mötesdatum",
        y_title="Antal organisationer",
        barmode="group",
    )
    update_axes(layout, "x", type="category")
    return figure(layout, bars)

"""The attendance heatmap: data in, Plotly figure out."""

import plotly.graph_objects as go

from webcert_forum.core.charts import PALETTE, lean_layout


def attendance_heatmap(matrix):
    """matrix: the dict of queries.attendance_matrix."""
    dates = [m.date.isoformat() for m in matrix["meetings"]]
    names = [row["organisation"].name for row in matrix["rows"]]
    z, text = [], []
    for row in matrix["rows"]:
        z.append([None if cell is None else int(cell) for cell in row["cells"]])
        text.append(
            [
                "ej med i protokollet"
                if cell is None
                else ("närvarande" if cell else "frånvarande")
                for cell in row["cells"]
            ]
        )
    figure = go.Figure(
        go.Heatmap(
            x=dates,
            y=names,
            z=z,
            text=text,
            zmin=0,
            zmax=1,
            # Two colours of the colour-blind-safe palette: absent orange, present blue.
            colorscale=[[0, PALETTE[1]], [0.5, PALETTE[1]], [0.5, PALETTE[0]], [1, PALETTE[0]]],
            colorbar={"tickvals": [0.25, 0.75], "ticktext": ["Frånvarande", "Närvarande"]},
            xgap=2,
            ygap=2,
            hovertemplate="%{y}, %{x}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        lean_layout(
            "Närvaro per organisation och möte",
            x_title="Mötesdatum",
            y_title="Organisation",
            height=max(320, 22 * len(names) + 160),
        )
    )
    figure.update_xaxes(type="category")
    figure.update_yaxes(autorange="reversed", separatethousands=False)
    return figure

"""The attendance heatmap: data in, Plotly figure (plain JSON, core.charts) out."""

from webcert_forum.core.charts import PALETTE, figure, lean_layout, trace, update_axes


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
    heatmap = trace(
        "heatmap",
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
    layout = lean_layout(
        "Närvaro per organisation och möte",
        x_title="Mötesdatum",
        y_title="Organisation",
        height=max(320, 22 * len(names) + 160),
    )
    update_axes(layout, "x", type="category")
    update_axes(layout, "y", autorange="reversed", separatethousands=False)
    return figure(layout, [heatmap])

"""Charts of the regions app: data in, Plotly figure (plain JSON, core.charts) out."""

from webcert_forum.core.charts import PALETTE, figure, lean_layout, trace, update_axes
from webcert_forum.core.months import add_months, month_label

TIMELINE_MONTHS = 6


def timeline_range(today, months=TIMELINE_MONTHS):
    """From the first of this month to the first of the month `months` later."""
    first = today.replace(day=1)
    return first, add_months(first, months)


def service_window_timeline(windows, today, months=TIMELINE_MONTHS):
    """One row per organisation, one bar per window, over the coming months."""
    first, last = timeline_range(today, months)
    rows = {}
    for window in windows:
        rows.setdefault(window.organisation.name, []).append(window)
    bars = []
    for index, (name, own) in enumerate(sorted(rows.items())):
        bounds = [w.span for w in own]
        bars.append(
            trace(
                "bar",
                name=name,
                orientation="h",
                y=[name] * len(own),
                base=[start.isoformat() for start, _ in bounds],
                # Bar lengths on a date axis are milliseconds.
                x=[(end - start).total_seconds() * 1000 for start, end in bounds],
                marker={"color": PALETTE[index % len(PALETTE)]},
                customdata=[
                    [w.start_date.isoformat(), w.end_date.isoformat(), w.note or "–"] for w in own
                ],
                hovertemplate=(
                    "<b>%{y}</b><br>Från %{customdata[0]} till %{customdata[1]}"
                    "<br>%{customdata[2]}<extra></extra>"
                ),
                showlegend=False,
            )
        )
    ticks = [add_months(first, n) for n in range(months + 1)]
    layout = lean_layout(
        f"Servicefönster de kommande {months} månaderna",
        x_title="Datum (månad)",
        y_title="Organisation",
        height=max(260, 120 + 34 * len(rows)),
        barmode="overlay",
    )
    layout["xaxis"].update(
        {
            "type": "date",
            "range": [first.isoformat(), last.isoformat()],
            "tickvals": [t.isoformat() for t in ticks],
            "ticktext": [month_label(t) for t in ticks],
            "showgrid": True,
        }
    )
    layout["yaxis"].update({"autorange": "reversed", "type": "category"})
    layout["yaxis"].pop("separatethousands", None)
    layout["margin"] = {"l": 200, "r": 20, "t": 60, "b": 70}
    return figure(layout, bars)


def cumulative_connections_figure(rows):
    """rows: regions.queries.cumulative_connections(); preliminary dates drawn apart."""
    traces = [
        trace(
            "scatter",
            x=[r[0].isoformat() for r in rows],
            y=[r[4] for r in rows],
            mode="lines",
            line={"shape": "hv", "color": PALETTE[0]},
            name="Anslutna organisationer",
            hoverinfo="skip",
        )
    ]
    for preliminary, colour, symbol, name in (
        (False, PALETTE[0], "circle", "Anslutningsdatum"),
        (True, PALETTE[1], "circle-open", "Preliminärt datum"),
    ):
        points = [r for r in rows if r[2] is preliminary]
        traces.append(
            trace(
                "scatter",
                x=[r[0].isoformat() for r in points],
                y=[r[4] for r in points],
                mode="markers",
                marker={"color": colour, "symbol": symbol, "size": 9},
                name=name,
                customdata=[[r[1], r[3]] for r in points],
                hovertemplate="%{customdata[0]}: %{customdata[1]}<br>%{y} anslutna<extra></extra>",
            )
        )
    layout = lean_layout(
        "Anslutna organisationer till dödsbevis/dödsorsaksintyg (DB/DOI), kumulativt",
        x_title="Anslutningsdatum",
        y_title="Antal anslutna organisationer",
    )
    update_axes(layout, "x", type="date", tickformat="%Y-%m")
    return figure(layout, traces)

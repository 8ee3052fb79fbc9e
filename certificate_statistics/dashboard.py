"""Everything the dashboard shows for one selection, built once and cached: the queries
(a fixed number, whatever the history), the pivots (frames.py), and, apart, the figures.

The figures are built for their own request (the charts page, which the dashboard loads after
it is shown): they are half the dashboard's work, and no chart can be drawn before plotly.js
has loaded anyway."""

from webcert_forum.core.months import month_label

from . import charts, frames, queries, trends
from .cache import cached
from .comparison import compared_month
from .selection import ALL, STANDALONE


def period_label(selection):
    if selection.month_from == selection.month_to:
        return month_label(selection.month_to)
    return f"{month_label(selection.month_from)} – {month_label(selection.month_to)}"


def dashboard_data(selection):
    return cached(f"dashboard|{selection.cache_key()}", lambda: build_dashboard(selection))


def _types_with_columns(selection):
    """The selected types, each with the name of its column in the minutes' table."""
    types = queries.selected_types(selection)
    for t in types:
        t["column"] = frames.type_column(t["code"])
    return types


def build_dashboard(selection):
    types = _types_with_columns(selection)
    show_printed = not selection.narrows_types
    organisations = queries.organisation_labels()
    cell_rows = queries.cells_by_organisation_and_type(selection)
    printed = queries.printed_totals_by_organisation(selection) if show_printed else []
    minutes = frames.minutes_table(
        cell_rows, printed, types, organisations, selection.channel, show_printed
    )
    comparison = compared_month(selection.month_to)
    period = period_label(selection)
    change, year_over_year, movers = trends.change_over_time(
        selection,
        comparison,
        organisations,
        {t["id"]: (t["position"], t["code"]) for t in types},
        # A one-month period's cells are its last month's: read once.
        last_month=cell_rows if selection.month_from == selection.month_to else None,
    )
    data = {
        "period": period,
        "channel_label": selection.channel_label,
        "types": types,
        "show_printed": show_printed,
        "minutes": minutes,
        "change": change,
        "current_label": comparison.current_label,
        "previous_label": comparison.previous_label,
        "missing_months": comparison.missing_label,
        "year_over_year": year_over_year,
        "movers": movers,
    }
    return data


def chart_data(selection):
    return cached(f"charts|{selection.cache_key()}", lambda: build_charts(selection))


def build_charts(selection):
    """The dashboard's figures, each with the data it is drawn from as a table; none when no
    statistics match the selection. Read on their own (the minutes' cells, the types, the
    series), not from dashboard_data: the changes over time and printed totals that it
    also reads are none of theirs."""
    types = _types_with_columns(selection)
    organisations = queries.organisation_labels()
    # Both channels, whatever the selection's: the standalone share compares them.
    cell_rows = queries.cells_by_organisation_and_type(selection, channels=(ALL, STANDALONE))
    minutes = frames.minutes_table(
        cell_rows, [], types, organisations, selection.channel, show_printed=False
    )
    if not minutes["rows"]:
        return []
    cells = frames.frame(cell_rows, ["organisation", "type"])
    return _charts(selection, types, minutes, cells, organisations, period_label(selection))


def _charts(selection, types, minutes, cells, organisations, period):
    channel = selection.channel_label
    type_codes = [t["code"] for t in types]
    shown = [{"code": t["code"], "column": t["column"]} for t in types]
    built = [
        _chart(
            "fig-slide",
            charts.organisations_by_type_figure(minutes, types, period, channel),
            "Staplat stapeldiagram: utfärdade intyg per organisation, uppdelat på intygstyp.",
            _minutes_as_table(minutes, shown, "Utfärdade intyg per organisation och intygstyp"),
        ),
    ]
    start = selection.series_start
    type_series = frames.monthly_series(
        queries.type_totals_by_month(selection, start),
        selection.channel,
        names={t["id"]: t["code"] for t in types},
    )
    colours = charts.type_colours(types)
    series_period = charts.series_period(type_series)
    built.append(
        _chart(
            "fig-type-series",
            charts.type_small_multiples_figure(
                type_series,
                f"Utfärdade intyg per månad och intygstyp, {series_period} ({channel})",
                colours,
            ),
            "Små linjediagram, ett per intygstyp med egen skala: utfärdade intyg per månad.",
            _series_as_table(type_series, "Utfärdade intyg per månad och intygstyp"),
        )
    )
    shares = charts.share_series(type_series)
    built.append(
        _chart(
            "fig-type-shares",
            charts.type_shares_figure(
                shares,
                f"Intygstypernas andel per månad, {series_period} ({channel})",
                colours,
            ),
            "Staplat stapeldiagram, 100 %: varje intygstyps andel av månadens intyg.",
            _series_as_table(shares, "Intygstypernas andel per månad (%)"),
        )
    )
    if selection.organisations:
        organisation_series = frames.monthly_series(
            queries.organisation_totals_by_month(selection, start), selection.channel
        )
        built.append(
            _chart(
                "fig-organisation-series",
                charts.monthly_series_figure(
                    organisation_series,
                    "Utfärdade intyg per månad och organisation, "
                    f"{charts.series_period(organisation_series)} ({channel})",
                ),
                "Linjediagram: utfärdade intyg per månad, en linje per vald organisation.",
                _series_as_table(organisation_series, "Utfärdade intyg per månad och organisation"),
            )
        )
    standalone = frames.standalone_shares(cells, organisations)
    built.append(
        _chart(
            "fig-standalone-share",
            charts.standalone_share_figure(standalone, period),
            "Stapeldiagram: andel av varje organisations intyg som utfärdats i Webcert Fristående.",
            {
                "caption": "Andel intyg via Webcert Fristående",
                "columns": ["Organisation", "Webcert Fristående", "Alla kanaler", "Andel (%)"],
                "rows": [
                    [s["organisation"], s["standalone"], s["all"], s["share"]] for s in standalone
                ],
            },
        )
    )
    built.append(
        _chart(
            "fig-type-mix",
            charts.type_mix_figure(minutes, types, period, channel),
            "Staplat stapeldiagram, 100 %: intygstypernas andel av varje organisations intyg.",
            {
                "caption": "Intygstypernas andel per organisation (%)",
                "columns": ["Organisation", *type_codes],
                "rows": [
                    [
                        r["organisation"],
                        *[
                            round(100 * r[t["column"]] / r["total"], 1)
                            if r[t["column"]] is not None and r["total"]
                            else None
                            for t in shown
                        ],
                    ]
                    for r in minutes["rows"]
                ],
            },
        )
    )
    return built


def _chart(chart_id, figure, label, table):
    return {"id": chart_id, "figure": figure, "label": label, "table": table}


def _minutes_as_table(minutes, types, caption):
    return {
        "caption": caption,
        "columns": ["Organisation", *[t["code"] for t in types], "Totalt"],
        "rows": [
            [r["organisation"], *[r[t["column"]] for t in types], r["total"]]
            for r in minutes["rows"]
        ],
    }


def _series_as_table(series, caption):
    """One row per month with data: the chart's gaps are no rows."""
    rows = []
    for i, month in enumerate(series["months"]):
        values = [s["values"][i] for s in series["series"]]
        if any(v is not None for v in values):
            rows.append([month_label(month), *values])
    return {
        "caption": caption,
        "columns": ["Månad", *[s["name"] for s in series["series"]]],
        "rows": rows,
    }

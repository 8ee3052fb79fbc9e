"""The statistics section of an organisation's page (/regions/<key>/).

regions/ may not import this app, so the page's owner wires it in:
    context["statistics_section"] = organisation_statistics(organisation)
    {% include "certificate_statistics/_organisation_section.html" %}
and, for the chart, {% include "_chart_scripts.html" %} in the page's scripts block when
statistics_section.has_data."""

import plotly.graph_objects as go
from django.urls import reverse

from webcert_forum.core.charts import PALETTE, figure_payload, lean_layout
from webcert_forum.core.months import add_months, month_label

from . import queries
from .cache import cached

# The section summarises; the dashboard it links to holds the whole history.
SECTION_MONTHS = 36


def organisation_statistics(organisation):
    """Three queries, whatever the length of the history; cached until the data change."""
    return cached(
        f"organisation|{organisation.pk}", lambda: _build(organisation.pk, organisation.key)
    )


def _share(part, whole):
    return round(100 * part / whole, 1) if part is not None and whole else None


def _build(organisation_pk, key):
    latest = queries.latest_month()
    if latest is None:
        return {"has_data": False, "key": key}
    months = [
        m
        for m in queries.organisation_beside_country_by_month(
            organisation_pk, start=add_months(latest, 1 - SECTION_MONTHS)
        )
        if m["national_all"]
    ]
    mine = [m for m in months if m["organisation_all"] is not None]
    if not mine:
        return {"has_data": False, "key": key}
    latest = months[-1]["month"]
    latest_row = months[-1]
    by_type = [
        {
            "code": row["certificate_type__code"],
            "name": row["certificate_type__name_sv"],
            "organisation": row["organisation"],
            "national": row["national"],
            "share": _share(row["organisation"], row["national"]),
        }
        for row in queries.organisation_beside_country_by_type(organisation_pk, latest)
    ]
    series = [
        {
            "month": m["month"],
            "label": month_label(m["month"]),
            "all": m["organisation_all"],
            "standalone": m["organisation_standalone"],
            "share": _share(m["organisation_all"], m["national_all"]),
        }
        for m in mine
    ]
    return {
        "has_data": True,
        "key": key,
        "latest_label": month_label(latest),
        "latest": {
            "organisation": latest_row["organisation_all"],
            "standalone": latest_row["organisation_standalone"],
            "national": latest_row["national_all"],
            "share": _share(latest_row["organisation_all"], latest_row["national_all"]),
        },
        "by_type": by_type,
        "series": series,
        "figure": _series_figure(series),
        "data_table": {
            "caption": "Organisationens utfärdade intyg per månad",
            "columns": ["Månad", "Alla kanaler", "Webcert Fristående", "Andel av riket (%)"],
            "rows": [[s["label"], s["all"], s["standalone"], s["share"]] for s in series],
        },
        "dashboard_url": (
            f"{reverse('statistics:dashboard')}?organisation={key}"
            f"&month_from={series[0]['month']:%Y-%m}&month_to={latest:%Y-%m}"
        ),
    }


def _series_figure(series):
    labels = [s["label"] for s in series]
    figure = go.Figure(
        layout=lean_layout(
            "Utfärdade intyg per månad", x_title="Månad", y_title="Antal intyg per månad"
        )
    )
    figure.add_scatter(
        name="Alla kanaler",
        x=labels,
        y=[s["all"] for s in series],
        customdata=[s["share"] for s in series],
        line_color=PALETTE[0],
        hovertemplate="%{x}<br>Alla kanaler: %{y:,} intyg (%{customdata:.1f} % av riket)"
        "<extra></extra>",
    )
    figure.add_scatter(
        name="Webcert Fristående",
        x=labels,
        y=[s["standalone"] for s in series],
        line_color=PALETTE[1],
        hovertemplate="%{x}<br>Webcert Fristående: %{y:,} intyg<extra></extra>",
    )
    figure.update_xaxes(type="category")
    return figure_payload(figure)

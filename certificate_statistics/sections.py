"""The statistics section of an organisation's page (/regions/<key>/).

regions/ may not import this app, so the page's owner wires it in:
    context["statistics_section"] = organisation_statistics(organisation)
    {{ statistics_section.html }}  (_organisation_section.html, rendered and cached here)
and, for the chart, {% include "_chart_scripts.html" %} in the page's scripts block when
statistics_section.has_data."""

from django.template.loader import render_to_string
from django.urls import reverse

from webcert_forum.core.charts import (
    PALETTE,
    figure,
    lean_layout,
    month_axis,
    month_value,
    trace,
    update_axes,
)
from webcert_forum.core.months import month_label

from . import queries
from .cache import cached
from .selection import month_range, months_before
from .tables import OrganisationByTypeTable

# The trend covers every imported month; the share of the country only the latest three
# years, so that the country-wide read stays bounded whatever the history.
SHARE_MONTHS = 36
SECTION_TEMPLATE = "certificate_statistics/_organisation_section.html"


def organisation_statistics(organisation):
    """Five queries, whatever the length of the history; the section's data and its HTML
    (`html`: it shows nothing of the user or the request) cached until the data change."""
    return cached(
        f"organisation|{organisation.pk}", lambda: _section(organisation.pk, organisation.key)
    )


def _section(organisation_pk, key):
    section = _build(organisation_pk, key)
    shown = section
    if section["has_data"]:
        caption = f"{section['latest_label'].capitalize()} per intygstyp, jämfört med riket"
        shown = {
            **section,
            "by_type_table": OrganisationByTypeTable(section["by_type"], caption=caption),
        }
    html = render_to_string(SECTION_TEMPLATE, {"statistics_section": shown})
    return {**section, "html": html}


def _share(part, whole):
    return round(100 * part / whole, 1) if part is not None and whole else None


def _build(organisation_pk, key):
    latest = queries.latest_month()
    if latest is None:
        return {"has_data": False, "key": key}
    mine = {m["month"]: m for m in queries.organisation_by_month(organisation_pk)}
    mine = {month: m for month, m in mine.items() if m["all"] is not None}
    if not mine:
        return {"has_data": False, "key": key}
    national = queries.national_by_month(months_before(latest, SHARE_MONTHS - 1))
    latest = max(national) if national else latest
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
    series = []
    first, last = min(mine), max(mine)
    for month in month_range(first, last):
        row = mine.get(month, {})
        series.append(
            {
                "month": month,
                "label": month_label(month),
                "all": row.get("all"),
                "standalone": row.get("standalone"),
                "share": _share(row.get("all"), national.get(month)),
            }
        )
    latest_own = mine.get(latest, {})
    after_last = months_before(last, -1)
    meetings = [d for d in queries.meeting_dates() if first <= d <= after_last]
    return {
        "has_data": True,
        "key": key,
        "latest_label": month_label(latest),
        "latest": {
            "organisation": latest_own.get("all"),
            "standalone": latest_own.get("standalone"),
            "national": national.get(latest),
            "share": _share(latest_own.get("all"), national.get(latest)),
        },
        "by_type": by_type,
        "series": [s for s in series if s["all"] is not None],
        "meetings": meetings,
        "figure": _series_figure(series, meetings),
        "data_table": {
            "caption": "Organisationens utfärdade intyg per månad",
            "columns": ["Månad", "Alla kanaler", "Webcert Fristående", "Andel av riket (%)"],
            "rows": [
                [s["label"], s["all"], s["standalone"], s["share"]]
                for s in series
                if s["all"] is not None
            ],
        },
        "dashboard_url": (
            f"{reverse('statistics:dashboard')}?organisation={key}"
            f"&month_from={first:%Y-%m}&month_to={latest:%Y-%m}"
        ),
    }


def _series_figure(series, meetings):
    """Every month on a date axis (a month without data is a gap), the forum's meetings as
    dotted lines with a marker each, so a change can be read against what was said when."""
    months = [month_value(s["month"]) for s in series]
    first, last = series[0]["label"], series[-1]["label"]
    lines = [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": f"{day:%Y-%m-%d}",
            "x1": f"{day:%Y-%m-%d}",
            "y0": 0,
            "y1": 1,
            "line": {"dash": "dot", "color": PALETTE[8], "width": 1},
        }
        for day in meetings
    ]
    layout = lean_layout(
        f"Utfärdade intyg per månad, {first} – {last}" if first != last else first,
        y_title="Antal intyg per månad",
        xaxis=month_axis(),
        shapes=lines,
    )
    mode = "lines+markers" if len(series) < 61 else "lines"
    traces = [
        trace(
            "scatter",
            name="Alla kanaler",
            x=months,
            y=[s["all"] for s in series],
            customdata=[s["share"] for s in series],
            mode=mode,
            connectgaps=False,
            line={"color": PALETTE[0]},
            hovertemplate="%{x|%B %Y}<br>Alla kanaler: %{y:,} intyg (%{customdata:.1f} % av riket)"
            "<extra></extra>",
        ),
        trace(
            "scatter",
            name="Webcert Fristående",
            x=months,
            y=[s["standalone"] for s in series],
            mode=mode,
            connectgaps=False,
            line={"color": PALETTE[1]},
            hovertemplate="%{x|%B %Y}<br>Webcert Fristående: %{y:,} intyg<extra></extra>",
        ),
    ]
    if meetings:
        traces.append(
            trace(
                "scatter",
                name="Forummöte",
                x=[f"{d:%Y-%m-%d}" for d in meetings],
                y=[0] * len(meetings),
                mode="markers",
                marker={"symbol": "triangle-up", "size": 11, "color": PALETTE[7]},
                hovertemplate="Forummöte %{x|%Y-%m-%d}<extra></extra>",
            )
        )
    update_axes(layout, "y", rangemode="tozero")
    return figure(layout, traces)

from urllib.parse import urlencode

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django_filters.views import FilterView
from django_tables2 import RequestConfig

from webcert_forum.core.filters import describe_filter
from webcert_forum.core.months import month_label
from webcert_forum.core.tables import SafeExportMixin

from .cache import cached
from .dashboard import chart_data, dashboard_data, period_label
from .filters import CertificateCountFilterSet
from .models import CertificateCount
from .queries import latest_month
from .tables import ChangeTable, MinutesTable, year_over_year_tables

EXPORTED_TABLES = {"minutes": "intygsstatistik", "change": "intygsstatistik-forandring"}


class CachedContentMixin:
    """Rendering the tables and the form costs far more than building them; the content
    depends only on the query string and the data (no user, no CSRF token in a GET form), so
    it is cached as HTML. The layout around it is rendered per request."""

    content_name = "page"

    def get(self, request, *args, **kwargs):
        trigger = getattr(self, "export_trigger_param", None)
        if trigger and trigger in request.GET:
            return super().get(request, *args, **kwargs)
        query = urlencode(sorted((k, sorted(v)) for k, v in request.GET.lists()), doseq=True)
        page = cached(
            f"{self.content_name}|{query}", lambda: self._content(request, *args, **kwargs)
        )
        return TemplateResponse(
            request,
            self.page_template_name,
            {"content": mark_safe(page["html"]), "has_data": page["has_data"]},
        )

    def _content(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.render()
        return {
            "html": response.content.decode(),
            "has_data": response.context_data["has_data"],
        }


class StatisticsFilterMixin:
    """Every logged-in role may read the statistics (LoginRequiredMiddleware asks the rest
    to log in); the pages only read, so no further check is needed."""

    model = CertificateCount
    filterset_class = CertificateCountFilterSet

    def get(self, request, *args, **kwargs):
        """FilterView.get without the filtered queryset of counts: the pages read the
        filter's selection (filters.CertificateCountFilterSet.selection), never that
        queryset, and building it compiled a query per empty choice field."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = self.model.objects.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["latest_month"] = cached("latest-month", latest_month)
        return kwargs

    def _query_without(self, *keys):
        query = self.request.GET.copy()
        for key in keys:
            query.pop(key, None)
        return query.urlencode()


class StatisticsDashboardView(
    CachedContentMixin, StatisticsFilterMixin, SafeExportMixin, FilterView
):
    template_name = "certificate_statistics/_dashboard_content.html"
    page_template_name = "certificate_statistics/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.selection = self.filterset.selection()
        self.data = dashboard_data(self.selection) if self.selection else None
        context.update(
            selection=self.selection,
            dashboard=self.data,
            has_data=bool(self.data and self.data["minutes"]["rows"]),
            filter_errors=self.filterset.is_bound and not self.filterset.is_valid(),
            export_query=self._export_query(),
        )
        if self.data:
            context["minutes_table"] = self.get_table(table="minutes")
            context["change_table"] = self.get_table(table="change")
            context["yoy_tables"] = year_over_year_tables(self.data["year_over_year"])
        return context

    def _export_query(self):
        return self._query_without(
            "_export", "table", "minutes-sort", "change-sort", "minutes-page"
        )

    def get_table_kwargs(self):
        return {"table": self.request.GET.get("table", "minutes")}

    def get_table(self, table="minutes"):
        if table not in EXPORTED_TABLES:
            raise Http404("Okänd tabell.")
        data = self.data or {
            "minutes": {"rows": [], "footer": {}},
            "change": [],
            "types": [],
            "show_printed": False,
            "previous_label": "",
            "current_label": "",
        }
        if table == "minutes":
            built = MinutesTable(
                data["minutes"]["rows"],
                types=data["types"],
                footer_values=data["minutes"]["footer"],
                show_printed=data["show_printed"],
                prefix="minutes-",
            )
        else:
            built = ChangeTable(
                data["change"],
                previous_label=data["previous_label"],
                current_label=data["current_label"],
                prefix="change-",
            )
        RequestConfig(self.request, paginate={"per_page": 50}).configure(built)
        return built

    def get_export_filename(self, export_format):
        name = EXPORTED_TABLES.get(self.request.GET.get("table", "minutes"), "intygsstatistik")
        if self.selection:
            name += f"-{self.selection.month_from:%Y-%m}-{self.selection.month_to:%Y-%m}"
        return f"{name}.{export_format}"

    def export_filter(self):
        """The selection as the page states it: the period in words, the defaults filled in."""
        rows = [
            (label, value)
            for label, value in describe_filter(self.filterset)
            if label not in ("Från månad", "Till månad")
        ]
        if self.data:
            rows.insert(0, ("Period", self.data["period"]))
            if self.request.GET.get("table") == "change":
                compared = f"{self.data['current_label']} mot {self.data['previous_label']}"
                if self.data["missing_months"]:
                    compared += f" (statistik saknas för {self.data['missing_months']})"
                rows.append(("Jämförelse", compared))
        return rows

    def get_dataset_kwargs(self):
        return {"title": "Intygsstatistik"}


class StatisticsChartsView(CachedContentMixin, StatisticsFilterMixin, FilterView):
    """The dashboard's charts for the same filter: loaded into the dashboard by
    static/js/charts.js once it is shown, and a page of its own without JavaScript (the
    charts' data tables) or as a link to share."""

    template_name = "certificate_statistics/_charts_content.html"
    page_template_name = "certificate_statistics/charts.html"
    content_name = "charts"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection = self.filterset.selection()
        charts = chart_data(selection) if selection else []
        context.update(
            selection=selection,
            period=period_label(selection) if selection else "",
            last_month=month_label(selection.month_to) if selection else "",
            charts=charts,
            has_data=bool(charts),
            filter_errors=self.filterset.is_bound and not self.filterset.is_valid(),
            dashboard_query=self._query_without("minutes-sort", "change-sort", "minutes-page"),
        )
        return context

from django.shortcuts import get_object_or_404, render
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin

from certificate_statistics.sections import organisation_statistics
from regions.charts import cumulative_connections_figure
from regions.models import Organisation
from regions.queries import (
    connection_history,
    cumulative_connections,
    latest_connection_dates,
    members_and_groups,
)
from regions.service_window_sections import organisation_windows
from regions.tables import ConnectionHistoryTable
from webcert_forum.core.tables import SafeExportMixin, TablePagesMixin
from webcert_forum.meetings.tables import OrganisationAttendanceTable

from .filters import OrganisationFilterSet
from .queries import (
    latest_certificate_month,
    organisation_attendance,
    organisation_signing,
    organisations_with_facts,
)
from .tables import ConnectionTable, OrganisationTable


class OrganisationListView(TablePagesMixin, SafeExportMixin, SingleTableMixin, FilterView):
    table_class = OrganisationTable
    filterset_class = OrganisationFilterSet
    template_name = "regions/organisation_list.html"
    paginate_by = 50
    export_name = "organisationer"

    def get_queryset(self):
        self.certificate_month = latest_certificate_month()
        return organisations_with_facts(self.certificate_month)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        connections = latest_connection_dates()
        cumulative = cumulative_connections(connections)
        context.update(
            certificate_month=self.certificate_month,
            connections=connections,
            connections_table=ConnectionTable(connections),
            cumulative=cumulative,
            connections_figure=cumulative_connections_figure(cumulative),
        )
        return context


# Rows a page of the organisation page's tables of meetings shows: one row per meeting.
HISTORY_PER_PAGE = 20


def _paged(request, table):
    """The table with its page (its own prefix in the query string); None without rows,
    where the page shows its section's empty text."""
    RequestConfig(request, paginate={"per_page": HISTORY_PER_PAGE}).configure(table)
    return table if table.paginator.count else None


def organisation_detail(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    members, groups = members_and_groups(organisation)
    return render(
        request,
        "regions/organisation_detail.html",
        {
            "organisation": organisation,
            "windows_section": organisation_windows(organisation, request.user),
            "statistics_section": organisation_statistics(organisation),
            "aliases": organisation.aliases.all(),
            "members": members,
            "groups": groups,
            "signing": organisation_signing(organisation),
            "attendance_table": _paged(
                request,
                OrganisationAttendanceTable(
                    organisation_attendance(organisation),
                    prefix="attendance-",
                    pages_anchor="attendance-heading",
                ),
            ),
            "connection_table": _paged(
                request,
                ConnectionHistoryTable(
                    connection_history(organisation),
                    prefix="connection-",
                    pages_anchor="connection-heading",
                ),
            ),
            "questions": organisation.questions.select_related("meeting", "answered_at"),
        },
    )

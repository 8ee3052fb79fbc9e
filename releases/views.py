from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from webcert_forum.core.tables import SafeExportMixin, TablePagesMixin

from .charts import timeline_figure
from .filters import ReleaseFilterSet
from .models import Release
from .queries import announcement_history, date_changes, latest_incidents, latest_timeline
from .tables import AnnouncementTable, IncidentTable, ReleaseTable, TimelineTable


class ReleaseListView(TablePagesMixin, SafeExportMixin, SingleTableMixin, FilterView):
    table_class = ReleaseTable
    filterset_class = ReleaseFilterSet
    template_name = "releases/release_list.html"
    paginate_by = 25
    export_name = "releaser"

    def get_queryset(self):
        return Release.objects.order_by("-date", "-version")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        timeline = latest_timeline()
        context.update(
            incidents_table=IncidentTable(latest_incidents()),
            timeline=timeline,
            timeline_table=TimelineTable(timeline),
            timeline_figure=timeline_figure(timeline, timezone.localdate()),
        )
        return context


def release_detail(request, version):
    release = get_object_or_404(Release, version=version)
    announcements = announcement_history(release)
    return render(
        request,
        "releases/release_detail.html",
        {
            "release": release,
            "announcements": announcements,
            "announcements_table": AnnouncementTable(announcements),
            "date_moved": any(a.date_moved_from for a in announcements),
            "date_changes": date_changes(release),
        },
    )

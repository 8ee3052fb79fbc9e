from django.shortcuts import get_object_or_404, render
from django_tables2 import SingleTableView

from .models import Release
from .tables import ReleaseTable


class ReleaseListView(SingleTableView):
    table_class = ReleaseTable
    template_name = "releases/release_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Release.objects.order_by("-date", "-version")


def release_detail(request, version):
    release = get_object_or_404(Release, version=version)
    return render(
        request,
        "releases/release_detail.html",
        {
            "release": release,
            "announcements": release.announcements.select_related("meeting").order_by(
                "meeting__date"
            ),
        },
    )

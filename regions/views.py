from django.shortcuts import get_object_or_404, render
from django_tables2 import SingleTableView

from .models import Organisation
from .tables import OrganisationTable


class OrganisationListView(SingleTableView):
    table_class = OrganisationTable
    template_name = "regions/organisation_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Organisation.objects.order_by("name")


def organisation_detail(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    return render(
        request,
        "regions/organisation_detail.html",
        {
            "organisation": organisation,
            "windows": organisation.service_windows.order_by("start_date"),
            "aliases": organisation.aliases.all(),
            "members": organisation.members.all(),
        },
    )

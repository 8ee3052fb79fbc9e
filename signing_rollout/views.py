from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from regions.models import Organisation
from webcert_forum.core.permissions import Access, editor_organisation
from webcert_forum.core.tables import SafeExportMixin, TablePagesMixin
from webcert_forum.core.urls import urls_of

from . import charts
from .filters import ProductionStatusFilterSet
from .forms import ProductionStatusReportForm
from .queries import (
    current_status_of,
    current_statuses,
    organisations_with_own_integration,
    organisations_without_vendor_group,
    status_counts,
    status_counts_by_meeting,
    vendor_groups_with_tests,
)
from .services import report_production_status
from .tables import ProductionStatusTable, VendorGroupTable


class ProductionStatusListView(TablePagesMixin, SafeExportMixin, SingleTableMixin, FilterView):
    """The roll-out page: vendor groups' joint tests, and every organisation's current status."""

    table_class = ProductionStatusTable
    filterset_class = ProductionStatusFilterSet
    template_name = "signing_rollout/dashboard.html"
    paginate_by = 50
    export_name = "produktionsstatus"

    def get_queryset(self):
        # The table shows each status's own fields and its organisation; not its meeting or
        # who reported it, which current_statuses() reads for the other pages.
        self.statuses = current_statuses().select_related(None).select_related("organisation")
        return self.statuses

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every organisation's current status, whatever the filter; built once for both.
        counts = status_counts(self.statuses)
        # Organisation.get_absolute_url, reversed once for the list instead of once a link.
        organisation_url = urls_of("regions:detail")
        over_meetings = status_counts_by_meeting()
        context.update(
            vendor_groups_table=VendorGroupTable(vendor_groups_with_tests()),
            without_vendor_group=[
                (organisation_url(o.key), o) for o in organisations_without_vendor_group()
            ],
            own_integration=[
                (organisation_url(o.key), o) for o in organisations_with_own_integration()
            ],
            counts=counts,
            progress_figure=charts.progress_figure(counts),
            over_meetings=over_meetings,
            over_meetings_figure=charts.status_over_meetings_figure(over_meetings),
            own_organisation=editor_organisation(self.request.user),
        )
        return context


def _reportable_organisation(user, key):
    """Staff report for any organisation, a region editor for their own only; anything else,
    including a forged key in the URL or the form, is refused."""
    organisation = get_object_or_404(Organisation, key=key)
    if not Access(user).may_change(organisation):
        raise PermissionDenied("Du kan bara rapportera för din egen organisation.")
    return organisation


def report_status(request, key):
    organisation = _reportable_organisation(request.user, key)
    current = current_status_of(organisation)
    if request.method == "POST":
        form = ProductionStatusReportForm(request.POST)
        if form.is_valid():
            status = report_production_status(
                organisation,
                request.user,
                status=form.cleaned_data["status"],
                date=form.cleaned_data["date"],
                preliminary=form.cleaned_data["preliminary"],
            )
            messages.success(
                request, f"Produktionsstatus för {organisation} är sparad: {status.display_text}."
            )
            return redirect(organisation.get_absolute_url())
    else:
        initial = {}
        if current is not None and current.status != "not_reported":
            initial = {
                "status": current.status,
                "date": current.date,
                "preliminary": current.preliminary,
            }
        form = ProductionStatusReportForm(initial=initial)
    return render(
        request,
        "signing_rollout/report_form.html",
        {"organisation": organisation, "form": form, "current": current},
    )

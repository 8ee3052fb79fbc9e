"""Pages of the service windows: the list, the region editors' forms, the history, and the
calendar subscription."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_http_methods
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from webcert_forum.core.tables import SafeExportMixin, TablePagesMixin

from . import services
from .charts import service_window_timeline, timeline_range
from .feeds import subscription_urls
from .filters import ServiceWindowFilterSet
from .forms import ServiceWindowForm
from .history import window_history
from .models import ServiceWindow, UserProfile
from .roles import window_role
from .tables import ServiceWindowTable, WindowHistoryTable, WindowTimelineTable

TABS = {"upcoming": "Kommande", "past": "Tidigare"}


class ServiceWindowListView(TablePagesMixin, SafeExportMixin, SingleTableMixin, FilterView):
    table_class = ServiceWindowTable
    filterset_class = ServiceWindowFilterSet
    template_name = "regions/service_window_list.html"
    paginate_by = 25
    export_name = "servicefonster"

    @cached_property
    def role(self):
        return window_role(self.request.user)

    @property
    def tab(self):
        return "past" if self.request.GET.get("tab") == "past" else "upcoming"

    def get_queryset(self):
        today = timezone.localdate()
        windows = ServiceWindow.objects.select_related("organisation", "changed_by")
        return windows.past(today) if self.tab == "past" else windows.upcoming(today)

    def get_table_kwargs(self):
        empty = (
            "Inga tidigare servicefönster."
            if self.tab == "past"
            else ("Inga kommande servicefönster.")
        )
        today = timezone.localdate()
        kwargs = {
            "may_edit": self.role.may_edit,
            "may_delete": lambda window: self.role.may_delete(window, today),
            "empty_text": empty,
        }
        if self.tab == "past":
            kwargs["order_by"] = ("-start_date",)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        first, last = timeline_range(today)
        # The timeline follows the filters, like the table below it.
        coming = [w for w in self.object_list.filter(start_date__lt=last) if w.end_date >= first]
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("sort", None)
        tabs = []
        for key, label in TABS.items():
            query["tab"] = key
            tabs.append({"key": key, "label": label, "query": query.urlencode()})
        context.update(
            {
                "tab": self.tab,
                "tabs": tabs,
                "filter_label": "Filtrera servicefönster",
                "filter_kept": [("tab", self.tab)],
                "filter_clear": f"tab={self.tab}",
                "may_manage": self.role.may_manage,
                "timeline": service_window_timeline(coming, today),
                "timeline_windows": coming,
                "timeline_table": WindowTimelineTable(coming),
            }
        )
        return context


def _posted_organisation_is_forged(request, role):
    """A region editor's form has no organisation to choose: a posted other one is forged."""
    posted = request.POST.get("organisation")
    fixed = role.fixed_organisation
    return fixed is not None and posted not in (None, "", str(fixed.pk))


@require_http_methods(["GET", "POST"])
def service_window_create(request):
    role = window_role(request.user)
    if not role.may_manage:
        raise PermissionDenied("Du får inte lägga in servicefönster.")
    if request.method == "POST" and _posted_organisation_is_forged(request, role):
        raise PermissionDenied("Du får bara lägga in servicefönster för din organisation.")
    form = ServiceWindowForm(
        request.POST or None,
        editor_organisation=role.fixed_organisation,
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        window = services.create_service_window(form.window_values(), request.user)
        messages.success(
            request, f"Servicefönstret {window.organisation}: {window.when} är sparat."
        )
        return redirect("service_windows:list")
    return render(
        request,
        "regions/service_window_form.html",
        {"form": form, "title": "Nytt servicefönster", "window": None},
    )


@require_http_methods(["GET", "POST"])
def service_window_edit(request, pk):
    role = window_role(request.user)
    window = role.editable_window(pk)
    if request.method == "POST" and _posted_organisation_is_forged(request, role):
        raise PermissionDenied("Du får bara ändra servicefönster för din organisation.")
    form = ServiceWindowForm(
        request.POST or None,
        instance=window,
        editor_organisation=role.fixed_organisation,
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            window = services.update_service_window(
                window, form.window_values(), request.user, form.cleaned_data["version"]
            )
        except services.EditConflict as conflict:
            current = conflict.current
            form.show_conflict(current, current.changed_by or "Importen av ett protokoll")
        else:
            messages.success(
                request, f"Servicefönstret {window.organisation}: {window.when} är ändrat."
            )
            return redirect("service_windows:list")
    return render(
        request,
        "regions/service_window_form.html",
        {"form": form, "title": "Ändra servicefönster", "window": window},
    )


@require_http_methods(["GET", "POST"])
def service_window_delete(request, pk):
    role = window_role(request.user)
    window = role.editable_window(pk)
    if not role.may_delete(window, timezone.localdate()):
        raise PermissionDenied("Tidigare servicefönster kan bara tas bort av Inera.")
    if request.method == "POST":
        text = str(window)
        services.delete_service_window(window, request.user)
        messages.success(request, f"Servicefönstret {text} är borttaget.")
        return redirect("service_windows:list")
    return render(request, "regions/service_window_confirm_delete.html", {"window": window})


def service_window_history(request, pk):
    history = window_history(pk)
    if history is None:
        raise Http404("Servicefönstret finns inte.")
    current = ServiceWindow.objects.filter(pk=pk).select_related("organisation").first()
    return render(
        request,
        "regions/service_window_history.html",
        {
            "history": history,
            "history_table": WindowHistoryTable(history),
            "window": current,
            "may_edit": current is not None and window_role(request.user).may_edit(current),
        },
    )


@require_http_methods(["GET", "POST"])
def calendar_subscription(request):
    """The user's own secret feed addresses, which calendar clients use instead of a login.
    Shown once, in the answer to making them: only the token's hash is kept."""
    profile, _ = UserProfile.objects.get_or_create(user=request.user)
    urls = []
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "renew":
            first = not profile.calendar_token_hash
            token = profile.new_calendar_token()
            urls = subscription_urls(request, token, window_role(request.user).organisation)
            messages.success(
                request,
                "En kalendernyckel är skapad. Lägg in adresserna nedan i ditt kalenderprogram."
                if first
                else "En ny kalendernyckel är skapad. Adresser med den gamla nyckeln slutar fungera.",
            )
        elif action == "revoke":
            profile.revoke_calendar_token()
            messages.success(request, "Kalendernyckeln är återkallad.")
            return redirect("service_windows:calendar")
        else:
            messages.error(request, "Okänd åtgärd.")
            return redirect("service_windows:calendar")
    return render(
        request,
        "regions/service_window_calendar.html",
        {
            "has_token": bool(profile.calendar_token_hash),
            "urls": urls,
            "list_url": reverse("service_windows:list"),
        },
    )

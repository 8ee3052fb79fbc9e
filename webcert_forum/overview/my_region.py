"""Min region: a region editor's start page, everything their organisation owns with what
needs doing before the next meeting first. Staff get the same page for any organisation."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from certificate_statistics.sections import organisation_statistics
from regions.models import Organisation
from webcert_forum.core.permissions import Access
from webcert_forum.meetings import preparation
from webcert_forum.meetings.tables import WindowConfirmationTable

from .organisations.queries import organisation_signing


def start(request):
    """Where a login lands: a region editor on Min region, everyone else on the overview."""
    if Access(request.user).organisation is not None:
        return redirect("my-region")
    return redirect("overview")


def my_region(request):
    access = Access(request.user)
    if access.organisation is not None:
        return my_region_of(request, access.organisation.key)
    if access.staff:
        organisations = preparation.expected_organisations().order_by("name")
        return render(
            request, "webcert_forum/my_region_choose.html", {"organisations": organisations}
        )
    return redirect("overview")


def _last_change(statistics):
    series = statistics.get("series") or []
    if len(series) < 2 or series[-1]["all"] is None or series[-2]["all"] is None:
        return None
    latest, previous = series[-1], series[-2]
    change = latest["all"] - previous["all"]
    percent = round(100 * change / previous["all"], 1) if previous["all"] else None
    return {"latest": latest, "previous": previous, "change": change, "percent": percent}


def my_region_of(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    access = Access(request.user)
    if not access.may_change(organisation):
        raise PermissionDenied("Min region visar bara din egen organisation.")
    plan = preparation.current_plan()
    if plan is not None and plan.date < timezone.localdate():
        plan = None  # it has been held: nothing to prepare until the next is planned
    statistics = organisation_statistics(organisation)
    windows = preparation.windows_to_confirm(plan, organisation) if plan else []
    context = {
        "organisation": organisation,
        "plan": plan,
        "tasks": preparation.organisation_tasks(plan, organisation),
        "windows": windows,
        "windows_table": WindowConfirmationTable(windows),
        "notice": plan.notices.filter(organisation=organisation).first() if plan else None,
        "submitted": organisation.submitted_questions.select_related(
            "meeting", "question", "agenda_item"
        ).order_by("-submitted_at")[:20],
        "questions": organisation.questions.select_related("meeting", "answered_at")[:20],
        "signing": organisation_signing(organisation),
        "statistics_section": statistics,
        "last_change": _last_change(statistics) if statistics.get("has_data") else None,
    }
    return render(request, "webcert_forum/my_region.html", context)

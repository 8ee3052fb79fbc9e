import datetime as dt

from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django_tables2 import SingleTableView

from certificate_statistics.queries import national_totals_by_month
from certificate_statistics.trends import national_movers
from regions.models import ServiceWindow
from releases.models import Release

from .models import Meeting, Question
from .tables import MeetingTable


def overview(request):
    today = timezone.localdate()
    latest_meeting = Meeting.objects.latest_first().first()
    upcoming_windows = list(
        ServiceWindow.objects.upcoming(today).select_related("organisation", "changed_by")[:5]
    )
    windows_are_upcoming = bool(upcoming_windows)
    if not upcoming_windows and latest_meeting:
        upcoming_windows = list(
            ServiceWindow.objects.filter(imported_from=latest_meeting)
            .select_related("organisation", "changed_by")
            .order_by("start_date")[:5]
        )
    coming_release = Release.objects.filter(date__gte=today).order_by("date").first()
    release_is_coming = coming_release is not None
    if coming_release is None:
        coming_release = Release.objects.order_by("-date").first()
    next_meeting = latest_meeting.next_meeting if latest_meeting else None
    months = national_totals_by_month(channel="all", last=2)
    latest_month = months[-1] if months else None
    previous_month = months[-2] if len(months) > 1 else None
    change = None
    if latest_month and previous_month and previous_month["total"]:
        change = {
            "absolute": latest_month["total"] - previous_month["total"],
            "percent": 100
            * (latest_month["total"] - previous_month["total"])
            / previous_month["total"],
        }
    return render(
        request,
        "webcert_forum/overview.html",
        {
            "latest_meeting": latest_meeting,
            "next_meeting": next_meeting,
            "next_meeting_is_upcoming": bool(next_meeting and next_meeting >= timezone.now()),
            "coming_release": coming_release,
            "release_is_coming": release_is_coming,
            "windows": upcoming_windows,
            "windows_are_upcoming": windows_are_upcoming,
            "latest_month": latest_month,
            "previous_month": previous_month,
            "change": change,
            "movers": national_movers(),
            "open_questions": Question.objects.filter(status=Question.Status.OPEN).select_related(
                "meeting", "asked_by"
            )[:10],
        },
    )


class MeetingListView(SingleTableView):
    table_class = MeetingTable
    template_name = "webcert_forum/meeting_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Meeting.objects.annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True), distinct=True),
            slide_count=Count("slides", distinct=True),
        ).order_by("-date")


def _meeting_or_404(date):
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as error:
        raise Http404("Inget möte med det datumet.") from error
    return get_object_or_404(Meeting, date=day)


def meeting_pdf(request, date):
    meeting = _meeting_or_404(date)
    if not meeting.source_file:
        raise Http404("Mötet har ingen sparad PDF.")
    return FileResponse(
        meeting.source_file.open("rb"),
        as_attachment=True,
        filename=f"webcert-anvandarforum-{meeting.date:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)

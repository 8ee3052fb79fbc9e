"""The front page: the latest meeting, what is coming, and the month's certificates, from
every app at once."""

from django.shortcuts import render
from django.utils import timezone

from certificate_statistics.comparison import compared_month
from certificate_statistics.queries import national_totals_by_month
from certificate_statistics.trends import national_movers
from regions.models import ServiceWindow
from regions.tables import UpcomingWindowTable
from releases.models import Release
from webcert_forum.meetings.models import Meeting, Question

WINDOWS_SHOWN = 5


def overview(request):
    today = timezone.localdate()
    latest_meeting = Meeting.objects.latest_first().first()
    upcoming = ServiceWindow.objects.upcoming(today)
    upcoming_windows = list(upcoming.select_related("organisation", "changed_by")[:WINDOWS_SHOWN])
    windows_total = upcoming.count() if len(upcoming_windows) == WINDOWS_SHOWN else None
    windows_are_upcoming = bool(upcoming_windows)
    if not upcoming_windows and latest_meeting:
        upcoming_windows = list(
            ServiceWindow.objects.filter(imported_from=latest_meeting)
            .select_related("organisation", "changed_by")
            .order_by("start_date")[:WINDOWS_SHOWN]
        )
        windows_total = None
    coming_release = Release.objects.filter(date__gte=today).order_by("date").first()
    release_is_coming = coming_release is not None
    if coming_release is None:
        coming_release = Release.objects.order_by("-date").first()
    next_meeting = latest_meeting.next_meeting if latest_meeting else None
    months = national_totals_by_month(channel="all", last=1)
    latest_month = months[-1] if months else None
    comparison = compared_month(latest_month["month"]) if latest_month else None
    previous_month, change = None, None
    if comparison and comparison.previous:
        # The same rule as the statistics page: the latest earlier month with counts.
        previous_month = next(
            iter(national_totals_by_month(channel="all", month=comparison.previous)), None
        )
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
            "windows_table": UpcomingWindowTable(upcoming_windows),
            "windows_total": windows_total,
            "windows_are_upcoming": windows_are_upcoming,
            "latest_month": latest_month,
            "previous_month": previous_month,
            "change": change,
            "comparison": comparison,
            "news": latest_meeting.news.order_by("position")[:8] if latest_meeting else [],
            "movers": national_movers(),
            "open_questions": Question.objects.filter(status=Question.Status.OPEN).select_related(
                "meeting", "asked_by"
            )[:10],
        },
    )

"""iCalendar feeds of the service windows, for Outlook and other calendar clients.

Calendar clients cannot log in, so besides the session a feed accepts the user's secret
token (?token=…, UserProfile.calendar_token), which the user can renew or revoke."""

import datetime as dt
from functools import wraps
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from icalendar import Calendar, Event

from .models import Organisation, ServiceWindow, UserProfile

UID_DOMAIN = "webcert-forum.inera.se"


def window_uid(window):
    # Stable per window: an edit updates the subscriber's event, a deletion removes it.
    return f"service-window-{window.pk}@{UID_DOMAIN}"


def _event_times(window, zone):
    if window.all_day:
        # All-day event; DTEND is exclusive.
        return window.start_date, window.end_date + dt.timedelta(days=1)
    start, end = window.span
    return start.replace(tzinfo=zone), end.replace(tzinfo=zone)


def build_calendar(windows, name):
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Inera//Webcert användarforum//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # Outlook polls subscriptions at its own pace; this asks for about hourly.
    calendar.add("x-published-ttl", "PT1H")
    for window in windows:
        event = Event()
        event.add("uid", window_uid(window))
        event.add("summary", f"Servicefönster {window.organisation.name}")
        start, end = _event_times(window, zone)
        event.add("dtstart", start)
        event.add("dtend", end)
        description = window.note or "Planerat servicefönster: Webcert-integrationen kan vara"
        if not window.note:
            description += " otillgänglig."
        event.add("description", description)
        event.add("dtstamp", window.changed_at)
        event.add("last-modified", window.changed_at)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(windows, name, filename):
    body = build_calendar(windows, name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # The body depends on who asks (a token in the URL): never share it through a cache.
    response["Cache-Control"] = "private, no-store"
    return response


def token_user(token):
    if not token:
        return None
    profile = (
        UserProfile.objects.filter(calendar_token=token, user__is_active=True)
        .exclude(calendar_token="")
        .select_related("user")
        .first()
    )
    return profile.user if profile else None


def session_or_token(view):
    """The session of a logged-in browser, or a calendar client's secret token."""

    @login_not_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            token = request.GET.get("token", "")
            if token_user(token) is None:
                if token:
                    raise PermissionDenied("Ogiltig eller återkallad kalendernyckel.")
                return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


@session_or_token
def all_windows_feed(request):
    # Every window, past ones too: a subscriber's calendar keeps its history.
    windows = ServiceWindow.objects.select_related("organisation").order_by("start_date", "id")
    return calendar_response(windows, "Servicefönster Webcert", "servicefonster.ics")


@session_or_token
def organisation_windows_feed(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    windows = organisation.service_windows.select_related("organisation").order_by(
        "start_date", "id"
    )
    return calendar_response(
        windows, f"Servicefönster {organisation.name}", f"servicefonster-{key}.ics"
    )


def subscription_urls(request, token, organisation=None):
    """The addresses a user pastes into their calendar client."""

    def absolute(path):
        url = request.build_absolute_uri(path)
        return f"{url}?{urlencode({'token': token})}" if token else url

    urls = [
        {
            "label": "Alla organisationers servicefönster",
            "url": absolute(reverse("service-windows-feed")),
        }
    ]
    if organisation is not None:
        urls.append(
            {
                "label": f"Servicefönster för {organisation.name}",
                "url": absolute(reverse("regions:feed", args=[organisation.key])),
            }
        )
    return urls

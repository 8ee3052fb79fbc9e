"""iCalendar feeds of the service windows, for Outlook and other calendar clients.

Calendar clients cannot log in, so each feed has a second address with the user's secret
token in its path (/calendar/<token>/…), which the user can renew or revoke. In the path, not
the query string: a query string travels into login redirects (next=) and every access log;
the path is redacted from gunicorn's log (webcert_forum/gunicorn_logging.py). Only the
token's hash is stored (UserProfile.calendar_token_hash)."""

import datetime as dt
from functools import wraps
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from icalendar import Calendar, Event

from .models import Organisation, ServiceWindow, UserProfile, calendar_token_hash

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
        UserProfile.objects.filter(
            calendar_token_hash=calendar_token_hash(token), user__is_active=True
        )
        .select_related("user")
        .first()
    )
    return profile.user if profile else None


def session_feed(view):
    """A feed for a logged-in browser. A ``?token=`` (the old address form) is refused, not
    sent on to the login page, where it would sit in ``next=``."""

    @login_not_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if "token" in request.GET:
            raise PermissionDenied(
                "Kalenderadresser med ?token= gäller inte längre. "
                "Hämta en ny adress på sidan Kalenderprenumeration."
            )
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        return view(request, *args, **kwargs)

    return wrapper


def token_feed(view):
    """The same feed for a calendar client, the token in the path."""

    @login_not_required
    @wraps(view)
    def wrapper(request, token, *args, **kwargs):
        if token_user(token) is None:
            raise PermissionDenied("Ogiltig eller återkallad kalendernyckel.")
        return view(request, *args, **kwargs)

    return wrapper


def all_windows(request):
    # Every window, past ones too: a subscriber's calendar keeps its history.
    windows = ServiceWindow.objects.select_related("organisation").order_by("start_date", "id")
    return calendar_response(windows, "Servicefönster Webcert", "servicefonster.ics")


def organisation_windows(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    windows = organisation.service_windows.select_related("organisation").order_by(
        "start_date", "id"
    )
    return calendar_response(
        windows, f"Servicefönster {organisation.name}", f"servicefonster-{key}.ics"
    )


all_windows_feed = session_feed(all_windows)
organisation_windows_feed = session_feed(organisation_windows)
all_windows_token_feed = token_feed(all_windows)
organisation_windows_token_feed = token_feed(organisation_windows)


def subscription_urls(request, token, organisation=None):
    """The addresses a user pastes into their calendar client (only right after the token
    is made: afterwards only its hash is known)."""
    urls = [
        {
            "label": "Alla organisationers servicefönster",
            "url": request.build_absolute_uri(reverse("calendar-feed", args=[token])),
        }
    ]
    if organisation is not None:
        urls.append(
            {
                "label": f"Servicefönster för {organisation.name}",
                "url": request.build_absolute_uri(
                    reverse("calendar-organisation-feed", args=[token, organisation.key])
                ),
            }
        )
    return urls

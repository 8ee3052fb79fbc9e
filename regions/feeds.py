"""iCalendar feeds of the service windows, for Outlook and other calendar clients."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from icalendar import Calendar, Event

from .models import Organisation, ServiceWindow


def build_calendar(windows, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Inera//Webcert användarforum//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for window in windows:
        event = Event()
        # A stable UID per window: an edit updates the event in the subscriber's calendar.
        event.add("uid", f"service-window-{window.pk}@webcert-forum")
        event.add("summary", f"Servicefönster {window.organisation.name}")
        if window.start_time and window.end_time:
            event.add("dtstart", dt.datetime.combine(window.start_date, window.start_time))
            event.add("dtend", dt.datetime.combine(window.end_date, window.end_time))
        else:
            event.add("dtstart", window.start_date)
            event.add("dtend", window.end_date + dt.timedelta(days=1))
        if window.note:
            event.add("description", window.note)
        event.add("dtstamp", window.changed_at)
        event.add("last-modified", window.changed_at)
        calendar.add_component(event)
    return calendar


def calendar_response(windows, name, filename):
    body = build_calendar(windows, name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def all_windows_feed(request):
    windows = ServiceWindow.objects.select_related("organisation").order_by("start_date", "id")
    return calendar_response(windows, "Servicefönster Webcert", "servicefonster.ics")


def organisation_windows_feed(request, key):
    organisation = get_object_or_404(Organisation, key=key)
    windows = organisation.service_windows.select_related("organisation").order_by("start_date")
    return calendar_response(
        windows, f"Servicefönster {organisation.name}", f"servicefonster-{key}.ics"
    )

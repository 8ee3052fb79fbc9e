"""Preparing the next meeting: its time and place, agenda, the regions' attendance notices,
their questions and their word that service windows are still current. Every write is here."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import Truncator
from icalendar import Calendar, Event

from regions.models import Organisation, ServiceWindow

from .models import (
    AgendaItem,
    AttendanceNotice,
    Meeting,
    PlannedMeeting,
    Question,
    SubmittedQuestion,
    WindowConfirmation,
)

DEFAULT_LENGTH = dt.timedelta(hours=2)


def current_plan(now=None):
    """The coming meeting, or the latest planned one once it has passed; None if the
    minutes never announced one and staff planned none."""
    now = now or timezone.now()
    latest = Meeting.objects.latest_first().first()
    if latest and latest.next_meeting and not PlannedMeeting.objects.filter(announced_in=latest):
        _plan_announced(latest)
    return PlannedMeeting.objects.upcoming(now).first() or PlannedMeeting.objects.first()


def _on_day(day):
    start = dt.datetime.combine(day, dt.time.min, timezone.get_current_timezone())
    return PlannedMeeting.objects.filter(
        starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1)
    )


def planned_on(day):
    """The meeting planned for ``day``, if staff or the minutes planned one."""
    return _on_day(day).first()


def _plan_announced(minutes):
    """The meeting these minutes announce; staff's own plan for that day if they made one
    (their time and place stand)."""
    try:
        with transaction.atomic():
            day = timezone.localtime(minutes.next_meeting).date()
            planned = _on_day(day).filter(announced_in=None).first()
            if planned is not None:
                planned.announced_in = minutes
                planned.save(update_fields=["announced_in"])
            else:
                PlannedMeeting.objects.create(starts_at=minutes.next_meeting, announced_in=minutes)
    except IntegrityError:
        pass  # another request planned it first


def save_plan(form):
    """Save staff's time and place; a new time makes calendar clients update the invite."""
    plan = form.instance
    if plan.pk and ({"starts_at", "ends_at"} & set(form.changed_data)):
        plan.sequence += 1
    return form.save()


def invite(plan):
    """The meeting as an iCalendar invite: one UID for ever, SEQUENCE as it changes."""
    calendar = Calendar()
    calendar.add("prodid", "-//Inera//Webcert användarforum//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", plan.uid)
    event.add("sequence", plan.sequence)
    event.add("summary", "Webcert användarforum")
    event.add("dtstart", plan.starts_at)
    event.add("dtend", plan.ends_at or plan.starts_at + DEFAULT_LENGTH)
    event.add("dtstamp", timezone.now())
    if plan.place:
        event.add("location", plan.place)
    if plan.teams_link:
        event.add("url", plan.teams_link)
        event.add("description", f"Anslut via Teams: {plan.teams_link}")
    calendar.add_component(event)
    return calendar.to_ical()


def expected_organisations():
    """Who is asked to answer: the regions and every organisation with a region editor."""
    return Organisation.objects.filter(
        Q(kind=Organisation.Kind.REGION) | Q(editors__isnull=False)
    ).distinct()


def unanswered_organisations(plan):
    return expected_organisations().exclude(attendance_notices__meeting=plan).order_by("name")


def answer_attendance(plan, organisation, user, *, attends, attendees):
    notice, _ = AttendanceNotice.objects.update_or_create(
        meeting=plan,
        organisation=organisation,
        defaults={"attends": attends, "attendees": attendees, "answered_by": user},
    )
    return notice


def notices_beside_minutes(plan):
    """Each organisation's notice next to the minutes' attendance, once they are imported:
    [{organisation, notice, present}], present None where the minutes do not list it."""
    minutes = plan.minutes()
    if minutes is None:
        return None
    notices = {n.organisation_id: n for n in plan.notices.select_related("organisation")}
    present = {a.organisation_id: a for a in minutes.attendance.select_related("organisation")}
    organisations = {n.organisation for n in notices.values()} | {
        a.organisation for a in present.values()
    }
    rows = []
    for organisation in sorted(organisations, key=lambda o: o.name):
        notice = notices.get(organisation.pk)
        attendance = present.get(organisation.pk)
        rows.append(
            {
                "organisation": organisation,
                "notice": notice,
                "present": attendance.present if attendance else None,
                "differs": notice is not None
                and (attendance is None or notice.attends != attendance.present),
            }
        )
    return {"minutes": minutes, "rows": rows}


def notices_for_minutes(meeting):
    """The notices beside the minutes' attendance for an imported meeting that was planned."""
    plan = planned_on(meeting.date)
    if plan is None or not plan.notices.exists():
        return None
    return notices_beside_minutes(plan)


def submit_question(plan, organisation, user, *, text, asked_by_name):
    return SubmittedQuestion.objects.create(
        meeting=plan,
        organisation=organisation,
        submitted_by=user,
        text=text,
        asked_by_name=asked_by_name,
    )


def next_position(plan):
    return (plan.agenda.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def put_on_agenda(submitted, owner=""):
    """A submitted question becomes an agenda item and a Question the forum follows; twice
    is once."""
    plan = submitted.meeting
    if submitted.agenda_item_id is None:
        submitted.agenda_item = AgendaItem.objects.create(
            meeting=plan,
            position=next_position(plan),
            title=Truncator(f"Fråga från {submitted.organisation}: {submitted.text}").chars(
                AgendaItem._meta.get_field("title").max_length
            ),
            owner=owner or submitted.asked_by_name,
            organisation=submitted.organisation,
        )
    if submitted.question_id is None:
        # A Question hangs on an imported meeting: the latest one until these minutes come.
        asked_at = submitted.meeting.minutes() or Meeting.objects.latest_first().first()
        if asked_at is not None:
            submitted.question = Question.objects.create(
                meeting=asked_at,
                asked_on=timezone.localdate(submitted.submitted_at),
                asked_by=submitted.organisation,
                text=submitted.text,
            )
    submitted.save(update_fields=["agenda_item", "question"])
    return submitted


def windows_to_confirm(plan, organisation, today=None):
    """The organisation's upcoming windows, each with its confirmation for this meeting."""
    today = today or timezone.localdate()
    windows = list(ServiceWindow.objects.upcoming(today).filter(organisation=organisation))
    confirmed = {
        c.window_id: c
        for c in WindowConfirmation.objects.filter(meeting=plan, window__in=windows).select_related(
            "confirmed_by"
        )
    }
    for window in windows:
        window.confirmation = confirmed.get(window.pk)
    return windows


def confirm_window(plan, window, user):
    confirmation, _ = WindowConfirmation.objects.update_or_create(
        meeting=plan, window=window, defaults={"confirmed_by": user}
    )
    return confirmation


def organisation_tasks(plan, organisation, today=None):
    """What the organisation still has to do before the meeting, most urgent first."""
    today = today or timezone.localdate()
    if plan is None or plan.date < today:
        return []
    tasks = []
    if not plan.notices.filter(organisation=organisation).exists():
        tasks.append("Svara om ni deltar i nästa möte.")
    unconfirmed = [w for w in windows_to_confirm(plan, organisation, today) if not w.confirmation]
    if unconfirmed:
        tasks.append(f"Bekräfta att {len(unconfirmed)} servicefönster fortfarande gäller.")
    return tasks

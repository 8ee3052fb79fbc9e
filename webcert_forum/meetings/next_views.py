"""The next meeting (/meetings/next/): staff plan it and keep the agenda; region editors
answer the attendance notice, send questions and confirm their service windows."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from regions.models import Organisation, ServiceWindow
from webcert_forum.core.permissions import Access

from . import preparation
from .models import AgendaItem, PlannedMeeting, SubmittedQuestion
from .preparation_forms import (
    AgendaItemForm,
    AttendanceNoticeForm,
    PlanForm,
    SubmittedQuestionForm,
)
from .tables import AttendanceNoticeTable, NoticesBesideMinutesTable

NEXT = "meetings:next"


def _staff(request):
    access = Access(request.user)
    if not access.staff:
        raise PermissionDenied("Endast Inera-personal får planera mötet.")
    return access


def _plan_or_404():
    plan = preparation.current_plan()
    if plan is None:
        raise Http404("Inget kommande möte är planerat.")
    return plan


def _organisation_for(request, key):
    """The organisation in the URL, if the user may act for it: 403 otherwise."""
    organisation = get_object_or_404(Organisation, key=key)
    if not Access(request.user).may_change(organisation):
        raise PermissionDenied("Du kan bara svara för din egen organisation.")
    return organisation


def next_meeting(request):
    access = Access(request.user)
    plan = preparation.current_plan()
    context = {
        "plan": plan,
        "access": access,
        "organisation": access.organisation,
        "today": timezone.localdate(),
    }
    if plan is not None:
        questions = plan.submitted_questions.select_related(
            "organisation", "question", "agenda_item"
        )
        if not access.staff:
            questions = questions.filter(organisation=access.organisation)
        comparison = preparation.notices_beside_minutes(plan)
        context.update(
            agenda=plan.agenda.select_related("organisation"),
            questions=questions,
            comparison=comparison,
            comparison_table=NoticesBesideMinutesTable(comparison["rows"]) if comparison else None,
        )
        if access.staff:
            notices = list(plan.notices.select_related("organisation", "answered_by"))
            context.update(
                notices=notices,
                notices_table=AttendanceNoticeTable(notices),
                unanswered=preparation.unanswered_organisations(plan),
            )
        if access.organisation is not None:
            context["own_notice"] = plan.notices.filter(organisation=access.organisation).first()
    return render(request, "webcert_forum/next_meeting.html", context)


def plan_edit(request):
    _staff(request)
    plan = preparation.current_plan() or PlannedMeeting()
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        preparation.save_plan(form)
        messages.success(request, "Mötet är sparat.")
        return redirect(NEXT)
    return render(request, "webcert_forum/next_meeting_form.html", {"form": form, "plan": plan})


def invite(request):
    plan = _plan_or_404()
    response = HttpResponse(preparation.invite(plan), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="webcert-anvandarforum-{plan.date:%Y-%m-%d}.ics"'
    )
    return response


def agenda_item(request, pk=None):
    _staff(request)
    plan = _plan_or_404()
    item = (
        get_object_or_404(AgendaItem, pk=pk, meeting=plan)
        if pk
        else AgendaItem(meeting=plan, position=preparation.next_position(plan))
    )
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST":
        if "delete" in request.POST and item.pk:
            item.delete()
            messages.success(request, "Punkten är borttagen.")
            return redirect(NEXT)
        if form.is_valid():
            form.save()
            messages.success(request, "Dagordningen är sparad.")
            return redirect(NEXT)
    return render(
        request, "webcert_forum/agenda_item_form.html", {"form": form, "item": item, "plan": plan}
    )


def attendance_notice(request, key):
    organisation = _organisation_for(request, key)
    plan = _plan_or_404()
    notice = plan.notices.filter(organisation=organisation).first()
    initial = {}
    if notice:
        initial = {"attends": "ja" if notice.attends else "nej", "attendees": notice.attendees}
    form = AttendanceNoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preparation.answer_attendance(plan, organisation, request.user, **form.cleaned_data)
        messages.success(request, f"Anmälan för {organisation} är sparad.")
        return redirect(NEXT)
    return render(
        request,
        "webcert_forum/attendance_notice_form.html",
        {"form": form, "plan": plan, "organisation": organisation, "notice": notice},
    )


def question_submit(request, key):
    organisation = _organisation_for(request, key)
    plan = _plan_or_404()
    form = SubmittedQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        preparation.submit_question(plan, organisation, request.user, **form.cleaned_data)
        messages.success(request, "Frågan är inskickad.")
        return redirect(NEXT)
    return render(
        request,
        "webcert_forum/submitted_question_form.html",
        {"form": form, "plan": plan, "organisation": organisation},
    )


@require_POST
def question_to_agenda(request, pk):
    _staff(request)
    submitted = get_object_or_404(SubmittedQuestion, pk=pk)
    preparation.put_on_agenda(submitted)
    messages.success(request, "Frågan står på dagordningen och följs som fråga.")
    return redirect(NEXT)


@require_POST
def window_confirm(request, pk):
    window = get_object_or_404(ServiceWindow.objects.select_related("organisation"), pk=pk)
    if not Access(request.user).may_change(window):
        raise PermissionDenied("Du kan bara bekräfta din egen organisations servicefönster.")
    plan = _plan_or_404()
    preparation.confirm_window(plan, window, request.user)
    messages.success(request, f"Servicefönstret {window} är bekräftat inför mötet.")
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return redirect(target if safe else NEXT)

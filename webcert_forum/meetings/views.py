"""Meeting pages: a meeting with its changes since the previous one, attendance across
meetings, slide search, and the staff's questions."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django_tables2 import SingleTableView

from webcert_forum.core.permissions import is_staff_member
from webcert_forum.core.tables import TablePagesMixin

from .changes import changes_since_previous
from .charts import attendance_heatmap
from .forms import QuestionForm
from .models import ImportRun, Meeting, Question, Slide
from .preparation import notices_for_minutes
from .queries import attendance_matrix, highlight, search_slides
from .questions import followed_at, save_question
from .slide_links import data_page
from .tables import (
    FollowedQuestionTable,
    MeetingAttendanceTable,
    MeetingTable,
    NoticesBesideMinutesTable,
)


class MeetingListView(TablePagesMixin, SingleTableView):
    table_class = MeetingTable
    template_name = "webcert_forum/meeting_list.html"
    paginate_by = 25

    def get_queryset(self):
        return Meeting.objects.annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True), distinct=True),
            slide_count=Count("slides", distinct=True),
        ).order_by("-date")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"staff": is_staff_member(self.request.user)}


def meeting_or_404(date):
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as error:
        raise Http404("Inget möte med det datumet.") from error
    return get_object_or_404(Meeting, date=day)


def slides_with_links(meeting):
    slides = list(meeting.slides.order_by("number"))
    for slide in slides:
        slide.data_page = data_page(slide, meeting.date)
    return slides


def slide_picture(request, date, number, small=False):
    slide = get_object_or_404(Slide, meeting=meeting_or_404(date), number=number)
    picture = slide.thumbnail if small else slide.picture
    if not picture:
        raise Http404("Bilden är inte renderad.")
    response = FileResponse(picture.open("rb"), content_type="image/jpeg")
    # The picture of a saved slide changes only with a new PDF, which gets a new name.
    response["Cache-Control"] = "private, max-age=86400"
    return response


def meeting_pdf(request, date):
    meeting = meeting_or_404(date)
    if not meeting.source_file:
        raise Http404("Mötet har ingen sparad PDF.")
    return FileResponse(
        meeting.source_file.open("rb"),
        as_attachment=True,
        filename=f"webcert-anvandarforum-{meeting.date:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )


def meeting_detail(request, date):
    meeting = meeting_or_404(date)
    attendance = list(
        meeting.attendance.select_related("organisation").order_by("organisation__name")
    )
    latest_import = (
        meeting.imports.filter(status=ImportRun.Status.SAVED).order_by("-saved_at", "-pk").first()
    )
    questions = followed_at(meeting)
    slides = slides_with_links(meeting)
    may_edit_questions = is_staff_member(request.user)
    comparison = notices_for_minutes(meeting)
    return render(
        request,
        "webcert_forum/meeting_detail.html",
        {
            "meeting": meeting,
            "attendance": attendance,
            "attendance_table": MeetingAttendanceTable(attendance),
            "present_count": sum(1 for a in attendance if a.present),
            "slides": slides,
            # The PDF is kept but its pictures could not be drawn (meetings.pictures): say so.
            "pictures_missing": bool(
                meeting.source_file and slides and not any(s.thumbnail for s in slides)
            ),
            "news": meeting.news.order_by("position"),
            "latest_import": latest_import,
            "summary": latest_import.summary if latest_import else None,
            "changes": changes_since_previous(meeting),
            "questions": questions,
            "questions_table": FollowedQuestionTable(
                questions,
                show_asked_by=any(q.asked_by_id for q in questions),
                may_edit=may_edit_questions,
            ),
            "can_edit_questions": may_edit_questions,
            "comparison": comparison,
            "comparison_table": NoticesBesideMinutesTable(comparison["rows"])
            if comparison
            else None,
        },
    )


def attendance(request):
    matrix = attendance_matrix()
    return render(
        request,
        "webcert_forum/attendance.html",
        {"matrix": matrix, "figure": attendance_heatmap(matrix)},
    )


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:200]
    page = None
    if query:
        page = Paginator(search_slides(query), 20).get_page(request.GET.get("page"))
        for slide in page.object_list:
            slide.excerpt = highlight(slide.text, query)
    return render(request, "webcert_forum/search.html", {"query": query, "page": page})


def _require_staff(user):
    if not is_staff_member(user):
        raise PermissionDenied("Endast Inera-personal får registrera och ändra frågor.")


def question_create(request, date):
    _require_staff(request.user)
    meeting = meeting_or_404(date)
    question = Question(meeting=meeting, asked_on=meeting.date)
    if request.method == "POST":
        form = QuestionForm(request.POST, instance=question)
        if form.is_valid():
            save_question(form)
            return redirect(f"{meeting.get_absolute_url()}#fragor")
    else:
        initial = {}
        number = request.GET.get("slide", "")
        slide = meeting.slides.filter(number=int(number)).first() if _is_number(number) else None
        if slide is not None:
            initial = {"text": slide.text, "slide_number": slide.number}
        form = QuestionForm(instance=question, initial=initial)
    return render(
        request,
        "webcert_forum/question_form.html",
        {"form": form, "meeting": meeting, "question": None},
    )


def question_edit(request, pk):
    _require_staff(request.user)
    question = get_object_or_404(Question.objects.select_related("meeting"), pk=pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        save_question(form)
        return redirect(f"{question.meeting.get_absolute_url()}#fragor")
    return render(
        request,
        "webcert_forum/question_form.html",
        {"form": form, "meeting": question.meeting, "question": question},
    )


def _is_number(text):
    # ASCII only: "²" is a digit to str.isdigit() but not to int().
    return text.isascii() and text.isdigit()

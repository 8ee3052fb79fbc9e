"""The questions the forum follows from meeting to meeting: reads and the staff's writes."""

from django.db import transaction
from django.db.models import Prefetch, Q

from .models import Answer, Question


def same_question(text):
    """What two wordings of one question share: case, spacing and the question mark aside."""
    return " ".join(text.casefold().replace("?", " ").split())


def open_at(meeting):
    """Questions still open at this meeting: asked at it or before, not answered before it
    (one answered at this very meeting is shown here with its answer)."""
    return (
        Question.objects.filter(meeting__date__lte=meeting.date)
        .filter(Q(status=Question.Status.OPEN) | Q(answered_at__date__gte=meeting.date))
        .select_related("meeting", "asked_by", "answered_at")
        .prefetch_related(Prefetch("answers", Answer.objects.select_related("meeting")))
        .order_by("meeting__date", "id")
    )


def followed_at(meeting):
    """The questions open at this meeting, each with the answers given up to it (`so_far`)
    and the state a reader of this meeting's minutes would give it (`state`)."""
    questions = list(open_at(meeting))
    for q in questions:
        q.so_far = [a for a in q.answers.all() if a.meeting.date <= meeting.date]
        if q.answered_at and q.answered_at.date <= meeting.date:
            q.state = f"Besvarad {q.answered_at.date:%Y-%m-%d}"
        elif q.so_far:
            q.state = "Väntar på svar"
        else:
            q.state = "Öppen"
    return questions


def save_question(form):
    """Create or update a question from a valid QuestionForm (its instance knows the meeting
    it was asked at)."""
    with transaction.atomic():
        question = form.save(commit=False)
        if question.status == Question.Status.OPEN:
            question.answered_at = None
        question.save()
    return question

"""The questions the forum follows from meeting to meeting: reads and the staff's writes."""

from django.db import transaction
from django.db.models import Q

from .models import Question


def open_at(meeting):
    """Questions still open at this meeting: asked at it or before, not answered before it
    (one answered at this very meeting is shown here with its answer)."""
    return (
        Question.objects.filter(meeting__date__lte=meeting.date)
        .filter(Q(status=Question.Status.OPEN) | Q(answered_at__date__gte=meeting.date))
        .select_related("meeting", "asked_by", "answered_at")
        .order_by("meeting__date", "id")
    )


def save_question(form):
    """Create or update a question from a valid QuestionForm (its instance knows the meeting
    it was asked at)."""
    with transaction.atomic():
        question = form.save(commit=False)
        if question.status == Question.Status.OPEN:
            question.answered_at = None
        question.save()
    return question

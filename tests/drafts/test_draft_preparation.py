"""The planned meeting's notices, agenda and submitted questions in its draft."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pptx import Presentation

from regions.models import Organisation
from webcert_forum.meetings.drafts.services import convert_to_pdf, draft_deck
from webcert_forum.meetings.imports.reference import reference_from_database
from webcert_forum.meetings.models import AgendaItem, Meeting, PlannedMeeting
from webcert_forum.meetings.preparation import answer_attendance, submit_question

from .conftest import slide_tables
from .test_round_trip import _imported

NEXT = dt.date(2022, 9, 5)  # the meeting the seed minutes announce


@pytest.fixture
def plan(seed_meeting):
    starts = dt.datetime.combine(NEXT, dt.time(13), timezone.get_current_timezone())
    return PlannedMeeting.objects.create(starts_at=starts, place="Inera, Stockholm")


def _slide(pptx: bytes, words: str):
    return next(
        s for s in Presentation(io.BytesIO(pptx)).slides if words in s.shapes[0].text_frame.text
    )


def _texts(slide) -> list[str]:
    return [p.text for shape in list(slide.shapes)[1:] for p in shape.text_frame.paragraphs]


def _attendance_rows(pptx: bytes) -> list[list[str]]:
    return [row for title, rows in slide_tables(pptx) if "Deltagare" in title for row in rows]


@pytest.mark.django_db
def test_answered_notices_fill_ja_and_nej_and_who_comes(plan):
    halland = Organisation.objects.get(key="halland")
    skane = Organisation.objects.get(key="skane")
    answer_attendance(plan, halland, None, attends=True, attendees="Anna Andersson, Bo Berg")
    answer_attendance(plan, skane, None, attends=False, attendees="")

    draft = draft_deck()
    present = {e["org"]: e["present"] for e in draft.document["attendance"]}
    assert present["halland"] is True and present["skane"] is False
    assert {k for k, v in present.items() if v is not None} == {"halland", "skane"}
    rows = _attendance_rows(draft.pptx)
    assert ["Region Halland", "Ja"] in rows and ["Region Skåne", "Nej"] in rows
    assert any(cells[1] == "" for cells in rows[1:])  # the unanswered stay blank
    notes = _slide(draft.pptx, "Deltagare").notes_slide.notes_text_frame.text
    assert "Anna Andersson, Bo Berg" in notes and "Skåne" not in notes


@pytest.mark.django_db
def test_notices_of_another_meeting_are_not_in_the_draft(plan):
    other = PlannedMeeting.objects.create(starts_at=plan.starts_at + dt.timedelta(days=90))
    answer_attendance(other, Organisation.objects.get(key="halland"), None, attends=True,
                      attendees="")  # fmt: skip
    draft = draft_deck()
    assert {e["present"] for e in draft.document["attendance"]} == {None}
    assert draft.document["draft_agenda"] == [] and draft.document["draft_questions"] == []


@pytest.mark.django_db
def test_the_agenda_in_its_order_fills_ovrigt_and_the_questions_fill_fragor(plan):
    halland = Organisation.objects.get(key="halland")
    AgendaItem.objects.create(meeting=plan, position=2, title="Ny signeringstjänst",
                              owner="Cecilia Ceder", organisation=halland)  # fmt: skip
    AgendaItem.objects.create(meeting=plan, position=1, title="Släpp 7.0", owner="Inera")
    submit_question(plan, halland, None, text="När kommer  7.1?", asked_by_name="Dan Dahl")

    pptx = draft_deck().pptx
    agenda = _texts(_slide(pptx, "Övrigt"))
    assert agenda == [
        "• Släpp 7.0 (Inera)",
        "• Ny signeringstjänst (Cecilia Ceder, Region Halland)",
    ]
    assert _texts(_slide(pptx, "Frågor")) == ["• När kommer 7.1? (Region Halland, Dan Dahl)"]


@pytest.mark.django_db
def test_without_a_plan_the_text_slides_are_left_to_fill_in(seed_meeting):
    pptx = draft_deck().pptx
    assert len(_texts(_slide(pptx, "Övrigt"))) == 1
    assert len(_texts(_slide(pptx, "Frågor"))) == 1


@pytest.mark.django_db
def test_an_answered_notice_imports_back_from_the_drafts_pdf(plan, needs_soffice):
    answer_attendance(plan, Organisation.objects.get(key="halland"), None, attends=True,
                      attendees="Anna Andersson")  # fmt: skip
    draft = draft_deck()
    imported = _imported(convert_to_pdf(draft.pptx), draft.document, reference_from_database())
    assert {"org": "halland", "present": True} in imported["attendance"]
    assert "Anna Andersson" not in str(imported)


@pytest.mark.django_db
def test_an_organisation_that_answered_but_was_not_listed_is_added(plan):
    listed = {a.organisation_id for a in Meeting.objects.latest_first().first().attendance.all()}
    newcomer = Organisation.objects.exclude(pk__in=listed).order_by("name").first()
    answer_attendance(plan, newcomer, None, attends=True, attendees="")
    attendance = draft_deck().document["attendance"]
    assert attendance[-1] == {"org": newcomer.key, "present": True}
    assert len(attendance) == len(listed) + 1


@pytest.mark.django_db
def test_a_meeting_staff_moved_to_another_day_is_the_one_drafted(
    seed_meeting, client_for, staff_user
):
    moved = dt.datetime(2022, 9, 12, 13, tzinfo=timezone.get_current_timezone())
    plan = PlannedMeeting.objects.create(starts_at=moved, announced_in=Meeting.objects.get())
    AgendaItem.objects.create(meeting=plan, position=1, title="Släpp 7.0", owner="Inera")

    made = draft_deck()
    assert made.meeting_date == dt.date(2022, 9, 12)
    assert _texts(_slide(made.pptx, "Övrigt")) == ["• Släpp 7.0 (Inera)"]
    page = client_for(staff_user).get("/meetings/draft/").content.decode()
    assert 'value="2022-09-12"' in page

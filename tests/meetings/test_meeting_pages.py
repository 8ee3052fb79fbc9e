"""Meeting, attendance, search and question pages, for each role."""

import copy
import json

import pytest
from django.urls import reverse

from tests.meetings.factories import NOW_PRESENT, SEPTEMBER, september_document, with_slides
from tests.tables import table_in
from webcert_forum.meetings.models import ImportRun, Meeting, Question
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.django_db

ROLES = ["staff_user", "editor_user", "plain_user", "admin_user"]

JUNE_SLIDES = [
    ("Agenda", "1. Välkommen\n2. Statistik"),
    ("Frågor?", "Behöver man identifiera sig med e-legitimation?\nSkatteverket: inväntar svar"),
    ("Åtgärder", "ÅTGÄRD: Inera återkommer om <script>alert(1)</script> cookie-samtycke"),
]


@pytest.fixture
def meetings(reference, seed_document):
    save_minutes(with_slides(copy.deepcopy(seed_document), JUNE_SLIDES))
    september, _, _ = september_document(seed_document)
    save_minutes(with_slides(september, [("Agenda", "1. Välkommen tillbaka")]))
    return Meeting.objects.get(date="2022-06-01"), Meeting.objects.get(date=SEPTEMBER)


@pytest.mark.parametrize("role", ROLES)
def test_meeting_page_shows_changes_since_the_previous_meeting(
    request, client, meetings, role, django_assert_max_num_queries
):
    june, september = meetings
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(40):
        html = client.get(september.get_absolute_url()).content.decode()
    assert "Förändringar sedan förra mötet" in html
    assert f'href="{june.get_absolute_url()}"' in html
    assert "Ändrat</span> Capio S:t Görans sjukhus: frånvarande → närvarande" in html
    assert "2022-10-01 – 2022-10-02" in html


def test_first_meeting_says_there_is_nothing_to_compare(client, staff_user, meetings):
    client.force_login(staff_user)
    html = client.get(meetings[0].get_absolute_url()).content.decode()
    assert "Inget tidigare möte är inläst att jämföra med." in html


def test_meeting_page_shows_the_saved_import_summary(client, staff_user, meetings):
    june, _ = meetings
    ImportRun.objects.create(
        original_name="juni.pdf",
        sha256="0" * 64,
        meeting_date=june.date,
        document={},
        status=ImportRun.Status.SAVED,
        meeting=june,
        summary={
            "totals": {"created": 12, "updated": 3, "deleted": 0, "unchanged": 5},
            "changes": [{"outcome": "created", "description": "Möte 2022-06-01"}],
            "conflicts": [{"model": "x", "description": "Jönköping: ändrat i appen"}],
        },
    )
    client.force_login(staff_user)
    html = client.get(june.get_absolute_url()).content.decode()
    assert "12 nya, 3 ändrade, 0 borttagna, 5 oförändrade" in html
    assert "Jönköping: ändrat i appen" in html


def test_meeting_list_counts_present_organisations(
    client, plain_user, meetings, django_assert_max_num_queries
):
    june, september = meetings
    client.force_login(plain_user)
    # 9: the menu asks once whether the user edits for a region (the "Min region" entry).
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:list"))
    rows = {
        row.record.date: row.get_cell("present_count") for row in response.context["table"].rows
    }
    june_present = june.attendance.filter(present=True).count()
    assert rows == {september.date: june_present + 1, june.date: june_present}


@pytest.mark.parametrize("role", ROLES)
def test_attendance_matrix_with_rates_and_heatmap(
    request, client, meetings, role, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:attendance"))
    html = response.content.decode()
    # Capio: absent in June, present in September.
    capio = response.context["matrix"]["rows"]
    row = next(r for r in capio if r["organisation"].key == NOW_PRESENT)
    assert row["cells"] == [False, True]
    assert "50 % (1 av 2)" in html
    figure = json.loads(
        html.split('id="fig-attendance" type="application/json">')[1].split("</script>")[0]
    )
    assert figure["data"][0]["type"] == "heatmap"
    assert figure["data"][0]["x"] == ["2022-06-01", SEPTEMBER]


def test_attendance_page_without_meetings_says_so(client, staff_user):
    client.force_login(staff_user)
    assert (
        "Ingen närvaro är inläst ännu."
        in client.get(reverse("meetings:attendance")).content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_slides_across_meetings_and_links_to_them(
    request, client, meetings, role, django_assert_max_num_queries
):
    june, september = meetings
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(10):
        html = client.get(reverse("meetings:search"), {"q": "välkommen"}).content.decode()
    assert "2 bilder innehåller" in html
    assert f'href="{september.get_absolute_url()}#bild-1"' in html
    assert f'href="{june.get_absolute_url()}#bild-1"' in html
    assert html.index(SEPTEMBER) < html.index("2022-06-01, bild 1")  # newest first


def test_search_folds_swedish_case_and_escapes_slide_text(client, plain_user, meetings):
    client.force_login(plain_user)
    html = client.get(reverse("meetings:search"), {"q": "åtgärd"}).content.decode()
    assert "1 bild innehåller" in html
    assert "<mark>ÅTGÄRD</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_without_hits_and_without_query(client, plain_user, meetings):
    client.force_login(plain_user)
    assert "Inga träffar." in client.get(reverse("meetings:search"), {"q": "zzzz"}).content.decode()
    html = client.get(reverse("meetings:search")).content.decode()
    assert "Inga träffar." not in html and "innehåller" not in html


def test_staff_registers_a_question_prefilled_from_a_slide(client, staff_user, meetings):
    june, september = meetings
    client.force_login(staff_user)
    html = client.get(june.get_absolute_url()).content.decode()
    create = reverse("meetings:question-create", args=["2022-06-01"])
    assert f'href="{create}?slide=2"' in html
    form = client.get(create, {"slide": 2}).content.decode()
    assert "Behöver man identifiera sig med e-legitimation?" in form
    response = client.post(
        create,
        {
            "text": "Behöver man identifiera sig?",
            "asked_by": june.attendance.first().organisation_id,
            "asked_on": "2022-04-04",
            "slide_number": 2,
            "status": "open",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.meeting, question.slide_number) == (june, 2)
    # Open: shown on the later meeting's page too.
    assert (
        "Behöver man identifiera sig?" in client.get(september.get_absolute_url()).content.decode()
    )


def test_an_answered_question_leaves_the_later_meeting_pages(client, staff_user, meetings):
    june, september = meetings
    question = Question.objects.create(meeting=june, text="Fråga om Skatteverket")
    client.force_login(staff_user)
    edit = reverse("meetings:question-edit", args=[question.pk])
    invalid = client.post(edit, {"text": "Fråga om Skatteverket", "status": "answered"})
    assert invalid.status_code == 200
    assert "En besvarad fråga behöver ett svar." in invalid.content.decode()
    assert "Fråga om Skatteverket" in invalid.content.decode()  # the input is kept
    response = client.post(
        edit,
        {
            "text": "Fråga om Skatteverket",
            "status": "answered",
            "answer": "Skatteverket har svarat: nej",
            "answered_at": june.pk,
        },
    )
    assert response.status_code == 302
    assert "Fråga om Skatteverket" not in client.get(september.get_absolute_url()).content.decode()
    assert "Skatteverket har svarat: nej" in client.get(june.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["editor_user", "plain_user"])
def test_only_staff_may_create_or_edit_questions(request, client, meetings, role):
    june, _ = meetings
    question = Question.objects.create(meeting=june, text="Orörd")
    client.force_login(request.getfixturevalue(role))
    create = reverse("meetings:question-create", args=["2022-06-01"])
    edit = reverse("meetings:question-edit", args=[question.pk])
    assert client.get(create).status_code == 403
    assert client.post(create, {"text": "Ny", "status": "open"}).status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"text": "Ändrad", "status": "open"}).status_code == 403
    assert list(Question.objects.values_list("text", flat=True)) == ["Orörd"]
    assert "Registrera fråga" not in client.get(june.get_absolute_url()).content.decode()


def test_a_question_asked_again_is_one_question_with_its_answers_in_order(
    client, plain_user, reference, seed_document
):
    june = copy.deepcopy(seed_document)
    june["questions"] = [
        {
            "asked_on": "2022-04-04",
            "text": "Behöver man identifiera sig när man ringer Skatteverket?",
            "answer": "Skatteverket: inväntar svar",
            "slide": 2,
        }
    ]
    save_minutes(june)
    september, _, _ = september_document(copy.deepcopy(seed_document))
    september["questions"] = [
        {
            "asked_on": "2022-04-04",
            "text": "Behöver man identifiera  sig när man ringer skatteverket ?",
            "answer": "Skatteverket: nej, ingen legitimering behövs",
            "slide": 5,
        }
    ]
    summary = save_minutes(september).as_dict()
    question = Question.objects.get()
    assert [a.text for a in question.answers.all()] == [
        "Skatteverket: inväntar svar",
        "Skatteverket: nej, ingen legitimering behövs",
    ]
    assert summary["counts"]["webcert_forum.Question"]["updated"] == 1
    client.force_login(plain_user)
    june_page = client.get(reverse("meetings:detail", args=["2022-06-01"])).content.decode()
    june = table_in(june_page, "fragor")
    assert june.column("Status") == ["Väntar på svar"]
    assert "ingen legitimering" not in june_page  # not yet said in June
    assert "Av" not in june.headers  # nobody said who asked
    later = client.get(reverse("meetings:detail", args=[SEPTEMBER])).content.decode()
    assert table_in(later, "fragor").column("Status") == [f"Besvarad {SEPTEMBER}"]
    assert later.index("inväntar svar") < later.index("ingen legitimering behövs")

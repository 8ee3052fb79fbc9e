"""The new pages × every role: who gets the page, who a 403, on GET and on a valid POST."""

import pytest
from django.urls import reverse

from regions.models import Organisation
from webcert_forum.meetings.models import AgendaItem, SubmittedQuestion

pytestmark = pytest.mark.django_db

ROLES = ["plain_user", "editor_user", "staff_user"]  # the editor edits for jonkoping


@pytest.fixture
def objects(plan, staff_user):
    jkp, hal = Organisation.objects.get(key="jonkoping"), Organisation.objects.get(key="halland")
    return {
        "item": AgendaItem.objects.create(meeting=plan, title="Punkt"),
        "question": SubmittedQuestion.objects.create(meeting=plan, organisation=jkp, text="?"),
        "own_window": jkp.service_windows.create(start_date=plan.date, end_date=plan.date),
        "other_window": hal.service_windows.create(start_date=plan.date, end_date=plan.date),
    }


# (url name, args from objects or literal, GET status per role, POST data, POST status per role)
CASES = [
    ("meetings:next", [], (200, 200, 200), None, None),
    ("meetings:next-invite", [], (200, 200, 200), None, None),
    ("meetings:next-edit", [], (403, 403, 200), {"starts_at": "2031-01-01T10:00"}, (403, 403, 302)),
    ("meetings:agenda-new", [], (403, 403, 200), {"title": "Ny", "position": 3}, (403, 403, 302)),
    (
        "meetings:agenda-edit",
        ["item"],
        (403, 403, 200),
        {"title": "Ändrad", "position": 1},
        (403, 403, 302),
    ),
    (
        "meetings:attendance-notice",
        ["jonkoping"],
        (403, 200, 200),
        {"attends": "nej"},
        (403, 302, 302),
    ),
    (
        "meetings:attendance-notice",
        ["halland"],
        (403, 403, 200),
        {"attends": "nej"},
        (403, 403, 302),
    ),
    (
        "meetings:question-submit",
        ["jonkoping"],
        (403, 200, 200),
        {"text": "Fråga"},
        (403, 302, 302),
    ),
    ("meetings:question-submit", ["halland"], (403, 403, 200), {"text": "Fråga"}, (403, 403, 302)),
    ("meetings:question-to-agenda", ["question"], (405, 405, 405), {}, (403, 403, 302)),
    ("meetings:window-confirm", ["own_window"], (405, 405, 405), {}, (403, 302, 302)),
    ("meetings:window-confirm", ["other_window"], (405, 405, 405), {}, (403, 403, 302)),
    ("meetings:notice-preferences", [], (200, 200, 200), {"reminders": "on"}, (302, 302, 302)),
    ("my-region", [], (302, 200, 200), None, None),
    ("my-region-of", ["jonkoping"], (403, 200, 200), None, None),
    ("my-region-of", ["halland"], (403, 403, 200), None, None),
]


@pytest.mark.parametrize("name, args, get_status, data, post_status", CASES)
def test_role_matrix(request, objects, client, name, args, get_status, data, post_status):
    path = reverse(name, args=[objects[a].pk if a in objects else a for a in args])
    assert client.get(path).status_code == 302  # anonymous: to the login page
    for role, expected_get, expected_post in zip(
        ROLES, get_status, post_status or [None] * 3, strict=True
    ):
        client.force_login(request.getfixturevalue(role))
        assert client.get(path).status_code == expected_get, f"GET {path} as {role}"
        if data is not None:
            assert client.post(path, data).status_code == expected_post, f"POST {path} as {role}"

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.urlmatrix import example_path, page_names

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", page_names())
def test_every_page_requires_login(client, seed_meeting, name):
    path = example_path(name)
    assert path is not None, f"no example arguments for {name}"
    response = client.get(path)
    assert response.status_code == 302, f"{name} answered {response.status_code}"
    assert response.url.startswith(reverse("login"))


MAIN_PAGES = [
    ("overview", {}),
    ("meetings:list", {}),
    ("meetings:detail", {"date": "2022-06-01"}),
    ("regions:list", {}),
    ("regions:detail", {"key": "jonkoping"}),
    ("service_windows:list", {}),
    ("releases:list", {}),
    ("releases:detail", {"version": "6.11.1"}),
    ("statistics:dashboard", {}),
    ("signing:dashboard", {}),
]


@pytest.mark.parametrize("role", ["staff_user", "editor_user", "plain_user", "admin_user"])
@pytest.mark.parametrize("name,kwargs", MAIN_PAGES)
def test_every_main_page_renders_in_swedish_for_every_role(
    request, client, seed_meeting, role, name, kwargs
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert 'href="#main"' in html  # the skip link
    assert "Logga ut" in html


def test_overview_shows_the_latest_meeting_when_nothing_is_upcoming(
    client, staff_user, seed_meeting
):
    client.force_login(staff_user)
    html = client.get("/").content.decode()
    assert "Senaste release" in html and "Webcert 6.11.1" in html
    assert "Inga kommande servicefönster" in html
    assert "2022-09-05 13:00" in html
    # May's national total with the change from April, thousands separated by a space.
    assert "198\xa0592" in html
    assert "+16\xa0630" in html


def test_overview_without_data_says_so(client, staff_user):
    client.force_login(staff_user)
    html = client.get("/").content.decode()
    assert "Ingen statistik är inläst." in html
    assert "Inga servicefönster är planerade." in html


def test_unknown_page_is_a_swedish_404_in_the_site_layout(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert "Huvudmeny" in response.content.decode()


def test_unknown_organisation_and_bad_meeting_date_are_404(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    assert client.get("/regions/atlantis/").status_code == 404
    assert client.get("/meetings/2022-13-40/").status_code == 404


def test_login_page_is_swedish_and_logs_in(client, staff_user):
    page = client.get(reverse("login")).content.decode()
    assert "Användarnamn" in page and "Lösenord" in page
    response = client.post(reverse("login"), {"username": "anna", "password": "pw-anna"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_wrong_password_is_refused_with_a_swedish_message(client, staff_user):
    response = client.post(reverse("login"), {"username": "anna", "password": "fel"})
    assert response.status_code == 200
    assert "korrekt användarnamn och lösenord" in response.content.decode()


# The list pages whose table pages its rows; the seed meeting fills each one page.
PAGED_LISTS = [
    "signing:dashboard",
    "regions:list",
    "service_windows:list",
    "releases:list",
    "meetings:list",
    "meetings:import-history",
]


@pytest.mark.parametrize("name", PAGED_LISTS)
def test_a_list_page_that_does_not_exist_is_a_404_and_its_rows_are_counted_once(
    client, admin_user, seed_meeting, name
):
    client.force_login(admin_user)
    url = reverse(name)
    for page in ("1", "last"):
        assert client.get(url, {"page": page}).status_code == 200, page
    for page in ("2", "0", "-1", "abc", "1.5"):
        assert client.get(url, {"page": page}).status_code == 404, page
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1, counts

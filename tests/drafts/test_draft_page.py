"""Nästa möte → Skapa protokollutkast: staff download the draft."""

import io

import pytest
from pptx import Presentation

from webcert_forum.meetings.drafts import views

URL = "/meetings/draft/"


@pytest.mark.django_db
def test_the_form_proposes_the_next_meeting_and_the_two_months_before(
    client_for, staff_user, seed_meeting
):
    page = client_for(staff_user).get(URL).content.decode()
    assert 'value="2022-09-05"' in page and 'value="2022-07,2022-08"' in page


@pytest.mark.django_db
def test_staff_download_the_pptx(client_for, staff_user, seed_meeting):
    response = client_for(staff_user).get(
        URL, {"meeting_date": "2022-06-01", "months": "2022-04,2022-05", "format": "pptx"}
    )
    assert response.status_code == 200
    assert (
        'filename="webcert-anvandarforum-2022-06-01-utkast.pptx"' in response["Content-Disposition"]
    )
    titles = [
        s.shapes[0].text_frame.text for s in Presentation(io.BytesIO(response.content)).slides
    ]
    assert "3. Drift regioner – planerade servicefönster" in titles


@pytest.mark.django_db
def test_bad_months_are_a_form_error(client_for, staff_user, seed_meeting):
    response = client_for(staff_user).get(
        URL, {"meeting_date": "2022-06-01", "months": "april", "format": "pptx"}
    )
    assert response.status_code == 200
    assert "Ange månader som ÅÅÅÅ-MM" in response.content.decode()


@pytest.mark.django_db
def test_without_libreoffice_the_page_says_so_and_offers_the_pptx_only(
    client_for, staff_user, seed_meeting, monkeypatch
):
    monkeypatch.setattr(views, "soffice", lambda: None)
    client = client_for(staff_user)
    page = client.get(URL).content.decode()
    assert "LibreOffice är inte installerat" in page and 'value="pdf"' not in page
    response = client.get(URL, {"meeting_date": "2022-06-01", "months": "2022-05", "format": "pdf"})
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_staff_download_the_pdf_where_libreoffice_is_installed(
    client_for, staff_user, seed_meeting, needs_soffice
):
    response = client_for(staff_user).get(
        URL, {"meeting_date": "2022-06-01", "months": "2022-05", "format": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_the_meetings_list_links_the_draft_for_staff_only(
    client_for, staff_user, plain_user, seed_meeting
):
    assert URL in client_for(staff_user).get("/meetings/").content.decode()
    assert URL not in client_for(plain_user).get("/meetings/").content.decode()


@pytest.mark.django_db
def test_the_next_meeting_page_offers_the_draft_to_staff_only(
    client_for, staff_user, editor_user, seed_meeting
):
    staff_page = client_for(staff_user).get("/meetings/next/").content.decode()
    editor_page = client_for(editor_user).get("/meetings/next/").content.decode()
    assert f'href="{URL}"' in staff_page and "Skapa protokollutkast" in staff_page
    assert f'href="{URL}"' not in editor_page

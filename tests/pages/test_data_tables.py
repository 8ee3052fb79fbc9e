"""The data tables of the main pages as a reader sees them: captions, headers, rows and their
values (dates as 2022-06-14, thousands spaced, Swedish words), and the empty states."""

import pytest

from tests.tables import table_in, tables_in
from webcert_forum.meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def read(client, staff_user, seed_meeting):
    client.force_login(staff_user)

    def read(path):
        response = client.get(path)
        assert response.status_code == 200, path
        return response.content.decode()

    return read


def test_meeting_page_lists_attendance_with_links(read):
    html = read("/meetings/2022-06-01/")
    table = table_in(html, "narvaro")
    assert table.headers == ["Organisation", "Närvarande"]
    assert ["CGM", "Ja"] in table.rows and ["Capio S:t Görans sjukhus", "Nej"] in table.rows
    assert '<a href="/regions/cgm/">CGM</a>' in html


def test_attendance_matrix_has_a_column_per_meeting_and_the_rate(read):
    Meeting.objects.create(date="2022-09-07")  # no attendance list: every cell "–"
    table = table_in(read("/meetings/attendance/"))
    assert table.caption == "Närvaro per organisation (rader) och möte (kolumner)"
    assert table.headers == ["Organisation", "2022-06-01", "2022-09-07", "Närvaro"]
    assert ["CGM", "Ja", "–", "100 % (1 av 1)"] in table.rows
    assert ["Capio S:t Görans sjukhus", "Nej", "–", "0 % (0 av 1)"] in table.rows


def test_attendance_page_without_attendance_says_so(client, staff_user, reference):
    client.force_login(staff_user)
    html = client.get("/meetings/attendance/").content.decode()
    assert "Ingen närvaro är inläst ännu." in html and "<table" not in html


def test_organisation_page_tables(read):
    html = read("/regions/skane/")
    by_type = table_in(html, "statistics-heading")
    assert by_type.caption == "Maj 2022 per intygstyp, jämfört med riket"
    assert by_type.headers == ["Intygstyp", "Organisationen", "Riket", "Andel av riket (%)"]
    assert ["FK7804", "19 949", "176 276", "11,3"] in by_type.rows
    connection = table_in(html, "connection-heading")
    assert connection.headers == ["Enligt mötet", "Anslutningsdatum"]
    assert connection.rows == [["2022-06-01", "2021-09-29"]]
    attendance = table_in(html, "attendance-heading")
    assert (attendance.headers, attendance.rows) == (["Möte", "Närvarande"], [["2022-06-01", "Ja"]])


def test_organisation_page_windows_and_empty_states(read):
    html = read("/regions/skane/")
    past = table_in(html, "windows-heading", caption="Tidigare servicefönster")
    assert past.headers == [
        "Från",
        "Till",
        "Längd",
        "Berörda system / anteckning",
        "Källa",
        "Senast ändrad av",
        "Åtgärder",
    ]
    assert past.rows[0][:6] == ["2022-10-04", "2022-10-04", "1 dag", "–", "protokoll", "–"]
    assert "Inga kommande servicefönster." in html
    inera = read("/regions/inera/")
    assert "Inget anslutningsdatum är inläst." in inera
    assert "Organisationen finns inte med i någon närvarolista." in inera


def test_signing_chart_table_counts_statuses_per_meeting(read):
    html = read("/signing/")
    tables = [t for t in tables_in(html) if t.headers == ["Möte", "Status", "Organisationer"]]
    assert len(tables) == 1
    assert ["2022-06-01", "Klart", "1"] in tables[0].rows
    assert ["2022-06-01", "Ej rapporterat", "23"] in tables[0].rows


def test_overview_lists_the_latest_meetings_windows(read):
    table = table_in(read("/"), "windows-heading")
    assert table.headers == ["Organisation", "Från", "Till", "Anteckning"]
    assert table.rows and all(row[0] and row[1].startswith("20") for row in table.rows)

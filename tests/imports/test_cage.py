"""Hostile decks are read in a limited child process: a tripped limit is a refusal naming
it, in Swedish on the web and in one line from the command, and nothing is kept."""

import resource

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from webcert_forum.meetings.models import ImportRun

from . import hostile
from .conftest import import_minutes, row_counts, stored_files
from .pdfs import attendance_deck

pytestmark = pytest.mark.django_db
UPLOAD = reverse("meetings:import")
MIB = 1024 * 1024


def upload(client, data):
    pdf = SimpleUploadedFile("protokoll.pdf", data, content_type="application/pdf")
    return client.post(UPLOAD, {"file": pdf, "meeting_date": "2022-06-01"})


@pytest.fixture
def importer(client, importer_user):
    client.force_login(importer_user)
    return client


@pytest.fixture(scope="module")
def bomb():
    return hostile.content_bomb(4 * hostile.GIB)


def _peak_rss_mib(who):
    return resource.getrusage(who).ru_maxrss / 1024


def test_a_deflate_bomb_is_refused_by_the_memory_limit_and_the_server_stays_small(
    importer, reference, media_root, bomb, settings
):
    assert len(bomb) < 5 * MIB  # a small upload that inflates to 4 GiB
    before_rows, parent_before = row_counts(), _peak_rss_mib(resource.RUSAGE_SELF)
    response = upload(importer, bomb)
    html = response.content.decode()
    assert response.status_code == 200
    assert "krävde mer minne än minnesgränsen (1 GiB)" in html
    assert ImportRun.objects.count() == 0 and row_counts() == before_rows
    assert not media_root.exists() or stored_files(media_root) == []
    # The web process grew by the upload, not by the 4 GiB; the child stayed under its limit.
    parent_growth = _peak_rss_mib(resource.RUSAGE_SELF) - parent_before
    assert parent_growth < 200
    child_peak = _peak_rss_mib(resource.RUSAGE_CHILDREN)
    assert child_peak < settings.MINUTES_PARSE_MEMORY_BYTES / MIB
    print(
        f"bomb: parse child peak {child_peak:.0f} MiB (limit 1024), web process +{parent_growth:.0f} MiB"
    )


def test_the_command_refuses_a_bomb_in_one_line_with_exit_2(reference, tmp_path, bomb):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb)
    before = row_counts()
    code, out, err = import_minutes(path, "--meeting-date", "2022-06-01")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "memory" in err and "1 GiB" in err
    assert row_counts() == before


def test_a_deck_slower_than_the_time_limit_is_refused_naming_it(
    importer, reference, media_root, seed_pdf, settings
):
    settings.MINUTES_PARSE_WALL_SECONDS = 0.05
    response = upload(importer, seed_pdf)
    assert "tog längre tid än tidsgränsen (0,05 sekunder)" in response.content.decode()
    assert ImportRun.objects.count() == 0
    assert not media_root.exists() or stored_files(media_root) == []


def test_script_hidden_past_the_inflate_limit_of_the_object_walk_is_refused(
    importer, reference, media_root
):
    deck = attendance_deck([("Region Stockholm", "Ja")])
    response = upload(importer, hostile.open_action_in_padded_object_stream(deck))
    assert "innehåll som inte gick att granska" in response.content.decode()
    assert ImportRun.objects.count() == 0
    assert not media_root.exists() or stored_files(media_root) == []
    # The same trick without the padding: the walk reaches the script and names it.
    response = upload(importer, hostile.open_action_in_padded_object_stream(deck, padding=10))
    assert "PDF-filen innehåller JavaScript" in response.content.decode()


@pytest.mark.parametrize(
    "action,named",
    [
        (b"<< /S /URI /URI (https://example.com/x) >>", "webbadress som öppnas automatiskt"),
        (b"<< /S /GoToR /F (other.pdf) /D [0 /Fit] >>", "öppnar en annan fil (GoToR)"),
    ],
)
def test_uri_and_remote_go_to_open_actions_are_active_content(importer, reference, action, named):
    deck = attendance_deck([("Region Stockholm", "Ja")])
    data = hostile.open_action_in_padded_object_stream(deck, padding=10, action=action)
    assert named in upload(importer, data).content.decode()
    assert ImportRun.objects.count() == 0


def test_a_deck_with_a_block_of_stream_tokens_is_read_well_inside_the_time_limit(
    importer, reference
):
    """8 MB of `stream` tokens: a quadratic scan needs ~10^13 steps (the old one kept a
    worker busy past 120 s on 0.8 MB); the cage's wall limit would refuse it."""
    deck = attendance_deck([("Region Stockholm", "Ja")], title="Webcert användarforum")
    response = upload(importer, hostile.with_stream_token_block(deck, 8 * MIB))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ImportRun.objects.get().document["attendance"]

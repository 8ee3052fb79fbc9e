"""A deck with the same statistics table twice: read once with a warning when the copies
agree, refused (exit 2, a Swedish message) when they disagree; never a 500 or a stray file."""

import copy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificate_statistics.models import CertificateCount
from tests.importer.deck_factory import SHORT_LABELS, TYPES, render, sample_deck, statistics_rows
from webcert_forum.meetings.models import ImportRun

from .conftest import import_minutes, row_counts, stored_files

pytestmark = pytest.mark.django_db


def deck_with_table_twice(agreeing):
    deck = sample_deck()
    again = copy.deepcopy(deck.statistics[0])
    if not agreeing:
        again.rows = statistics_rows(list(SHORT_LABELS), SHORT_LABELS, TYPES, seed=999)
    deck.statistics.append(again)
    return deck, render(deck)


def test_an_agreeing_copy_is_read_once_with_a_warning(reference, tmp_path):
    deck, pdf = deck_with_table_twice(agreeing=True)
    path = tmp_path / "twice.pdf"
    path.write_bytes(pdf)
    code, out, err = import_minutes(path, "--meeting-date", "2022-06-01")
    assert (code, err) == (0, "")
    assert f"warning: The {deck.statistics[0].month} statistics table (all channels) " in out
    printed = sum(
        1 for table in deck.statistics[:-1] for row in table.rows for cell in row[2] if cell
    )
    assert CertificateCount.objects.count() == printed


def test_disagreeing_copies_are_refused_by_the_command_in_one_line(reference, tmp_path):
    _, pdf = deck_with_table_twice(agreeing=False)
    path = tmp_path / "twice.pdf"
    path.write_bytes(pdf)
    before = row_counts()
    code, out, err = import_minutes(path, "--meeting-date", "2022-06-01")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "printed twice with different numbers" in err
    assert row_counts() == before


def test_disagreeing_copies_are_refused_on_the_web_and_nothing_is_kept(
    client, importer_user, reference, media_root
):
    client.force_login(importer_user)
    _, pdf = deck_with_table_twice(agreeing=False)
    response = client.post(
        reverse("meetings:import"),
        {"file": SimpleUploadedFile("twice.pdf", pdf), "meeting_date": "2022-06-01"},
    )
    assert response.status_code == 200
    assert "En statistiktabell finns två gånger i protokollet med olika siffror" in (
        response.content.decode()
    )
    assert ImportRun.objects.count() == 0
    assert not media_root.exists() or stored_files(media_root) == []

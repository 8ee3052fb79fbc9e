import io

import pytest
from django.core.management import CommandError, call_command
from pptx import Presentation


@pytest.mark.django_db
def test_the_command_writes_the_draft(seed_meeting, tmp_path):
    target = tmp_path / "utkast.pptx"
    out = io.StringIO()
    call_command("draft_deck", "--meeting-date", "2022-06-01", "--months", "2022-04,2022-05",
                 "-o", str(target), stdout=out)  # fmt: skip
    titles = [s.shapes[0].text_frame.text for s in Presentation(target).slides]
    assert "9a. Statistik och användning – utfärdade intyg april" in titles
    assert "9d. Statistik och användning – Webcert Fristående maj" in titles
    assert "2022-06-01" in out.getvalue()


@pytest.mark.django_db
def test_a_bad_month_is_refused_and_nothing_written(seed_meeting, tmp_path):
    target = tmp_path / "utkast.pptx"
    with pytest.raises(CommandError, match="not a month"):
        call_command("draft_deck", "--months", "2022-13", "-o", str(target))
    assert not target.exists()

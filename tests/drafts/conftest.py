import datetime as dt
import io

import pytest
from pptx import Presentation

SEED_DATE = dt.date(2022, 6, 1)
SEED_MONTHS = ["2022-04", "2022-05"]


def slide_tables(pptx: bytes) -> list[tuple[str, list[list[str]]]]:
    """(slide title, rows of cell texts) for every table of the deck."""
    found = []
    for slide in Presentation(io.BytesIO(pptx)).slides:
        title = slide.shapes[0].text_frame.text
        for shape in slide.shapes:
            if shape.has_table:
                rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
                found.append((title, rows))
    return found


@pytest.fixture
def needs_soffice():
    from webcert_forum.meetings.drafts.services import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the draft cannot be converted to PDF")

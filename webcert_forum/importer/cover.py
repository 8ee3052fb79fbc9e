"""The cover slide: the meeting date a deck names itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from .classify import kind_named_by
from .dates import parse_date
from .read import Slide
from .reference import fold


def deck_meeting_date(slides: Sequence[Slide]) -> dt.date | None:
    """A meeting date the deck names itself, on its cover ('Användarforum 1 juni 2022')."""
    covers = [s for s in slides if "användarforum" in fold(s.title)] or list(slides[:1])
    for slide in covers:
        if "användarforum" not in fold(slide.text) and "mötesdatum" not in fold(slide.text):
            continue
        for line in slide.text.split("\n"):
            # A cover listing the points ("Nästa möte 5 september 2022") names other dates.
            if re.search(r"\b20\d\d\b", line) and kind_named_by(fold(line)) is None:
                date = parse_date(line, None)
                if date:
                    return date
    return None

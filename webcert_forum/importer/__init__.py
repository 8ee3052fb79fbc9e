"""The PDF importer: forum minutes -> the ``webcert-forum-minutes/1`` document.

Plain functions over plain data; no Django here: the label lists are passed in, and each
app's part of the document is declared in its own ``minutes.py`` (see ``parts``).
"""

from .errors import SWEDISH_MESSAGES, MinutesImportError
from .parts import MinutesPart, registered
from .pipeline import parse_minutes
from .reference import Reference

__all__ = [
    "MinutesImportError",
    "Reference",
    "SWEDISH_MESSAGES",
    "MinutesPart",
    "parse_minutes",
    "registered",
]

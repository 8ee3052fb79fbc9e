"""The PDF importer: forum minutes -> the ``webcert-forum-minutes/1`` document.

Plain functions over plain data; no Django here (only the save step, elsewhere, touches
the database).
"""

from .errors import SWEDISH_MESSAGES, MinutesImportError
from .pipeline import parse_minutes
from .reference import Reference, default_reference

__all__ = [
    "MinutesImportError",
    "Reference",
    "SWEDISH_MESSAGES",
    "default_reference",
    "parse_minutes",
]

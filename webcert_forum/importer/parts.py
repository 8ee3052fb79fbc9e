"""The parts of the minutes document, each declared by the app that owns it (its
``minutes.py``, as ``PARTS``), so that a new section of the deck is one file.

A part says which slides it reads (section kinds) and how (its parser), which document keys
it fills, which of their fields hold an organisation key, how the warning for a missing
section names it, and what else it checks. The Django side of a part (its saver and what
changed since the previous meeting) is named by dotted path, so a ``minutes.py`` imports
without Django and the importer never imports an app: apps are found by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

# The apps with a part, for tools that parse decks without Django (bench scripts). The site
# finds the same parts through INSTALLED_APPS when its app registry is ready.
FORUM_APPS = (
    "webcert_forum.meetings",
    "regions",
    "releases",
    "certificate_statistics",
    "signing_rollout",
)


@dataclass(frozen=True)
class MinutesPart:
    # The document keys it fills; a parser of several keys returns one value per key.
    keys: tuple[str, ...]
    # Section kinds whose slides ``parse`` reads, one slide at a time, in deck order.
    kinds: tuple[str, ...] = ()
    parse: Callable | None = None
    # Read once from the whole deck after the slides, instead of slide by slide.
    whole_deck: bool = False
    # The document holds one value (the first found), not a list of entries.
    single: bool = False
    # Document key -> the entry field that holds an organisation key.
    organisation_fields: dict[str, str] = field(default_factory=dict)
    # How the "Expected section missing" warning names it; empty: the part may be absent.
    expected: str = ""
    # () -> a collector for one deck, called as each slide is read with (the document's
    # lists of ``keys`` so far, the slide's values of ``keys``): it adds the values to the
    # lists itself, dropping what it must, and returns warnings (or raises
    # ``MinutesImportError``), so a check runs as the deck is read and needs no index over
    # the whole document. Without one, the values are appended.
    collector: Callable | None = None
    # "app.module.function" (meeting, *values of keys, summary, orgs): writes the part.
    save: str = ""
    # "app.module.function" (previous meeting, meeting) -> what changed since the previous.
    changes: str = ""

    def empty(self):
        return None if self.single else []

    def values(self, document: dict) -> list:
        """The part's values in a document, absent keys as empty."""
        return [document.get(key) or self.empty() for key in self.keys]


_registered: list[MinutesPart] = []


def register(parts: Iterable[MinutesPart]) -> None:
    for part in parts:
        if part not in _registered:
            _registered.append(part)


def discover(packages: Iterable[str]) -> list[MinutesPart]:
    """Register the ``PARTS`` of each package's ``minutes`` module (packages without one
    are skipped) and return every registered part."""
    for package in packages:
        try:
            module = importlib.import_module(f"{package}.minutes")
        except ModuleNotFoundError as error:
            if error.name != f"{package}.minutes":
                raise
            continue
        register(getattr(module, "PARTS", ()))
    return registered()


def registered() -> list[MinutesPart]:
    """The registered parts, in the order of their apps; the forum's apps when none are."""
    return list(_registered) if _registered else discover(FORUM_APPS)


def organisation_fields(parts: Sequence[MinutesPart] | None = None) -> dict[str, str]:
    """Document key -> the field holding an organisation key, over every part."""
    fields: dict[str, str] = {}
    for part in parts if parts is not None else registered():
        fields.update(part.organisation_fields)
    return fields

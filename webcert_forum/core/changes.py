"""What changed in one section from one meeting to the next.

An app reads its section of a meeting as a plain {label: value} snapshot; ``compare`` is a
pure function over two snapshots, so every section is compared the same way and the
comparison is tested without a database.
"""

from dataclasses import dataclass, field


@dataclass
class SectionChanges:
    title: str
    added: list = field(default_factory=list)  # [(label, new)]
    changed: list = field(default_factory=list)  # [(label, old, new)]
    removed: list = field(default_factory=list)  # [(label, old, what happened)]
    notes: list = field(default_factory=list)  # free lines, e.g. "312 nya celler för 2022-05"

    def __bool__(self):
        return bool(self.added or self.changed or self.removed or self.notes)


# What a label that left the minutes is called when its section knows no better.
NO_LONGER_IN_MINUTES = "inte längre i protokollet"


def compare(title, previous, current, gone=None):
    """New, changed and gone labels between two {label: value} snapshots, sorted by label.
    `gone(label)` says what happened to one that left ("genomförd 2022-06-14"), or None
    when the section cannot tell: a label missing from the minutes is not proof it is gone."""
    changes = SectionChanges(title)
    for label in sorted(current.keys() - previous.keys()):
        changes.added.append((label, current[label]))
    for label in sorted(current.keys() & previous.keys()):
        if current[label] != previous[label]:
            changes.changed.append((label, previous[label], current[label]))
    for label in sorted(previous.keys() - current.keys()):
        what = (gone(label) if gone else None) or NO_LONGER_IN_MINUTES
        changes.removed.append((label, previous[label], what))
    return changes

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
    removed: list = field(default_factory=list)  # [(label, old)]
    notes: list = field(default_factory=list)  # free lines, e.g. "312 nya celler för 2022-05"

    def __bool__(self):
        return bool(self.added or self.changed or self.removed or self.notes)


def compare(title, previous, current):
    """New, changed and gone labels between two {label: value} snapshots, sorted by label."""
    changes = SectionChanges(title)
    for label in sorted(current.keys() - previous.keys()):
        changes.added.append((label, current[label]))
    for label in sorted(current.keys() & previous.keys()):
        if current[label] != previous[label]:
            changes.changed.append((label, previous[label], current[label]))
    for label in sorted(previous.keys() - current.keys()):
        changes.removed.append((label, previous[label]))
    return changes

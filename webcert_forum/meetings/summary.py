"""What saving a minutes document did (or, in a preview, would do), per model."""

from collections import defaultdict
from dataclasses import dataclass, field

OUTCOMES = ("created", "updated", "deleted", "unchanged")


@dataclass
class Change:
    model: str
    outcome: str
    description: str
    old: object = None
    new: object = None

    def as_dict(self):
        return {
            "model": self.model,
            "outcome": self.outcome,
            "description": self.description,
            "old": self.old,
            "new": self.new,
        }


@dataclass
class ChangeSummary:
    counts: dict = field(default_factory=lambda: defaultdict(lambda: dict.fromkeys(OUTCOMES, 0)))
    changes: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    meeting_date: str = ""
    since_previous: dict | None = None  # meetings.changes.since_previous
    pictures_error: str = ""  # why the slide pictures could not be made (meetings.pictures)

    def _count(self, model, outcome):
        self.counts[model][outcome] += 1

    def created(self, model, description, new=None):
        self._count(model, "created")
        self.changes.append(Change(model, "created", description, new=new))

    def updated(self, model, description, old=None, new=None):
        self._count(model, "updated")
        self.changes.append(Change(model, "updated", description, old=old, new=new))

    def deleted(self, model, description, old=None):
        self._count(model, "deleted")
        self.changes.append(Change(model, "deleted", description, old=old))

    def unchanged(self, model, n=1):
        self.counts[model]["unchanged"] += n

    def conflict(self, model, description):
        self.conflicts.append({"model": model, "description": description})

    def total(self, outcome):
        return sum(c[outcome] for c in self.counts.values())

    @property
    def line(self):
        """The one line the import command prints."""
        return (
            f"created: {self.total('created')}, updated: {self.total('updated')}, "
            f"unchanged: {self.total('unchanged')}"
        )

    def as_dict(self):
        return {
            "meeting_date": self.meeting_date,
            "counts": {model: dict(c) for model, c in sorted(self.counts.items())},
            "totals": {outcome: self.total(outcome) for outcome in OUTCOMES},
            "changes": [c.as_dict() for c in self.changes],
            "conflicts": list(self.conflicts),
            "since_previous": self.since_previous,
            "pictures_error": self.pictures_error,
        }

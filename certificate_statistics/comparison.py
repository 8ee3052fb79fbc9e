"""Which month a month is compared with: one rule for every page and export that shows a
change between months (the statistics page, its change export, the overview).

The decks do not cover every month (one shows June and August, not July), so a month is
compared with the latest earlier month that has counts, never blindly with the month before;
the months skipped in between are named so the page can say they are missing."""

from dataclasses import dataclass, field

from django.db.models import Max

from webcert_forum.core.months import add_months, month_label

from .models import CertificateCount


@dataclass(frozen=True)
class MonthComparison:
    current: object
    previous: object = None
    missing: list = field(default_factory=list)

    @property
    def current_label(self):
        return month_label(self.current)

    @property
    def previous_label(self):
        return month_label(self.previous) if self.previous else ""

    @property
    def missing_label(self):
        """ "juli 2022" or "juli 2022, augusti 2022": the months with no counts in between."""
        return ", ".join(month_label(m) for m in self.missing)


def compared_month(current):
    """`current` against the latest earlier month with counts (any channel)."""
    previous = CertificateCount.objects.filter(month__lt=current).aggregate(m=Max("month"))["m"]
    missing = []
    if previous is not None:
        month = add_months(previous, 1)
        while month < current:
            missing.append(month)
            month = add_months(month, 1)
    return MonthComparison(current=current, previous=previous, missing=missing)

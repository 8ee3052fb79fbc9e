"""What a statistics page shows: the months, the channel and the subset of organisations and
types, as plain values (so it can key a cache and be read back from a shared URL)."""

import datetime as dt
from dataclasses import dataclass

from webcert_forum.core.months import add_months

ALL = "all"
STANDALONE = "standalone"
# Not stored: the minutes print all channels and the standalone channel only, so the
# integrated (journal-system) volume is computed as all − standalone.
INTEGRATED = "integrated"

CHANNEL_CHOICES = [
    (ALL, "Alla kanaler"),
    (STANDALONE, "Webcert Fristående"),
    (INTEGRATED, "Integrerade (beräknat: alla − fristående)"),
]
CHANNEL_LABELS = dict(CHANNEL_CHOICES)


def channel_value(channel, everything, standalone):
    """The channel's value from the stored channels' sums (None: no row). Integrated is
    all − standalone, and empty without an all-channels sum: no row is not a zero."""
    if channel == INTEGRATED:
        return None if everything is None else everything - (standalone or 0)
    return everything if channel == ALL else standalone


# A one-month period still gets a series worth reading: the two years up to that month.
# Not the whole history by default, so that a page's size does not grow with the years.
DEFAULT_SERIES_MONTHS = 24


def previous_month(month):
    return add_months(month, -1)


def months_before(month, n):
    return add_months(month, -n)


def month_range(first, last):
    """Every month from `first` to `last`, both included."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


@dataclass(frozen=True)
class Selection:
    month_from: dt.date
    month_to: dt.date
    channel: str = ALL
    organisations: tuple = ()  # organisation keys; empty means every organisation
    types: tuple = ()  # certificate type codes; empty means every type
    recipients: tuple = ()

    @property
    def stored_channels(self):
        return (ALL, STANDALONE) if self.channel == INTEGRATED else (self.channel,)

    @property
    def channel_label(self):
        return CHANNEL_LABELS[self.channel]

    @property
    def narrows_types(self):
        return bool(self.types or self.recipients)

    @property
    def series_start(self):
        if self.month_from < self.month_to:
            return self.month_from
        return add_months(self.month_to, 1 - DEFAULT_SERIES_MONTHS)

    def cache_key(self):
        return "|".join(
            [
                f"{self.month_from:%Y-%m}",
                f"{self.month_to:%Y-%m}",
                self.channel,
                ",".join(sorted(self.organisations)),
                ",".join(sorted(self.types)),
                ",".join(sorted(self.recipients)),
            ]
        )

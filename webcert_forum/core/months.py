"""Months as the site shows them ("maj 2022") and counts them (first of the month)."""

import datetime as dt

SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def month_label(month):
    """ "maj 2022" for the first day of May 2022."""
    return f"{SWEDISH_MONTHS[month.month - 1]} {month.year}"


def add_months(day, months):
    """The first of the month ``months`` after (or, negative, before) the month of ``day``."""
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)

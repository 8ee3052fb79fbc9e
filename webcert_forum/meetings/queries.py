"""Reads across meetings: attendance matrix and slide search."""

import re

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from regions.models import Organisation

from .models import Attendance, Meeting, Slide


def attendance_matrix():
    """Organisations × meetings (oldest first): present True/False, None when the minutes do
    not list the organisation; each row with its attendance rate over the listed meetings."""
    meetings = list(Meeting.objects.order_by("date"))
    cells = {
        (org_id, meeting_id): present
        for org_id, meeting_id, present in Attendance.objects.values_list(
            "organisation_id", "meeting_id", "present"
        )
    }
    org_ids = {org_id for org_id, _ in cells}
    rows = []
    for organisation in Organisation.objects.filter(pk__in=org_ids).order_by("name"):
        row = [cells.get((organisation.pk, m.pk)) for m in meetings]
        listed = [c for c in row if c is not None]
        rows.append(
            {
                "organisation": organisation,
                "cells": row,
                "present": sum(listed),
                "listed": len(listed),
                "rate": 100 * sum(listed) / len(listed) if listed else None,
            }
        )
    return {"meetings": meetings, "rows": rows}


def search_slides(query):
    """Slides whose title or text contains the query, newest meeting first.

    SQLite folds only ASCII case in LIKE, so "åtgärd" would miss "Åtgärd" there; searching
    the query's lower, upper and capitalised forms too gives the same hits on both databases
    for the way words are written in the decks.
    """
    forms = {query, query.lower(), query.upper(), query.capitalize()}
    condition = Q()
    for form in forms:
        condition |= Q(text__icontains=form) | Q(title__icontains=form)
    return (
        Slide.objects.filter(condition)
        .select_related("meeting")
        .order_by("-meeting__date", "number")
    )


def highlight(text, query, width=90):
    """An escaped excerpt of `text` around the first hit, the hit in <mark>."""
    match = re.search(re.escape(query), text, flags=re.IGNORECASE)
    if match is None:
        return mark_safe(escape(text[: 2 * width]) + ("…" if len(text) > 2 * width else ""))
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return mark_safe(
        ("…" if start else "")
        + escape(text[start : match.start()])
        + "<mark>"
        + escape(match.group(0))
        + "</mark>"
        + escape(text[match.end() : end])
        + ("…" if end < len(text) else "")
    )

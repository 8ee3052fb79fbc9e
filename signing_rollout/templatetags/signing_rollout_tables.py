"""`{% status_over_meetings_rows over_meetings %}`: the rows of the roll-out's statuses per
meeting, written in one pass (three rows a meeting: 120 with 40 meetings, which the template
loop took 3 ms to write)."""

import datetime as dt

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from webcert_forum.core.numbers import value_writer

register = template.Library()

STATUS_WORDS = {"done": "Klart", "planned": "Planerat"}
OTHER_STATUS = "Ej rapporterat"


@register.simple_tag(takes_context=True)
def status_over_meetings_rows(context, over_meetings):
    """The <tbody>'s rows of _over_meetings_table.html, as its template loop wrote them:
    [(meeting date, status, n)] from queries.status_counts_by_meeting."""
    write = value_writer(context)
    parts = []
    for day, status, n in over_meetings:
        # A date as the filter date:"Y-m-d" writes it (four-digit year and all); anything
        # else through the filter, as the template hands it over.
        if type(day) is dt.date:
            shown = day.isoformat()
        else:
            shown = conditional_escape(
                date_filter(template_localtime(day, use_tz=context.use_tz), "Y-m-d")
            )
        word = STATUS_WORDS.get(status, OTHER_STATUS)
        parts.append(f'<tr><td>{shown}</td><td>{word}</td><td class="num">{write(n)}</td></tr>')
    if not parts:
        return mark_safe('<tr><td colspan="3" class="empty">Inga protokoll.</td></tr>')
    # The dates and numbers are escaped, the words are constants.
    return mark_safe("".join(parts))

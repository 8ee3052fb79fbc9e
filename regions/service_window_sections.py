"""The service windows section of the organisation page (webcert_forum.overview), which
includes it as:

context["windows_section"] = organisation_windows(organisation, request.user)
{% include "regions/_organisation_windows.html" %}
"""

from django.urls import reverse
from django.utils import timezone

from .roles import window_role
from .tables import OrganisationWindowTable

PAST_SHOWN = 10


def organisation_windows(organisation, user):
    today = timezone.localdate()
    role = window_role(user)
    windows = organisation.service_windows.select_related("changed_by")
    upcoming = list(windows.upcoming(today))
    past = list(windows.past(today)[: PAST_SHOWN + 1])

    def rows(items):
        # The links are the table's (its actions column).
        return [
            {
                "window": w,
                "duration": w.duration_text,
                # The editor may edit only their own; the organisation is the same for all rows.
                "may_edit": role.may_change(organisation),
                "may_delete": role.may_delete(w, today),
            }
            for w in items
        ]

    def table(items, caption, empty):
        # The section shows its empty text, not an empty table.
        if not items:
            return None
        return OrganisationWindowTable(
            items,
            caption=caption,
            empty_text=empty,
            may_edit=lambda window: role.may_change(organisation),
            may_delete=lambda window: role.may_delete(window, today),
        )

    return {
        "organisation": organisation,
        "upcoming": rows(upcoming),
        "past": rows(past[:PAST_SHOWN]),
        "upcoming_table": table(
            upcoming, "Kommande servicefönster", "Inga kommande servicefönster."
        ),
        "past_table": table(
            past[:PAST_SHOWN], "Tidigare servicefönster", "Inga tidigare servicefönster."
        ),
        "more_past": len(past) > PAST_SHOWN,
        "may_create": role.may_change(organisation),
        "create_url": reverse("service_windows:create"),
        "list_url": f"{reverse('service_windows:list')}?organisation={organisation.pk}",
        "past_url": f"{reverse('service_windows:list')}?organisation={organisation.pk}&tab=past",
        "feed_url": reverse("regions:feed", args=[organisation.key]),
        "calendar_url": reverse("service_windows:calendar"),
    }

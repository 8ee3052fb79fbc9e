"""Reads of the regions app's own data."""

from django.db.models import Max, Q, Subquery

from .models import ConnectionDate, Organisation


def latest_connection_dates():
    """Each organisation's DB/DOI dates as the latest meeting that lists it states them:
    [{"organisation", "meeting", "dates": [ConnectionDate]}] by organisation name.

    Only the rows of the meetings that are some organisation's latest are read. The dates of
    those meetings come from one grouped pass, not from a subquery per row (which read every
    organisation's rows of every meeting once per row: 28 ms with 40 meetings); a row of such
    a meeting that is not its organisation's latest is dropped below."""
    latest_dates = (
        ConnectionDate.objects.values("organisation")
        .annotate(latest=Max("meeting__date"))
        .order_by()
        .values("latest")
    )
    latest = {}
    rows = ConnectionDate.objects.filter(meeting__date__in=Subquery(latest_dates))
    for c in rows.select_related("organisation", "meeting").order_by("meeting__date", "date"):
        entry = latest.get(c.organisation_id)
        if entry is None or entry["meeting"].date < c.meeting.date:
            entry = {"organisation": c.organisation, "meeting": c.meeting, "dates": []}
            latest[c.organisation_id] = entry
        entry["dates"].append(c)
    return sorted(latest.values(), key=lambda e: e["organisation"].name)


def connection_history(organisation):
    """Every meeting's word on one organisation's connection dates, newest meeting first (its
    first page is the current word), each meeting's dates in order: a
    queryset, so that a page of it is read."""
    return organisation.connection_dates.select_related("meeting").order_by(
        "-meeting__date", "date"
    )


def members_and_groups(organisation):
    """(its members, the groups it is a member of), each by name: one read of the links
    both ways instead of one for each."""
    links = (
        Organisation.members.through.objects.filter(
            Q(from_organisation=organisation) | Q(to_organisation=organisation)
        )
        .select_related("from_organisation", "to_organisation")
        # By the other organisation's name, in the database's order as members.all() is.
        .order_by("to_organisation__name", "from_organisation__name", "pk")
    )
    members, groups = [], []
    for link in links:
        if link.from_organisation_id == organisation.pk:
            members.append(link.to_organisation)
        if link.to_organisation_id == organisation.pk:
            groups.append(link.from_organisation)
    return members, groups


def cumulative_connections(latest):
    """[(date, organisation, preliminary, connected so far)] by each organisation's first
    stated date; `latest` is latest_connection_dates()."""
    firsts = sorted(
        (e["dates"][0].date, e["organisation"].name, e["dates"][0]) for e in latest if e["dates"]
    )
    return [
        (date, name, c.preliminary, c.display_date, n)
        for n, (date, name, c) in enumerate(firsts, start=1)
    ]

"""Reads of the statistics: aggregated in the database, one query each, whatever the number
of months or organisations. The pandas side (frames.py) only reshapes what these return."""

from django.db import connections
from django.db.models import Max, Q, Subquery, Sum

from regions.models import Organisation

from .models import CertificateCount, CertificateTotal, CertificateType
from .selection import ALL, STANDALONE


def national_totals_by_month(channel="all", last=None, month=None):
    """[{"month": date, "total": n}, ...] oldest first; the last `last` months, or only
    `month`, if given."""
    rows = CertificateCount.objects.filter(channel=channel)
    if month is not None:
        rows = rows.filter(month=month)
    if last:
        # The months first, from the (channel, month) index, then the sums of those only:
        # summing every month to keep the last would cost more with every year of history.
        latest = rows.values("month").distinct().order_by("-month")[:last]
        rows = rows.filter(month__in=Subquery(latest))
    rows = rows.values("month").annotate(total=Sum("count")).order_by("-month")
    return sorted(rows, key=lambda r: r["month"])


def latest_month():
    return CertificateCount.objects.aggregate(latest=Max("month"))["latest"]


def _types(selection):
    types = CertificateType.objects.all()
    if selection.types:
        types = types.filter(code__in=selection.types)
    if selection.recipients:
        types = types.filter(recipient__in=selection.recipients)
    return types


def _selected(queryset, selection, *, types=True):
    # Subqueries, not joins: a join reads the organisation or type of every count it sums.
    if selection.organisations:
        queryset = queryset.filter(
            organisation__in=Organisation.objects.filter(key__in=selection.organisations).values(
                "pk"
            )
        )
    if types and selection.narrows_types:
        queryset = queryset.filter(certificate_type__in=_types(selection).values("pk"))
    return queryset


def _by_channel(queryset, channels, *fields, value="count"):
    """[(*fields, all, standalone)]: the stored channels' sums side by side, None where a
    channel has no row, so a channel's value (selection.channel_value) is one step per row.
    Only `channels` are read and summed; the other is None in every row. One channel is a
    plain sum: a FILTER per row cost a quarter of a year's sum."""
    queryset = queryset.filter(channel__in=channels)
    if len(channels) == 1:
        sums = {channels[0]: Sum(value)}
    else:
        sums = {channel: Sum(value, filter=Q(channel=channel)) for channel in (ALL, STANDALONE)}
    summed = queryset.values(*fields).annotate(**sums).order_by().values_list(*fields, *sums)
    rows = _fetched(summed)
    if len(channels) > 1:
        return rows
    if channels[0] == ALL:
        return [(*row, None) for row in rows]
    return [(*row[:-1], None, row[-1]) for row in rows]


def _fetched(queryset):
    """list(queryset) of a values_list() of ids, texts, months and integer sums, read as the
    database driver returns them: Django's own reading calls a converter for every value
    of every row (int() of each sum), which on a year of statistics cost more than the
    query. Both drivers already return these columns as Django would (the months as dates:
    Django's SQLite connection parses declared types); tests/statistics/test_queries.py
    reads every query both ways."""
    query = queryset.query
    if list(queryset._fields) != [*query.values_select, *query.annotation_select]:
        return list(queryset)  # columns in another order than the SELECT's: Django's way
    sql, params = query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def selected_types(selection):
    """The table's columns: every type the filter allows, in the minutes' order."""
    types = _types(selection).order_by("position", "code")
    return list(types.values("id", "code", "name_sv", "recipient", "position"))


def organisation_labels():
    """{id: (name, key)} of every organisation. The sums below group by ids and are named
    here: joining the names onto every count before summing cost more than the sums."""
    organisations = Organisation.objects.order_by().values_list("pk", "name", "key")
    return {pk: (name, key) for pk, name, key in organisations}


def type_labels():
    """{id: (position, code)} of every type."""
    types = CertificateType.objects.order_by().values_list("pk", "position", "code")
    return {pk: (position, code) for pk, position, code in types}


def cells_by_organisation_and_type(selection, channels=None):
    """(organisation id, type id, all, standalone) summed over the period, of `channels`
    (default: the selection's stored channels): the minutes' table, the slide chart, the
    type mix and (both channels) the standalone share all come from these rows."""
    queryset = CertificateCount.objects.filter(
        month__gte=selection.month_from, month__lte=selection.month_to
    )
    return _by_channel(
        _selected(queryset, selection),
        channels or selection.stored_channels,
        "organisation_id",
        "certificate_type_id",
    )


def printed_totals_by_organisation(selection):
    """(organisation id, all, standalone): the printed totals summed over the period."""
    queryset = CertificateTotal.objects.filter(
        month__gte=selection.month_from, month__lte=selection.month_to
    )
    return _by_channel(
        _selected(queryset, selection, types=False),
        selection.stored_channels,
        "organisation_id",
        value="total",
    )


def organisation_totals_by_month(selection, start):
    """(month, organisation name, all, standalone) for every month from `start`."""
    queryset = CertificateCount.objects.filter(month__gte=start, month__lte=selection.month_to)
    return _by_channel(
        _selected(queryset, selection), selection.stored_channels, "month", "organisation__name"
    )


def type_totals_by_month(selection, start):
    """(month, type id, all, standalone) for every month from `start`."""
    queryset = CertificateCount.objects.filter(month__gte=start, month__lte=selection.month_to)
    return _by_channel(
        _selected(queryset, selection), selection.stored_channels, "month", "certificate_type_id"
    )


def organisation_by_month(organisation):
    """Every month of the organisation's history: its total in both channels. Read through
    the organisation's index, so the cost follows its own rows, not the country's."""
    mine = CertificateCount.objects.filter(organisation=organisation)
    return list(
        mine.values("month")
        .annotate(
            all=Sum("count", filter=Q(channel=ALL)),
            standalone=Sum("count", filter=Q(channel=STANDALONE)),
        )
        .order_by("month")
    )


def national_by_month(start):
    """The country's all-channel total per month from `start` (bounded: the scan is)."""
    return dict(
        CertificateCount.objects.filter(month__gte=start, channel=ALL)
        .values("month")
        .annotate(total=Sum("count"))
        .order_by()
        .values_list("month", "total")
    )


def meeting_dates():
    """The forum's meeting dates, to mark on the organisation's trend."""
    meeting = CertificateCount._meta.get_field("meeting").related_model
    return list(meeting.objects.order_by("date").values_list("date", flat=True))


def organisation_beside_country_by_type(organisation, month):
    return list(
        CertificateCount.objects.filter(month=month, channel=ALL)
        .values("certificate_type__code", "certificate_type__name_sv", "certificate_type__position")
        .annotate(
            organisation=Sum("count", filter=Q(organisation=organisation)),
            national=Sum("count"),
        )
        .order_by("certificate_type__position", "certificate_type__code")
    )


def latest_months_with_data(selection, n):
    """The `n` latest months up to the selection's last that have any selected count."""
    queryset = CertificateCount.objects.filter(
        month__lte=selection.month_to, channel__in=selection.stored_channels
    )
    months = (
        _selected(queryset, selection).values_list("month", flat=True).distinct().order_by("-month")
    )
    return sorted(months[:n])


def cells_by_month(selection, months):
    """(month, channel, organisation id, type id, count) of the selection's stored channels
    for each of `months` (a short list): the stored rows themselves, one count per month,
    channel and cell (the model's unique constraint), so nothing is summed: grouping them
    cost half the query."""
    if not months:
        return []
    # No range beside the list: with one, the (channel, month) index was read from the
    # bound on, and an upper bound alone would read every earlier month of the history.
    queryset = CertificateCount.objects.filter(
        month__in=months, channel__in=selection.stored_channels
    )
    return _fetched(
        _selected(queryset, selection)
        .order_by()
        .values_list("month", "channel", "organisation_id", "certificate_type_id", "count")
    )

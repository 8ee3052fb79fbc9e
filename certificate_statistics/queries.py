"""Reads of the statistics: aggregated in the database, one query each, whatever the number
of months or organisations. The pandas side (frames.py) only reshapes what these return."""

from django.db.models import Max, Q, Subquery, Sum

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


# One cell of the statistics: its channel, organisation and type (frames.CELL_COLUMNS).
CELL_FIELDS = (
    "channel",
    "organisation__key",
    "organisation__name",
    "certificate_type__code",
    "certificate_type__position",
)


def latest_month():
    return CertificateCount.objects.aggregate(latest=Max("month"))["latest"]


def _selected(queryset, selection, *, types=True):
    if selection.organisations:
        queryset = queryset.filter(organisation__key__in=selection.organisations)
    if types and selection.types:
        queryset = queryset.filter(certificate_type__code__in=selection.types)
    if types and selection.recipients:
        queryset = queryset.filter(certificate_type__recipient__in=selection.recipients)
    return queryset


def selected_types(selection):
    """The table's columns: every type the filter allows, in the minutes' order."""
    types = CertificateType.objects.order_by("position", "code")
    if selection.types:
        types = types.filter(code__in=selection.types)
    if selection.recipients:
        types = types.filter(recipient__in=selection.recipients)
    return list(types.values("id", "code", "name_sv", "recipient", "position"))


def cells_by_organisation_and_type(selection):
    """Both stored channels summed over the period: the minutes' table, the slide chart, the
    type mix and the standalone share all come from these rows."""
    queryset = CertificateCount.objects.filter(
        month__gte=selection.month_from,
        month__lte=selection.month_to,
        channel__in=(ALL, STANDALONE),
    )
    return list(
        _selected(queryset, selection).values(*CELL_FIELDS).annotate(n=Sum("count")).order_by()
    )


def printed_totals_by_organisation(selection):
    queryset = CertificateTotal.objects.filter(
        month__gte=selection.month_from,
        month__lte=selection.month_to,
        channel__in=(ALL, STANDALONE),
    )
    return list(
        _selected(queryset, selection, types=False)
        .values("channel", "organisation__key")
        .annotate(n=Sum("total"))
        .order_by()
    )


def organisation_totals_by_month(selection, months=None, start=None):
    """Each organisation's monthly total: `months` (a list) or every month from `start`."""
    queryset = CertificateCount.objects.filter(
        month__lte=selection.month_to, channel__in=selection.stored_channels
    )
    if months is not None:
        # The lower bound lets the (channel, month) index bound the scan; month__in alone
        # would read every earlier month, so the cost would grow with the history.
        queryset = queryset.filter(month__gte=min(months), month__in=months)
    elif start is not None:
        queryset = queryset.filter(month__gte=start)
    return list(
        _selected(queryset, selection)
        .values("month", "channel", "organisation__key", "organisation__name")
        .annotate(n=Sum("count"))
        .order_by()
    )


def type_totals_by_month(selection, start=None):
    queryset = CertificateCount.objects.filter(
        month__lte=selection.month_to, channel__in=selection.stored_channels
    )
    if start is not None:
        queryset = queryset.filter(month__gte=start)
    return list(
        _selected(queryset, selection)
        .values("month", "channel", "certificate_type__code", "certificate_type__position")
        .annotate(n=Sum("count"))
        .order_by()
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
    """Organisation × type × channel for each of `months` (a short list)."""
    if not months:
        return []
    queryset = CertificateCount.objects.filter(
        month__gte=min(months), month__in=months, channel__in=selection.stored_channels
    )
    return list(
        _selected(queryset, selection)
        .values("month", *CELL_FIELDS)
        .annotate(n=Sum("count"))
        .order_by()
    )

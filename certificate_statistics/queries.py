"""Reads of the statistics: aggregated in the database, one query each."""

from django.db.models import Sum

from .models import CertificateCount


def national_totals_by_month(channel="all", last=None):
    """[{"month": date, "total": n}, ...] oldest first; the last `last` months if given."""
    rows = (
        CertificateCount.objects.filter(channel=channel)
        .values("month")
        .annotate(total=Sum("count"))
        .order_by("-month")
    )
    if last:
        rows = rows[:last]
    return sorted(rows, key=lambda r: r["month"])

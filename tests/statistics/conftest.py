"""Statistics tests: a clean cache per test (the cache outlives a test's rolled-back
database), and a factory for extra months of history."""

import datetime as dt

import pytest
from django.core.cache import cache

from certificate_statistics.cache import bump_version
from certificate_statistics.models import CertificateCount, CertificateTotal, CertificateType
from regions.models import Organisation
from webcert_forum.core.months import add_months


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def add_history(months, *, before=dt.date(2022, 4, 1), organisation_keys=None, count=10):
    """`months` months of counts before `before`: every type, both channels, with the same
    number in every cell. Bulk-created, as an import of many decks would be too slow."""
    organisations = Organisation.objects.filter(
        key__in=organisation_keys
        or Organisation.objects.filter(certificate_counts__isnull=False).values("key")
    ).distinct()
    organisations = list(organisations)
    types = list(CertificateType.objects.all())
    month = before
    counts, totals = [], []
    for _ in range(months):
        month = add_months(month, -1)
        for organisation in organisations:
            for channel, n in (("all", count), ("standalone", 1)):
                counts += [
                    CertificateCount(
                        month=month,
                        channel=channel,
                        organisation=organisation,
                        certificate_type=t,
                        count=n,
                    )
                    for t in types
                ]
                totals.append(
                    CertificateTotal(
                        month=month,
                        channel=channel,
                        organisation=organisation,
                        total=n * len(types),
                    )
                )
    CertificateCount.objects.bulk_create(counts)
    CertificateTotal.objects.bulk_create(totals)
    # bulk_create sends no post_save: tell the cache by hand, as bench/pages.py does.
    bump_version()
    return month

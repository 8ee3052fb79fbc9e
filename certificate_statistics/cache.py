"""Built tables and figures are cached until the statistics change.

Every cache key holds a data version; saving or deleting a count, a printed total, a type or
an organisation replaces the version, so older entries are never read again (and expire on
their own). save_minutes saves row by row, so the signals see every write of an import.

The version lives in the database, not in the cache: every worker and every instance reads
the same one, whether the cache is each process's memory or a shared Redis. It is replaced
inside the writing transaction, so it becomes visible together with the rows it stands for.
"""

import contextvars
import hashlib
import uuid

from django.core.cache import cache

from webcert_forum.core.transactions import in_dry_run

from .models import DataVersion

VERSION_NAME = "statistics"
TIMEOUT = 24 * 60 * 60

# The version an entry being built was read under: the parts it builds (a page its data, the
# data its latest month) are keyed by the same one, without reading it again.
_building_under = contextvars.ContextVar("statistics_version_building_under", default=None)


def data_version():
    version = (
        DataVersion.objects.filter(name=VERSION_NAME).values_list("version", flat=True).first()
    )
    return version or bump_version()


def bump_version():
    # Random, not a counter: a database restored or recreated under a shared cache must not
    # meet the entries built from the data it replaced.
    version = uuid.uuid4().hex
    if not DataVersion.objects.filter(name=VERSION_NAME).update(version=version):
        DataVersion.objects.get_or_create(name=VERSION_NAME, defaults={"version": version})
    return version


def statistics_changed(**kwargs):
    if in_dry_run():
        # An import preview writes and rolls back: nothing changed, the cache stays valid.
        return
    bump_version()


def cached(name, build):
    version = _building_under.get() or data_version()
    key = f"statistics:{version}:{hashlib.sha1(name.encode()).hexdigest()}"

    def build_under_version():
        token = _building_under.set(version)
        try:
            return build()
        finally:
            _building_under.reset(token)

    return cache.get_or_set(key, build_under_version, timeout=TIMEOUT)

"""Built tables and figures are cached until the statistics change.

Every cache key holds a data version; saving or deleting a count, a printed total, a type or
an organisation replaces the version, so older entries are never read again (and expire on
their own). save_minutes saves row by row, so the signals see every write of an import."""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from webcert_forum.core.transactions import in_dry_run

VERSION_KEY = "statistics:data-version"
TIMEOUT = 24 * 60 * 60


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # A random version, not a counter: a counter restarting at 1 after an eviction
        # could meet entries built from older data.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def statistics_changed(**kwargs):
    if in_dry_run():
        # An import preview writes and rolls back: nothing changed, the cache stays valid.
        return
    bump_version()
    # Again after commit: a page built by another request while the import's transaction
    # was still open saw the old rows under the new version.
    transaction.on_commit(bump_version)


def cached(name, build):
    digest = hashlib.sha1(name.encode()).hexdigest()
    return cache.get_or_set(f"statistics:{data_version()}:{digest}", build, timeout=TIMEOUT)

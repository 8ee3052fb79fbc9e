"""A dry run: writes made to see what they would do, then rolled back."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

_dry_run = ContextVar("dry_run", default=False)


@contextmanager
def rolled_back():
    """An atomic block that is always rolled back, so nothing in it is kept."""
    token = _dry_run.set(True)
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        _dry_run.reset(token)


def in_dry_run():
    """True inside ``rolled_back()``: a cache need not forget what nothing changed."""
    return _dry_run.get()

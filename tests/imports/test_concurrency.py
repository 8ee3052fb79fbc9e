"""Two confirmations of one preview at the same moment (double click, two tabs)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from webcert_forum.meetings.imports import runs as imports
from webcert_forum.meetings.models import ImportRun

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers itself; row locks are what PostgreSQL needs",
)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_confirmations_save_once(importer_user, seed_pdf):
    run = imports.start_import(seed_pdf, "juni.pdf", importer_user, dt.date(2022, 6, 1))
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm():
        try:
            barrier.wait()
            imports.confirm_import(run, importer_user)
            outcomes.append("saved")
        except imports.ImportAlreadyDone:
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "saved"]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVED
    # The one save created everything; a second one would have reported it all unchanged.
    assert run.summary["totals"]["created"] > 0

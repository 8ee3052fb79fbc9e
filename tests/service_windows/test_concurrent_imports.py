"""Two different meetings confirmed at the same moment, both listing the same windows."""

import copy
import threading

import pytest
from django.db import connection, connections

from regions.models import ServiceWindow
from webcert_forum.meetings.services import save_minutes

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers itself; row locks are what PostgreSQL needs",
)


@pytest.mark.django_db(transaction=True)
def test_two_meetings_saved_at_once_create_each_window_once(reference, seed_document):
    later = copy.deepcopy(seed_document)
    later["meeting"]["date"] = "2022-09-05"
    barrier = threading.Barrier(2)
    errors = []

    def save(document):
        try:
            barrier.wait()
            save_minutes(document, None)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(d,)) for d in (seed_document, later)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    listed = {(w["org"], w["start"], w["end"]) for w in seed_document["service_windows"]}
    assert ServiceWindow.objects.count() == len(listed)

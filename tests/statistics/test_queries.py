"""The statistics reads return what Django's own reading of the same queries returns, on
SQLite and on PostgreSQL: the same rows, values and Python types (dates, ints, texts, None).

queries.py reads its sums past Django's per-value converters (queries._fetched); these
tests read every query both ways and compare."""

import datetime as dt

import pytest

from certificate_statistics import queries
from certificate_statistics.selection import INTEGRATED, STANDALONE, Selection

from .conftest import add_history

MAY, APRIL = dt.date(2022, 5, 1), dt.date(2022, 4, 1)

SELECTIONS = [
    Selection(month_from=MAY, month_to=MAY),
    Selection(month_from=dt.date(2021, 12, 1), month_to=MAY, channel=INTEGRATED),
    Selection(month_from=APRIL, month_to=MAY, channel=STANDALONE, organisations=("skane",)),
    Selection(
        month_from=dt.date(2022, 1, 1),
        month_to=MAY,
        types=("FK7804", "FK7800"),
        organisations=("skane", "gavleborg"),
    ),
    Selection(month_from=MAY, month_to=MAY, recipients=("Försäkringskassan",)),
]


def _reads(selection):
    start = dt.date(2021, 6, 1)
    return {
        "cells": queries.cells_by_organisation_and_type(selection),
        "printed": queries.printed_totals_by_organisation(selection),
        "by month": queries.cells_by_month(selection, [dt.date(2021, 5, 1), APRIL, MAY]),
        "organisations by month": queries.organisation_totals_by_month(selection, start),
        "types by month": queries.type_totals_by_month(selection, start),
    }


def _typed(rows):
    return sorted((tuple(row), tuple(type(v).__name__ for v in row)) for row in rows)


@pytest.mark.parametrize("selection", SELECTIONS, ids=lambda s: s.cache_key())
def test_the_sums_read_as_django_reads_them(seed_meeting, monkeypatch, selection):
    add_history(5)
    ours = _reads(selection)
    monkeypatch.setattr(queries, "_fetched", list)
    djangos = _reads(selection)
    for name, rows in djangos.items():
        assert rows, name  # every read has rows to compare
        assert _typed(ours[name]) == _typed(rows), name


def test_months_are_dates_and_a_channel_not_read_is_none(seed_meeting):
    add_history(2)
    rows = queries.type_totals_by_month(Selection(month_from=APRIL, month_to=MAY), APRIL)
    assert {row[0] for row in rows} == {APRIL, MAY}
    assert all(type(row[0]) is dt.date for row in rows)
    # Only the all-channels channel is read for that selection: no standalone sums.
    assert {row[-1] for row in rows} == {None}
    assert all(type(row[-2]) is int for row in rows)


def test_the_months_cells_are_the_stored_counts_of_the_channels_shown(seed_meeting):
    add_history(2)
    integrated = Selection(month_from=MAY, month_to=MAY, channel=INTEGRATED)
    rows = queries.cells_by_month(integrated, [APRIL, MAY])
    assert {(month, channel) for month, channel, *_ in rows} == {
        (APRIL, "all"),
        (APRIL, "standalone"),
        (MAY, "all"),
        (MAY, "standalone"),
    }
    # One row per month, channel and cell: nothing summed twice.
    assert len({tuple(row[:4]) for row in rows}) == len(rows)
    only_standalone = Selection(month_from=MAY, month_to=MAY, channel=STANDALONE)
    assert {row[1] for row in queries.cells_by_month(only_standalone, [MAY])} == {"standalone"}

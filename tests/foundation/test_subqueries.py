"""core.subqueries.first_row: several fields of a related row in one subquery, each as a
subquery of that one field gives it."""

import pytest
from django.db.models import OuterRef, Subquery

from regions.models import ConnectionDate, Organisation
from webcert_forum.core.subqueries import first_row
from webcert_forum.meetings.models import Attendance

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model, order, fields",
    [
        (Attendance, ("-meeting__date",), {"present": "present", "meeting_date": "meeting__date"}),
        (
            ConnectionDate,
            ("-meeting__date", "date"),
            {"date": "date", "month_only": "month_only", "preliminary": "preliminary"},
        ),
    ],
)
def test_first_row_gives_what_a_subquery_per_field_gives(seed_meeting, model, order, fields):
    rows = model.objects.filter(organisation=OuterRef("pk")).order_by(*order)
    organisations = Organisation.objects.annotate(
        row=first_row(rows, **fields),
        **{name: Subquery(rows.values(path)[:1]) for name, path in fields.items()},
    )
    seen = {"row": 0, "none": 0}
    for organisation in organisations:
        if organisation.row is None:
            seen["none"] += 1
            assert all(getattr(organisation, name) is None for name in fields)
            continue
        seen["row"] += 1
        for name in fields:
            value = getattr(organisation.row, name)
            assert value == getattr(organisation, name)
            assert type(value) is type(getattr(organisation, name))
    # Both cases were seen: organisations with rows and without.
    assert seen["row"] and seen["none"]

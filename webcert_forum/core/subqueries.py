"""Several fields of one related row, read in one correlated subquery."""

from types import SimpleNamespace

from django.db.models import JSONField, Subquery
from django.db.models.functions import JSONObject


def first_row(rows, **fields):
    """Subquery: the first of `rows` (a queryset correlated with OuterRef) as an object whose
    attributes are `fields` (name=path), each its model field's Python value; None when
    there is no row.

    A Subquery per field runs the same lookup and sort once per field and outer row, and
    each is compiled on its own: a list of organisations with a few facts from each of three
    sources spent most of its query there. The database writes the row as a JSON object."""
    row = rows.values(row=JSONObject(**fields))[:1]
    # JSONObject's expressions are its keys and their columns in turn, the columns resolved.
    columns = row.query.annotations["row"].get_source_expressions()[1::2]
    return Subquery(
        row,
        output_field=_RowField(
            {name: column.output_field for name, column in zip(fields, columns, strict=True)}
        ),
    )


class _RowField(JSONField):
    """JSON reads back as strings, numbers and, on SQLite, 0/1 for booleans: each value goes
    through its field's to_python, as a date, a bool… (the same values a Subquery of that
    one field gives)."""

    def __init__(self, fields):
        super().__init__()
        self.row_fields = fields

    def from_db_value(self, value, expression, connection):
        values = super().from_db_value(value, expression, connection)
        if values is None:
            return None
        return SimpleNamespace(
            **{name: field.to_python(values[name]) for name, field in self.row_fields.items()}
        )

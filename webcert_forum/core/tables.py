"""CSV/XLSX exports that a spreadsheet cannot mistake for formulas (OWASP "CSV Injection"):
text from a PDF or a form that starts with = + - @ (or a tab/CR) is prefixed with a quote.

Every exporting list view uses ``SafeExportMixin``; a table whose values are also exported
elsewhere derives from ``SafeTable``.
"""

import django_tables2 as tables
from django_tables2.export import ExportMixin, TableExport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Numbers stay numbers, negative changes included; only text is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeTable(tables.Table):
    """A table whose exported values are spreadsheet-safe, whoever exports it."""

    def as_values(self, exclude_columns=None):
        for row in super().as_values(exclude_columns):
            yield [neutralise(value) for value in row]


class SafeTableExport(TableExport):
    """Headers and cells neutralised; a table may add a last row with ``export_footer``."""

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        footer = getattr(table, "export_footer", None)
        if footer is not None and len(dataset):
            dataset.append(footer(exclude_columns or ()))
        safe = type(dataset)(title=dataset.title)
        safe.headers = [neutralise(h) for h in dataset.headers]
        for row in dataset:
            safe.append([neutralise(v) for v in row])
        return safe


class SafeExportMixin(ExportMixin):
    export_class = SafeTableExport
    export_formats = (TableExport.CSV, TableExport.XLSX)

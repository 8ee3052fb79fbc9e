"""CSV/XLSX exports that a spreadsheet cannot mistake for formulas (OWASP "CSV Injection"):
text from a PDF or a form that starts with = + - @ (or a tab/CR) gets a quote in front.

So does every part of the text after a `,` or a `;`: Excel splits a CSV on the separator of
its locale, which for Swedish Excel is `;`, so `x;=2*21;` is three cells there, the second a
formula, though the file's own separator is `,` (and the other way round)."""

import re

from django_tables2.export import ExportMixin, TableExport

# The start of the text or of a part after a separator, then spaces or an opening quote.
_FORMULA_CELL = re.compile(r"""(^|[,;])(\s*["']?)(?=[=+\-@\t\r])""")


def neutralise(value):
    """Numbers stay numbers, negative changes included; only text is quoted."""
    if isinstance(value, str):
        return _FORMULA_CELL.sub(r"\1\2'", value)
    return value


class SafeTableExport(TableExport):
    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        rows = [tuple(neutralise(v) for v in row) for row in dataset]
        headers = dataset.headers
        dataset.wipe()
        dataset.headers = headers
        for row in rows:
            dataset.append(row)
        return dataset


class SafeExportMixin(ExportMixin):
    export_class = SafeTableExport
    export_formats = (TableExport.CSV, TableExport.XLSX)

"""CSV/XLSX exports that a spreadsheet cannot mistake for formulas (OWASP "CSV Injection"):
text from a PDF or a form that starts with = + - @ (or a tab/CR) gets a quote in front.

So does every part of the text after a `,` or a `;`: Excel splits a CSV on the separator of
its locale, which for Swedish Excel is `;`, so `x;=2*21;` is three cells there, the second a
formula, though the file's own separator is `,` (and the other way round).

Every exporting list view uses ``SafeExportMixin``; a table whose values are also exported
elsewhere derives from ``SafeTable``.
"""

import re

import django_tables2 as tables
from django_tables2.export import ExportMixin, TableExport

# The start of the text or of a part after a separator, then spaces or a double quote. Not
# after a single quote: that is what neutralising adds, so a second pass changes nothing.
_FORMULA_CELL = re.compile(r"""(^|[,;])(\s*"?)(?=[=+\-@\t\r])""")


def neutralise(value):
    """Numbers stay numbers, negative changes included; only text is quoted."""
    if isinstance(value, str):
        return _FORMULA_CELL.sub(r"\1\2'", value)
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


EXPORT_LABELS = {TableExport.CSV: "CSV", TableExport.XLSX: "Excel (XLSX)"}


class SafeExportMixin(ExportMixin):
    export_class = SafeTableExport
    export_formats = (TableExport.CSV, TableExport.XLSX)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every filtered row, whatever page is shown: the filters and the order, no page.
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop(self.export_trigger_param, None)
        links = []
        for format in self.export_formats:
            query[self.export_trigger_param] = format
            links.append(
                {"label": EXPORT_LABELS.get(format, format.upper()), "query": query.urlencode()}
            )
        context["export_links"] = links
        return context

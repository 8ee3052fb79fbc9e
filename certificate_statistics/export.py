"""CSV/XLSX export of a dashboard table, safe to open in a spreadsheet."""

from django_tables2.export import TableExport

from webcert_forum.core.tables import neutralise as spreadsheet_safe


class SpreadsheetSafeExport(TableExport):
    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        footer = getattr(table, "export_footer", None)
        if footer is not None and len(dataset):
            dataset.append(footer(exclude_columns or ()))
        safe = type(dataset)(title=dataset.title)
        safe.headers = [spreadsheet_safe(h) for h in dataset.headers]
        for row in dataset:
            safe.append([spreadsheet_safe(v) for v in row])
        return safe

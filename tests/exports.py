"""Reading the CSV and XLSX downloads as Swedish Excel does: the filter rows first, a blank
row, then the table (header first)."""

import csv
import io

import openpyxl

BOM = "\ufeff"


def _split(rows):
    blank = next(i for i, row in enumerate(rows) if not any(v not in (None, "") for v in row))
    preamble = {row[0]: row[1] for row in rows[1:blank] if row and row[0]}
    return preamble, [list(row) for row in rows[blank + 1 :]]


def read_csv(response):
    """(filter rows as {label: value}, table rows); the file as Excel opens it (BOM, `;`)."""
    text = response.content.decode("utf-8")
    assert text.startswith(BOM), "Swedish Excel reads UTF-8 only with a byte-order mark"
    return _split(list(csv.reader(io.StringIO(text[1:]), delimiter=";")))


def read_xlsx(response):
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return _split([list(row) for row in book.active.iter_rows(values_only=True)])


def csv_table(response):
    return read_csv(response)[1]


def xlsx_table(response):
    return read_xlsx(response)[1]


def sheet_table(rows):
    """The table of an export's rows (header first), after the filter rows and the blank."""
    return _split([list(row) for row in rows])[1]

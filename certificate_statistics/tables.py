"""The dashboard's tables. Their data are the plain rows of frames.py (cached), so the
columns of the minutes' table are made per request from the selected types."""

import django_tables2 as tables
from django.utils.html import format_html

from webcert_forum.core.numbers import number_format, of_table
from webcert_forum.core.tables import DataTable, organisation_link_column

NUM = {"td": {"class": "num"}, "th": {"class": "num"}}


class NumberColumn(tables.Column):
    """Right-aligned, thousands separated by a space; an empty cell stays empty, not 0."""

    def __init__(self, *args, decimals=None, short_header=None, **kwargs):
        self.decimals = decimals
        # Under a column group the page shows this; exports keep the full verbose_name.
        self.short_header = short_header
        kwargs.setdefault(
            "attrs", {"td": {"class": "num"}, "th": {"class": "num"}, "tf": {"class": "num"}}
        )
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def render(self, value, table):
        return of_table(table)(value, decimal_pos=self.decimals, force_grouping=True)

    def value_renderer(self, table):
        """render(value, table) for one table, which core.tables writes the cells with;
        None for a subclass that renders otherwise."""
        if type(self).render is not NumberColumn.render:
            return None
        formatter, decimals = of_table(table), self.decimals
        return lambda value: formatter(value, decimal_pos=decimals, force_grouping=True)

    def value(self, value):
        # Exports carry the number itself, so a spreadsheet can compute with it.
        return value


def _footer(key):
    def footer(table):
        value = table.footer_values.get(key)
        return "" if value is None else number_format(value, force_grouping=True)

    return footer


class DifferenceColumn(NumberColumn):
    def render(self, value, table):
        return format_html(
            '<mark class="differs" title="Protokollets totalsumma skiljer sig från summan av '
            'cellerna">≠ {}</mark>',
            of_table(table)(value, force_grouping=True),
        )


def _organisation_column(**kwargs):
    """The organisation's name linked to its page; the rows (frames.py) carry its key."""
    return organisation_link_column(
        lambda value, record: record["key"], verbose_name="Organisation", **kwargs
    )


class MinutesTable(tables.Table):
    """The minutes' table: organisations as rows, types as columns, totals both ways."""

    organisation = _organisation_column(footer="Totalt")

    class Meta:
        template_name = "certificate_statistics/_minutes_table.html"
        attrs = {"class": "data-table data-table--wide", "id": "minutes-table"}
        empty_text = "Ingen statistik matchar filtret."
        order_by = ("organisation",)

    def __init__(self, data, *, types, footer_values, show_printed, **kwargs):
        self.footer_values = footer_values
        self.type_count = len(types)
        self.sum_count = 3 if show_printed else 1
        columns = [
            (t["column"], NumberColumn(verbose_name=t["code"], footer=_footer(t["column"])))
            for t in types
        ]
        columns.append(
            (
                "total",
                NumberColumn(
                    verbose_name="Summa (beräknad)",
                    short_header="Beräknad",
                    footer=_footer("total"),
                ),
            )
        )
        if show_printed:
            columns += [
                (
                    "printed",
                    NumberColumn(
                        verbose_name="Totalsumma (protokollet)",
                        short_header="Protokollet",
                        footer=_footer("printed"),
                    ),
                ),
                ("difference", DifferenceColumn(verbose_name="Avvikelse")),
            ]
        super().__init__(data, extra_columns=columns, **kwargs)

    def export_footer(self, exclude_columns=()):
        """The total row, which django-tables2's export leaves out."""
        row = []
        for column in self.columns:
            if column.name in exclude_columns:
                continue
            row.append(
                "Totalt" if column.name == "organisation" else self.footer_values.get(column.name)
            )
        return row


class ChangeTable(tables.Table):
    organisation = _organisation_column()
    change = NumberColumn(verbose_name="Förändring (antal)")
    change_percent = NumberColumn(verbose_name="Förändring (%)", decimals=1)

    class Meta:
        attrs = {"class": "data-table", "id": "change-table"}
        empty_text = "Ingen statistik matchar filtret."
        order_by = ("organisation",)
        sequence = ("organisation", "previous", "current", "change", "change_percent")

    def __init__(self, data, *, previous_label, current_label, **kwargs):
        super().__init__(
            data,
            extra_columns=[
                ("previous", NumberColumn(verbose_name=previous_label.capitalize())),
                ("current", NumberColumn(verbose_name=current_label.capitalize())),
            ],
            **kwargs,
        )

    def render_change(self, value):
        return f"{'+' if value > 0 else ''}{of_table(self)(value, force_grouping=True)}"

    def value_change(self, value):
        return value

    def value_change_percent(self, value):
        return value

    def render_change_percent(self, value):
        sign = "+" if value > 0 else ""
        return f"{sign}{of_table(self)(value, decimal_pos=1, force_grouping=True)} %"


class OrganisationByTypeTable(DataTable):
    """An organisation's latest month per type beside the country: sections.py's `by_type`."""

    code = tables.Column(verbose_name="Intygstyp")
    organisation = NumberColumn(verbose_name="Organisationen")
    national = NumberColumn(verbose_name="Riket")
    share = NumberColumn(verbose_name="Andel av riket (%)", decimals=1)
    row_headers = True

    class Meta:
        empty_text = "Ingen intygsstatistik för organisationen."

    def render_code(self, value, record):
        return format_html('<abbr title="{}">{}</abbr>', record["name"], value)

    def value_code(self, value):
        return value


class YearOverYearTable(DataTable):
    """A month beside the same month a year earlier, per organisation (linked to its page) or
    per type: the rows of trends.year_over_year."""

    row_headers = True

    class Meta:
        empty_text = "Inget att jämföra."

    def __init__(self, data, *, by, previous_label, current_label, **kwargs):
        if by == "organisation":
            first = _organisation_column()
        else:
            first = tables.Column(verbose_name="Intygstyp")
        super().__init__(
            data,
            extra_columns=[
                (by, first),
                ("previous", NumberColumn(verbose_name=previous_label.capitalize())),
                ("current", NumberColumn(verbose_name=current_label.capitalize())),
                ("change_text", tables.Column(verbose_name="Förändring", attrs=NUM)),
            ],
            **kwargs,
        )


def year_over_year_tables(yoy):
    """The two tables of the dashboard's year-over-year section."""
    labels = {"previous_label": yoy["previous_label"], "current_label": yoy["current_label"]}
    return {
        "organisations": YearOverYearTable(
            yoy["organisations"],
            by="organisation",
            caption="Per organisation",
            attrs={"id": "yoy-organisations"},
            **labels,
        ),
        "types": YearOverYearTable(
            yoy["types"], by="type", caption="Per intygstyp", attrs={"id": "yoy-types"}, **labels
        ),
    }

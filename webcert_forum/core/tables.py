"""CSV/XLSX exports that a spreadsheet cannot mistake for formulas (OWASP "CSV Injection"):
text from a PDF or a form that starts with = + - @ (or a tab/CR) gets a quote in front.

So does every part of the text after a `,` or a `;`: Excel splits a CSV on the separator of
its locale, which for Swedish Excel is `;`, so `x;=2*21;` is three cells there, the second a
formula, though the file's own separator is `,` (and the other way round).

Every exporting list view uses ``SafeExportMixin``; a table whose values are also exported
elsewhere derives from ``SafeTable``.

The files are made for Swedish Excel, which opens a CSV by double-click with the locale's
list separator `;` and reads it as UTF-8 only when it starts with a byte-order mark. Both
CSV and XLSX start with the filter the rows were chosen by, so a file passed on later still
says what it holds; a blank row separates it from the table's header.
"""

import datetime as dt
import functools
import re

import django_tables2 as tables
import tablib
from django.db import models
from django.http import Http404
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language
from django_tables2.export import ExportMixin, TableExport
from django_tables2.rows import BoundRow
from django_tables2.utils import Accessor, AttributeDict, computed_values, signature

from .filters import describe_filter
from .urls import urls_of

CSV_SEPARATOR = ";"
BYTE_ORDER_MARK = "\ufeff"

# The start of the text or of a part after a separator, then spaces or a double quote. Not
# after a single quote: that is what neutralising adds, so a second pass changes nothing.
_FORMULA_CELL = re.compile(r"""(^|[,;])(\s*"?)(?=[=+\-@\t\r])""")


def neutralise(value):
    """Numbers stay numbers, negative changes included; only text is quoted."""
    if isinstance(value, str):
        return _FORMULA_CELL.sub(r"\1\2'", value)
    return value


def rendered_cells(table):
    """Each paginated row of `table` as (row, [(bound column, cell)]), the cells as
    BoundRow.items() gives them (accessor, get_FOO_display, empty values and default,
    render_FOO or the column's render, linkify) and each column's current record and value
    set as it sets them, for attributes that are callables of the row.

    BoundRow asks inspect.signature which arguments a render method takes for every cell;
    that was a third of a table's time. Here it is asked once per column and table. It also
    works out anew for every cell what a column's accessor names on the record (a key, a
    field with choices, an attribute): _ValueReader does that once per column and kind of
    record for the common accessor, one name."""
    columns = list(table.columns)
    renderers = [_cell_renderer(column, table) for column in columns]
    readers = [_ValueReader.of(column) for column in columns]
    for row in table.paginated_rows:
        cells = []
        for column, render, read in zip(columns, renderers, readers, strict=True):
            value = read(row.record) if read else _AS_BOUND_ROW_READS
            if value is _AS_BOUND_ROW_READS:
                cell = row._get_and_render_with(
                    column,
                    render_func=lambda bound_column, value=None, row=row, render=render: render(
                        row, value
                    ),
                    default=column.default,
                )
            elif value in column.column.empty_values:
                cell = column.default
            else:
                cell = render(row, value)
            column.current_value, column.current_record = cell, row.record
            cells.append((column, cell))
        yield row, cells


_AS_BOUND_ROW_READS = object()


class _ValueReader:
    """A cell's value as BoundRow._get_and_render_with reads it, for a column whose accessor
    is one name: a dict's value under that key; a model's get_FOO_display() when the field
    has choices, else its attribute. Whether the field has choices is looked up once per
    model. Anything else (a missing key or attribute, a method, another kind of record)
    returns _AS_BOUND_ROW_READS, and the cell is read the library's way."""

    @classmethod
    def of(cls, bound_column):
        accessor = bound_column.accessor
        single = accessor and Accessor.SEPARATOR not in accessor
        single = single and Accessor.LEGACY_SEPARATOR not in accessor
        # A many-to-many column asks the database whether the value is empty: the library's.
        if not single or isinstance(bound_column.column, tables.ManyToManyColumn):
            return None
        return cls(str(accessor))

    def __init__(self, name):
        self.name = name
        self.display = f"get_{name}_display"
        self.displayed = {}  # model class: whether the cell is get_FOO_display(), or None

    def __call__(self, record):
        if type(record) is dict:
            return record[self.name] if self.name in record else _AS_BOUND_ROW_READS
        displayed = self.displayed.get(type(record), _AS_BOUND_ROW_READS)
        if displayed is _AS_BOUND_ROW_READS:
            displayed = self.displayed[type(record)] = self._displayed(record)
        if displayed is None:
            return _AS_BOUND_ROW_READS
        if displayed:
            return getattr(record, self.display)()
        try:
            value = getattr(record, self.name)
        except Exception:
            return _AS_BOUND_ROW_READS
        # The library calls a callable, unless it alters data or may not be called.
        return _AS_BOUND_ROW_READS if callable(value) else value

    def _displayed(self, record):
        if not isinstance(record, models.Model) or hasattr(record, "__getitem__"):
            return None
        field = Accessor(self.name).get_field(record)
        return bool(getattr(field, "choices", ()) and getattr(record, self.display, None))


def row_attributes(table):
    """A function giving each row's attributes as HTML (BoundRow.attrs.as_html()). When the
    table's row_attrs hold no callable they depend only on whether a row is even or odd, so
    they are worked out once for each instead of once per row."""
    if has_callables(table.row_attrs):
        return lambda row: row.attrs.as_html()
    by_parity = {}

    def attributes(row):
        if type(row) is not BoundRow:  # a pinned row has attributes of its own
            return row.attrs.as_html()
        parity = row.get_even_odd_css_class()
        if parity not in by_parity:
            by_parity[parity] = row.attrs.as_html()
        return by_parity[parity]

    return attributes


def attrs_vary(column, kinds=("th", "td", "tf")):
    """Whether a column's attributes of these kinds may depend on the row (a callable in
    them, the column's or the table's, "cell" standing for a kind not given)."""
    attrs = {**column._table.attrs, **column.column.attrs}
    return any(has_callables(attrs.get(kind, attrs.get("cell", {}))) for kind in kinds)


def column_attrs(column):
    """column.attrs (django-tables2 works them out anew at every access, with the classes
    of ordering): read once per column while table_tags.table_html renders its table,
    since the header, the rows and the footer each ask for them, unless they may depend on
    the row."""
    memo = getattr(column._table, "_column_attrs", None)
    if memo is None:
        return column.attrs
    attrs = memo.get(column.name)
    if attrs is None:
        attrs = column.attrs
        if not attrs_vary(column):
            memo[column.name] = attrs
    return attrs


def has_callables(attrs):
    """Whether attributes (nested dicts included) hold a callable, computed per row or cell."""
    return any(
        callable(value) or (isinstance(value, dict) and has_callables(value))
        for value in attrs.values()
    )


def _cell_renderer(bound_column, table):
    """BoundRow._call_render for one column, its render method's signature read once."""
    link = bound_column.link
    if not link:
        direct = _direct_renderer(bound_column, table)
        if direct:
            return direct
    render = called_with_what_it_takes(bound_column.render)
    if link and callable(link.url):
        link = _link_with_url_function(link)

    def render_cell(row, value):
        offered = row._optional_cell_arguments(bound_column, value)
        content = render(offered)
        return link(content, **offered) if link else content

    return render_cell


def _direct_renderer(bound_column, table):
    """For a column without a link whose render method asks for offered arguments only:
    the arguments that are the same in every row (the table, the column) given once, the
    row's own (value, record, bound row) per cell, instead of a dict of all six per cell
    (a third of the time of a table of numbers). None for any other column."""
    value_renderer = getattr(bound_column.column, "value_renderer", None)
    if value_renderer is not None and bound_column.render == bound_column.column.render:
        # A column that can write a cell from its value alone (NumberColumn) says how, once
        # per table: no arguments to offer per cell.
        render_value = value_renderer(table)
        if render_value is not None:
            return lambda row, value: render_value(value)
    wanted, takes_any = _signature(bound_column.render)
    if takes_any or not _OFFERED.issuperset(wanted):
        return None
    fixed = {"table": table, "column": bound_column.column, "bound_column": bound_column}
    render = functools.partial(
        bound_column.render, **{name: fixed[name] for name in wanted if name in fixed}
    )
    varying = tuple(name for name in wanted if name not in fixed)
    if varying == ("value",):
        return lambda row, value: render(value=value)
    if varying == ():
        return lambda row, value: render()
    if varying == ("value", "record"):
        return lambda row, value: render(value=value, record=row.record)

    def render_cell(row, value):
        offered = {"value": value, "record": row.record, "bound_row": row}
        return render(**{name: offered[name] for name in varying})

    return render_cell


# BoundRow._optional_cell_arguments offers these to a render method or a linkify function.
_OFFERED = frozenset({"value", "record", "column", "bound_column", "bound_row", "table"})


_SIGNATURES = {}


def _signature(function):
    """django_tables2.utils.signature, read once per function body: the names a function
    asks for come from its code alone, so the closures one factory makes (a footer per type
    column) and the bound methods of one class share it. A function whose signature is not
    its code's (decorated, or with __signature__) is read each time."""
    plain = getattr(function, "__func__", function)
    code = getattr(plain, "__code__", None)
    if code is None or hasattr(plain, "__wrapped__") or hasattr(plain, "__signature__"):
        return signature(function)
    key = code, plain is not function
    if key not in _SIGNATURES:
        _SIGNATURES[key] = signature(function)
    return _SIGNATURES[key]


def called_with_what_it_takes(function, offered_names=_OFFERED):
    """call_with_appropriate(function, offered) with the signature read once: a function
    that asks for anything not offered is not called (its result is None)."""
    wanted, takes_any = _signature(function)
    if takes_any:
        return lambda offered: function(**offered)
    if not offered_names.issuperset(wanted):
        return lambda offered: None
    return lambda offered: function(**{name: offered[name] for name in wanted})


def _link_with_url_function(link):
    """LinkTransform.__call__ for `linkify=<function>`, the function's signature read once."""
    url = called_with_what_it_takes(link.url)

    def linked(content, **offered):
        href = url(offered)
        if href is None:
            return content
        attrs = AttributeDict(computed_values(link.attrs or {}, kwargs=offered))
        attrs["href"] = href
        return format_html("<a {}>{}</a>", attrs.as_html(), content)

    return linked


class SafeTable(tables.Table):
    """A table whose exported values are spreadsheet-safe, whoever exports it."""

    def as_values(self, exclude_columns=None):
        for row in super().as_values(exclude_columns):
            yield [neutralise(value) for value in row]


class DateColumn(tables.DateColumn):
    """django-tables2's DateColumn, the same text ({{ value|date:format|default:default }}),
    without compiling that one-line template anew for every cell, which was most of a
    table's time where dates are shown (TemplateColumn builds a Template per render)."""

    def __init__(self, format=None, short=True, *args, **kwargs):
        if format is None:
            format = "SHORT_DATE_FORMAT" if short else "DATE_FORMAT"
        self.format = format
        # A date's text in a language, written once: a column's dates repeat (a status table
        # gives most rows the same meeting's date).
        self.dates_written = {}
        super().__init__(format, short, *args, **kwargs)

    def render(self, value, bound_column):
        if type(value) is dt.date:
            key = (value, get_language())
            text = self.dates_written.get(key)
            if text is None:
                text = self.dates_written[key] = date_filter(value, self.format)
        else:
            # The date filter expects local time, as the template engine hands it.
            text = date_filter(timezone.template_localtime(value), self.format)
        return conditional_escape(text or bound_column.default)


class DateTimeColumn(DateColumn):
    """django-tables2's DateTimeColumn (local time), rendered as DateColumn above."""

    def __init__(self, format=None, short=True, *args, **kwargs):
        if format is None:
            format = "SHORT_DATETIME_FORMAT" if short else "DATETIME_FORMAT"
        super().__init__(format, short, *args, **kwargs)

    def value(self, value, **kwargs):
        # Exports as django-tables2's DateTimeColumn: "2022-09-05 10:00:00+02:00".
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        return super().value(value=value, **kwargs)


class PageLinkColumn(tables.Column):
    """Cells that link to a page as linkify writes them (<a href="…">text</a>), the URL
    reversed once per table (urls_of) instead of once per row: a column of organisations
    or meetings on a page of many rows. `argument(value, record)` is the URL's one argument,
    `text(value)` the link's text and what exports get (the value itself by default)."""

    def __init__(self, viewname, argument, *args, text=None, **kwargs):
        self.viewname, self.argument, self.text = viewname, argument, text
        super().__init__(*args, **kwargs)

    def render(self, value, record):
        # A table works on its own deep copy of its columns: the URL is one table's.
        if not hasattr(self, "_url"):
            self._url = urls_of(self.viewname)
        return format_html(
            '<a href="{}">{}</a>', self._url(self.argument(value, record)), self.value(value)
        )

    def value(self, value):
        return value if self.text is None else self.text(value)


def organisation_link_column(argument=lambda value, record: value.key, **kwargs):
    """Organisation.get_absolute_url's link, the organisation's name as text."""
    return PageLinkColumn("regions:detail", argument, **kwargs)


def meeting_link_column(**kwargs):
    """Meeting.get_absolute_url's link, the meeting's date (2022-06-14) as text."""
    return PageLinkColumn(
        "meetings:detail",
        lambda value, record: value.date.isoformat(),
        text=lambda value: f"{value.date:%Y-%m-%d}",
        **kwargs,
    )


class BooleanColumn(tables.BooleanColumn):
    """django-tables2's BooleanColumn, the same cell (<span class="true">Ja</span>) and export,
    its two cells written once per column instead of once per row (attributes and
    format_html), unless its span's attributes are computed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells_written = {}

    def render(self, value, record, bound_column):
        if has_callables(self.attrs.get("span", {})):
            return super().render(value, record, bound_column)
        shown = self._get_bool_value(record, value, bound_column)
        cell = self.cells_written.get(shown)
        if cell is None:
            cell = self.cells_written[shown] = super().render(value, record, bound_column)
        return cell


class DataTable(SafeTable):
    """A page's data table, laid out by ``templates/_data_table_layout.html``: a caption
    (``caption``; for screen readers only when ``caption_hidden``), headers with
    ``scope="col"``, the first column as row headers when ``row_headers``, and no sorting
    links (the page chose the rows' order), an empty value shown as nothing unless its column
    has a default. ``_table.html`` puts it in the scroll box, which
    is focusable and named by the caption when there is one: on a phone it scrolls with the
    first column fixed (site.css). Exported values stay spreadsheet-safe (``SafeTable``).
    A table's ``Meta`` does not inherit: set ``empty_text`` and the like in each.

    Paginated (RequestConfig, a ``prefix`` for each table of a page), its page links follow
    it (``_table_pages.html``) and return to ``pages_anchor``, an id on the page, if given."""

    caption = ""
    caption_hidden = False
    row_headers = False
    pages_anchor = ""

    def __init__(self, data, *, caption=None, pages_anchor=None, **kwargs):
        if caption is not None:
            self.caption = caption
        if pages_anchor is not None:
            self.pages_anchor = pages_anchor
        kwargs.setdefault("template_name", "_data_table_layout.html")
        kwargs.setdefault("orderable", False)
        kwargs.setdefault("default", "")
        super().__init__(data, **kwargs)

    def layout_rows(self):
        """Each row as (its attributes, [(row header?, the cell's attributes, the cell)]).
        A column's cell attributes are read once per table, not once per cell as
        django-tables2's own template does (so they may not depend on the record)."""
        cell_attrs = [column_attrs(column)["td"].as_html() for column in self.columns]
        row_attrs = row_attributes(self)
        for row, cells in rendered_cells(self):
            yield (
                row_attrs(row),
                [
                    (position == 0 and self.row_headers, cell_attrs[position], cell)
                    for position, (_, cell) in enumerate(cells)
                ],
            )


class SafeTableExport(TableExport):
    """Headers and cells neutralised; a table may add a last row with ``export_footer``;
    `preamble` rows ([label, value]) come first."""

    def __init__(self, *args, preamble=(), **kwargs):
        self.preamble = [list(row) for row in preamble]
        super().__init__(*args, **kwargs)

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        footer = getattr(table, "export_footer", None)
        if footer is not None and len(dataset):
            dataset.append(footer(exclude_columns or ()))
        width = max(len(dataset.headers or ()), 2)
        safe = tablib.Dataset(title=dataset.title)
        # No tablib headers: the preamble comes before the header row.
        for row in [*self.preamble, []] if self.preamble else []:
            safe.append([neutralise(v) for v in row] + [""] * (width - len(row)))
        safe.append(
            [neutralise(h) for h in dataset.headers] + [""] * (width - len(dataset.headers))
        )
        for row in dataset:
            safe.append([self._cell(v) for v in row] + [""] * (width - len(row)))
        return safe

    def _cell(self, value):
        # Swedish Excel reads "9.7" in a CSV as text (or a date): the decimal sign is a comma.
        if self.format == self.CSV and isinstance(value, float):
            return str(value).replace(".", ",")
        return neutralise(value)

    def export(self):
        if self.format == self.CSV:
            return BYTE_ORDER_MARK + self.dataset.export("csv", delimiter=CSV_SEPARATOR)
        return super().export()


EXPORT_LABELS = {TableExport.CSV: "CSV", TableExport.XLSX: "Excel (XLSX)"}


class TablePagesMixin:
    """For a list view whose django-tables2 table pages the rows (``paginate_by``): the list
    view does not page the same rows a second time. Django's paginator counted them once
    more than the table's did, a second COUNT of the filtered rows (django-tables2 issue
    #669). A page that does not exist is still a 404, as the list view made it; the page
    size is the table's (``per_page`` in the query string included)."""

    def paginate_queryset(self, queryset, page_size):
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            self.requested_page = int(page)
        except ValueError:
            if page != "last":
                raise Http404("Sidan finns inte.") from None
            self.requested_page = None
        # No paginator or page of the list view's own: the table's are on the table.
        return None, None, queryset, False

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        requested = getattr(self, "requested_page", None)
        if requested is not None and table.page is not None:
            if not 1 <= requested <= table.paginator.num_pages:
                raise Http404("Sidan finns inte.")
        return table


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

    def export_filter(self):
        """[(label, value)]: the filter the rows were chosen by, "Alla" where none."""
        filterset = getattr(self, "filterset", None)
        return describe_filter(filterset) if filterset is not None else []

    def create_export(self, export_format):
        table = self.get_table(**self.get_table_kwargs())
        title = (self.get_dataset_kwargs() or {}).get("title") or _title_of(table)
        preamble = [[title, ""]] if title else []
        preamble += [[f"Filter: {label}", value] for label, value in self.export_filter()]
        preamble.append(["Uttaget", f"{timezone.localtime():%Y-%m-%d %H:%M}"])
        exporter = self.export_class(
            export_format=export_format,
            table=table,
            exclude_columns=self.exclude_columns,
            dataset_kwargs=self.get_dataset_kwargs(),
            preamble=preamble,
        )
        return exporter.response(filename=self.get_export_filename(export_format))


def _title_of(table):
    model = getattr(table.Meta, "model", None)
    return str(model._meta.verbose_name_plural).capitalize() if model else ""


# Column.footer offers these to a footer function.
_FOOTER_OFFERED = frozenset({"column", "bound_column", "table"})


def footer_text(bound_column):
    """BoundColumn.footer, a footer function's signature read once per function body."""
    column = bound_column.column
    footer = column._footer
    if not callable(footer) or type(column).footer is not tables.Column.footer:
        return bound_column.footer
    offered = {"column": column, "bound_column": bound_column, "table": bound_column._table}
    return called_with_what_it_takes(footer, _FOOTER_OFFERED)(offered)

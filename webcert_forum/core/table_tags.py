"""`{% table_body table %}`: a django-tables2 table's rows, rendered in Python.

django-tables2's own template renders every cell through the template engine, and works out
the column's HTML attributes anew for every cell; that took three quarters of a table's time
(22 of 30 ms for the 29 organisations of /regions/). This tag writes the same markup: the
cells come from django-tables2 itself (BoundRow.items: accessors, render_FOO, linkify,
defaults), each shown as the template shows `{{ cell }}` (localised, escaped unless safe); a
column's attributes are worked out once per table unless they are callables of the record.

Used by templates/_tables2_table.html, the site's DJANGO_TABLES2_TEMPLATE. Registered as a
template library in settings (TEMPLATES OPTIONS "libraries"), since the kit is no app.

`{% table_header_cells table %}` and `{% table_footer_cells table %}` write the header and
footer rows' cells as django_tables2/table.html's loops do (attributes, sort links that keep
the rest of the query, localised and escaped texts), one pass instead of a dozen template
nodes a column.

`{% table_html table %}` (templates/_table.html) renders a table as `{% render_table %}` does,
in the page's template context instead of a new one; `data_table_rows` and `chart_data_rows`
write the rows of the site's data tables.
"""

from urllib.parse import urlencode

from django import template
from django.core.exceptions import ImproperlyConfigured
from django.template.base import render_value_in_context
from django.template.loader import get_template
from django.templatetags.l10n import localize, unlocalize
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .numbers import value_writer
from .tables import attrs_vary, column_attrs, footer_text, rendered_cells, row_attributes

register = template.Library()


def _shown(column, cell, context, write):
    """The cell as django_tables2/table.html writes it."""
    if column.localize is None:
        return write(cell)
    value = localize(cell) if column.localize else unlocalize(cell)
    return render_value_in_context(value, context)


@register.simple_tag(takes_context=True)
def table_html(context, table):
    """{% render_table table %} without a new request context: django-tables2 renders the
    table's template with one, which runs every context processor again for each table
    (the menu's nine reverse() calls: four times over on an organisation's page). The
    template gets what it uses of that context, the table and the request, and the settings
    of a fresh context; cells that render templates (TemplateColumn) still see the page's."""
    request = context.get("request")
    template = get_template(table.template_name)
    values = {"table": table} if request is None else {"table": table, "request": request}
    table_context = context.new(values)
    table_context.autoescape = template.backend.engine.autoescape
    table_context.use_l10n = table_context.use_tz = None
    # As RenderTableNode: TemplateColumn renders its cells in the page's context.
    table.context = context
    table._column_attrs = {}
    try:
        table.before_render(request)
        return template.template.render(table_context)
    finally:
        del table.context, table._column_attrs


@register.simple_tag(takes_context=True)
def table_body(context, table):
    """The <tbody>'s rows (or its empty text) of `table`, page applied."""
    columns = list(table.columns)
    fixed = {
        column.name: column_attrs(column)["td"].as_html()
        for column in columns
        if not attrs_vary(column, kinds=("td",))
    }
    parts = []
    write = value_writer(context)
    row_attrs = row_attributes(table)
    for row, cells in rendered_cells(table):
        parts.append(f"<tr {row_attrs(row)}>")
        for column, cell in cells:
            # rendered_cells sets the column's current record and value first, so attributes
            # that are callables see this row, as in the template.
            attrs = fixed.get(column.name)
            if attrs is None:
                attrs = column.attrs["td"].as_html()
            parts.append(f"<td {attrs}>{_shown(column, cell, context, write)}</td>")
        parts.append("</tr>")
    if not parts and table.empty_text:
        return format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), table.empty_text)
    # Every part is escaped already: the attributes by django-tables2, the cells above.
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def table_header_cells(context, table, short_headers=False):
    """The header row's <th> cells: `{{ column.header }}` (with `short_headers`, the
    column's short_header if it has one, as `{% firstof %}`), linked as django-tables2's
    `{% querystring_replace %}` links them when the column is orderable."""
    query = None
    order_field = table.prefixed_order_by_field
    cells = []
    for column in table.columns:
        header = column.header
        if short_headers:
            header = getattr(column.column, "short_header", None) or header or ""
        shown = render_value_in_context(header, context)
        if column.orderable:
            if query is None:
                # As querystring_replace: a sort link needs the request's query.
                if "request" not in context:
                    raise ImproperlyConfigured("A sortable table needs the request.")
                query = dict(context["request"].GET)
            href = escape(
                "?" + urlencode({**query, order_field: column.order_by_alias.next}, doseq=True)
            )
            shown = f'<a href="{href}">{shown}</a>'
        cells.append(f"<th {column_attrs(column)['th'].as_html()}>{shown}</th>")
    # The attributes are escaped by django-tables2, the texts and links above.
    return mark_safe("\n".join(cells))


@register.simple_tag(takes_context=True)
def table_footer_cells(context, table):
    """The footer row's cells: `<td {{ column.attrs.tf.as_html }}>{{ column.footer }}</td>`."""
    cells = [
        f"<td {column_attrs(column)['tf'].as_html()}>"
        f"{render_value_in_context(footer_text(column), context)}</td>"
        for column in table.columns
    ]
    return mark_safe("\n".join(cells))


@register.simple_tag(takes_context=True)
def data_table_rows(context, table):
    """The <tbody>'s rows of a core.tables.DataTable, as _data_table_layout.html wrote them
    with a template loop (row headers, each column's attributes read once per table)."""
    parts = []
    write = value_writer(context)
    for row_attrs, cells in table.layout_rows():
        parts.append(f"<tr {row_attrs}>")
        for row_header, attrs, cell in cells:
            opening = '<th scope="row"' if row_header else "<td"
            closing = "</th>" if row_header else "</td>"
            shown = write(cell)
            parts.append(f"{opening}{' ' + attrs if attrs else ''}>{shown}{closing}")
        parts.append("</tr>\n")
    if not parts and table.empty_text:
        return format_html(
            '<tr><td colspan="{}" class="empty">{}</td></tr>', len(table.columns), table.empty_text
        )
    # Every part is escaped already: the attributes by django-tables2, the cells above.
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def chart_data_rows(context, rows):
    """The rows of a chart's data table (certificate_statistics/_data_table.html): the first
    cell a row header, the others numbers, an empty one empty; as its template loop wrote
    them, one pass instead of a template node per cell (1 500 cells on /statistics/)."""
    parts = []
    write = value_writer(context)
    for row in rows:
        cells = [
            f'<th scope="row">{write(cell)}</th>'
            if position == 0
            else f'<td class="num">{"" if cell is None else write(cell)}</td>'
            for position, cell in enumerate(row)
        ]
        parts.append(f"<tr>{''.join(cells)}</tr>\n  ")
    # Every cell is escaped by value_writer (render_value_in_context).
    return mark_safe("".join(parts))

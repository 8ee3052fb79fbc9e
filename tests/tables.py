"""Tables as a reader sees them: caption, column headers and each row's cell texts, whatever
the markup (hand-written or django-tables2)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    id: str = ""
    caption: str = ""
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    row_attrs: list = field(default_factory=list)  # each body row's attributes (a dict)

    def column(self, header):
        index = self.headers.index(header)
        return [row[index] for row in self.rows]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.stack = [], []
        self.text = None  # the cell or caption being read
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.stack.append(Table(id=attrs.get("id") or ""))
        elif not self.stack:
            return
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and not self.in_head:
            self.stack[-1].rows.append([])
            self.stack[-1].row_attrs.append(attrs)
        elif tag in ("td", "th", "caption"):
            self.text = []
        elif tag == "br" and self.text is not None:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if not self.stack:
            return
        table = self.stack[-1]
        if tag == "table":
            self.tables.append(self.stack.pop())
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th", "caption") and self.text is not None:
            text = " ".join("".join(self.text).replace("\xa0", " ").split())
            self.text = None
            if tag == "caption":
                table.caption = text
            elif self.in_head:
                table.headers.append(text)
            elif table.rows:
                table.rows[-1].append(text)

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def tables_in(html):
    """Every table of the page, in order."""
    reader = _Reader()
    reader.feed(html)
    return reader.tables


def section(html, heading_id):
    """The part of the page from the heading with this id to the end of its section."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def table_in(html, heading_id=None, *, caption=None, id=None):
    """The first table under the heading (or anywhere), or the one with this caption or id."""
    found = tables_in(section(html, heading_id) if heading_id else html)
    for table in found:
        if (caption is None or table.caption == caption) and (id is None or table.id == id):
            return table
    raise AssertionError(f"no table {caption or id or ''} under {heading_id}")

"""The table beside the map: the same figures per county, for reading and for screen readers."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.text import slugify

from webcert_forum.core.tables import DataTable


class CountyTable(DataTable):
    """measures.sweden_map's counties: the county, the organisation shown for it (linked),
    and the measure's text. Each row names its county's map shape (`data-county`)."""

    county = tables.Column(verbose_name="Län")
    shown = tables.Column(verbose_name="Organisation", default="–")

    caption = "Kartans siffror per län"
    row_headers = True

    class Meta:
        attrs = {"id": "map-table"}
        row_attrs = {"data-county": lambda record: slugify(record["id"])}

    def __init__(self, data, *, measure_label, **kwargs):
        text = tables.Column(verbose_name=measure_label, default="Ingen uppgift")
        super().__init__(data, extra_columns=[("text", text)], **kwargs)

    def render_shown(self, value, record):
        return format_html('<a href="{}">{}</a>', record["url"], value.name)

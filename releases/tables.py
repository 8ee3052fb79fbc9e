import django_tables2 as tables
from django.utils.html import format_html, format_html_join

from webcert_forum.core.tables import DataTable, DateColumn

from .models import Release


class ReleaseTable(tables.Table):
    version = tables.Column(verbose_name="Version", linkify=True)
    name = tables.Column(verbose_name="Release")
    date = DateColumn("Y-m-d", verbose_name="Datum")
    # Not a BooleanColumn: it shows an unknown impact (None) as "Nej", a claim nobody made.
    user_impact = tables.Column(verbose_name="Användarpåverkan", empty_values=())
    items = tables.Column(verbose_name="Planerad utveckling", orderable=False, default="–")
    release_notes_date = DateColumn("Y-m-d", verbose_name="Release notes")

    class Meta:
        model = Release
        fields = ("version", "name", "date", "user_impact", "items", "release_notes_date")
        order_by = "-date"
        empty_text = "Inga releaser är inlästa."

    def render_items(self, value):
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in value))
        )

    def value_items(self, value):
        return "; ".join(value)

    def render_user_impact(self, value):
        return _yes_no_unknown(value)


class IncidentTable(tables.Table):
    """Rows come from queries.latest_incidents(): one a month, newest first."""

    month = DateColumn("F Y", verbose_name="Månad")
    count = tables.Column(
        verbose_name="Antal", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    description = tables.Column(verbose_name="Orsak", attrs={"td": {"class": "slide-text"}})
    meeting = DateColumn(
        "Y-m-d",
        verbose_name="Enligt mötet",
        accessor="meeting__date",
        linkify=lambda record: record.meeting.get_absolute_url(),
    )

    class Meta:
        orderable = False
        empty_text = "Inga produktionsincidenter är inlästa."


def _yes_no_unknown(value):
    # "Användarpåverkan: okänd": the adjective agrees with the noun (en påverkan).
    return {True: "Ja", False: "Nej"}.get(value, "Okänd")


class AnnouncementTable(tables.Table):
    """Rows come from queries.announcement_history(): each with `date_moved_from`."""

    meeting = DateColumn(
        "Y-m-d",
        verbose_name="Möte",
        accessor="meeting__date",
        linkify=lambda record: record.meeting.get_absolute_url(),
    )
    date = tables.Column(verbose_name="Datum enligt mötet", empty_values=())
    user_impact = tables.Column(verbose_name="Användarpåverkan", empty_values=())
    release_notes_date = DateColumn("Y-m-d", verbose_name="Release notes", default="–")

    class Meta:
        orderable = False

    def render_date(self, value, record):
        text = f"{value:%Y-%m-%d}" if value else "ej angivet"
        if record.date_moved_from:
            return format_html(
                "{} <strong>flyttat från {}</strong>", text, f"{record.date_moved_from:%Y-%m-%d}"
            )
        return text

    def render_user_impact(self, value):
        return _yes_no_unknown(value)


class TimelineTable(DataTable):
    """The timeline chart's text alternative: the announced changes it draws."""

    label = tables.Column(verbose_name="När")
    text = tables.Column(verbose_name="Förändring")

    class Meta:
        empty_text = "Inga aviserade förändringar."

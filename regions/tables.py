import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from webcert_forum.core.tables import DataTable, DateTimeColumn, SafeTable, meeting_link_column

from .models import ServiceWindow


class ServiceWindowTable(SafeTable):
    organisation = tables.Column(verbose_name="Organisation", linkify=True)
    start_date = tables.Column(verbose_name="Från", order_by=("start_date", "start_time"))
    end_date = tables.Column(verbose_name="Till", order_by=("end_date", "end_time"))
    duration = tables.Column(verbose_name="Längd", empty_values=(), orderable=False)
    note = tables.Column(verbose_name="Berörda system / anteckning")
    source = tables.Column(verbose_name="Källa")
    changed_by = tables.Column(verbose_name="Senast ändrad av", default="–")
    actions = tables.Column(
        verbose_name="Åtgärder", empty_values=(), orderable=False, exclude_from_export=True
    )

    class Meta:
        model = ServiceWindow
        fields = (
            "organisation",
            "start_date",
            "end_date",
            "duration",
            "note",
            "source",
            "changed_by",
            "actions",
        )
        order_by = ("start_date",)
        empty_text = "Inga servicefönster."

    def __init__(
        self, *args, may_edit=lambda window: False, may_delete=lambda window: False, **kwargs
    ):
        self.may_edit = may_edit
        self.may_delete = may_delete
        super().__init__(*args, **kwargs)

    def render_start_date(self, record):
        return record.start_text

    def render_end_date(self, record):
        return record.end_text

    def render_duration(self, record):
        return record.duration_text

    def render_actions(self, record):
        links = [(reverse("service_windows:history", args=[record.pk]), "Historik")]
        if self.may_delete(record):
            links.insert(0, (reverse("service_windows:delete", args=[record.pk]), "Ta bort"))
        if self.may_edit(record):
            links.insert(0, (reverse("service_windows:edit", args=[record.pk]), "Ändra"))
        return format_html_join(
            " · ",
            '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
            ((url, text, str(record)) for url, text in links),
        )


class OrganisationWindowTable(DataTable, ServiceWindowTable):
    """An organisation's windows on its page: the list's columns but the organisation, in
    the order the page chose."""

    note = tables.Column(verbose_name="Berörda system / anteckning", default="–")

    caption_hidden = True

    class Meta(ServiceWindowTable.Meta):
        exclude = ("organisation",)
        order_by = None


class WindowHistoryTable(tables.Table):
    """Rows come from history.window_history(): one change each, the latest first."""

    date = DateTimeColumn("Y-m-d H:i", verbose_name="När")
    user = tables.Column(verbose_name="Vem", default="import / system")
    kind = tables.Column(verbose_name="Vad")
    changes = tables.Column(verbose_name="Ändringar", empty_values=())

    class Meta:
        orderable = False

    def render_changes(self, value, record):
        if value:
            return format_html(
                "<ul>{}</ul>",
                format_html_join(
                    "",
                    "<li>{}: {} → {}</li>",
                    ((capfirst(c["field"]), c["old"], c["new"]) for c in value),
                ),
            )
        if record["kind"] == "Skapat":
            return f"{record['organisation']} {record['text']}"
        return "–"


class ConnectionHistoryTable(DataTable):
    """Every meeting's word on one organisation's DB/DOI connection date, newest meeting first:
    queries.connection_history's rows."""

    meeting = meeting_link_column(verbose_name="Enligt mötet")
    display_date = tables.Column(verbose_name="Anslutningsdatum", accessor="display_date")

    class Meta:
        empty_text = "Inget anslutningsdatum är inläst."


class WindowTimelineTable(DataTable):
    """The service window timeline's text alternative: the windows it draws."""

    organisation = tables.Column(verbose_name="Organisation")
    start = tables.Column(verbose_name="Från", accessor="start_text")
    end = tables.Column(verbose_name="Till", accessor="end_text")
    note = tables.Column(verbose_name="Berörda system / anteckning", default="–")

    caption = "Servicefönster de kommande sex månaderna"
    caption_hidden = True

    class Meta:
        empty_text = "Inga servicefönster de kommande sex månaderna."


class UpcomingWindowTable(WindowTimelineTable):
    """The overview's nearest windows."""

    note = tables.Column(verbose_name="Anteckning", default="")

    caption = ""

    class Meta:
        empty_text = "Inga servicefönster är planerade."

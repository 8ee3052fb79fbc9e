import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html_join

from webcert_forum.core.tables import SafeTable

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

    def __init__(self, *args, may_edit=lambda window: False, **kwargs):
        self.may_edit = may_edit
        super().__init__(*args, **kwargs)

    def render_start_date(self, record):
        return record.start_text

    def render_end_date(self, record):
        return record.end_text

    def render_duration(self, record):
        return record.duration_text

    def render_actions(self, record):
        links = [(reverse("service_windows:history", args=[record.pk]), "Historik")]
        if self.may_edit(record):
            links = [
                (reverse("service_windows:edit", args=[record.pk]), "Ändra"),
                (reverse("service_windows:delete", args=[record.pk]), "Ta bort"),
            ] + links
        return format_html_join(
            " · ",
            '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
            ((url, text, str(record)) for url, text in links),
        )

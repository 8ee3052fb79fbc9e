import datetime as dt

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html_join

from webcert_forum.core.tables import SafeTable

from .models import ServiceWindow


def duration_text(window):
    """ "2 dagar", "4 tim 30 min": whole days when the window has no times."""
    if window.start_time is None and window.end_time is None:
        days = (window.end_date - window.start_date).days + 1
        return "1 dag" if days == 1 else f"{days} dagar"
    start = dt.datetime.combine(window.start_date, window.start_time or dt.time.min)
    if window.end_time is None:
        end = dt.datetime.combine(window.end_date + dt.timedelta(days=1), dt.time.min)
    else:
        end = dt.datetime.combine(window.end_date, window.end_time)
    minutes = max(int((end - start).total_seconds() // 60), 0)
    hours, minutes = divmod(minutes, 60)
    if hours >= 48 and minutes == 0 and hours % 24 == 0:
        return f"{hours // 24} dagar"
    return f"{hours} tim" + (f" {minutes} min" if minutes else "")


def moment_text(day, time):
    return f"{day:%Y-%m-%d} {time:%H:%M}" if time else f"{day:%Y-%m-%d}"


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
        return moment_text(record.start_date, record.start_time)

    def render_end_date(self, record):
        return moment_text(record.end_date, record.end_time)

    def render_duration(self, record):
        return duration_text(record)

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

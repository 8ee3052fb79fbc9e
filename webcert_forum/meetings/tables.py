import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from webcert_forum.core.tables import DateColumn, DateTimeColumn

from .models import ImportRun, Meeting


class MeetingTable(tables.Table):
    date = DateColumn("Y-m-d", verbose_name="Datum", linkify=True)
    next_meeting = DateTimeColumn("Y-m-d H:i", verbose_name="Nästa möte")
    present_count = tables.Column(verbose_name="Närvarande organisationer")
    slide_count = tables.Column(verbose_name="Bilder")
    pdf = tables.Column(
        verbose_name="Protokoll",
        orderable=False,
        exclude_from_export=True,
        accessor="source_file",
        empty_values=(),
    )

    class Meta:
        model = Meeting
        fields = ("date", "next_meeting", "present_count", "slide_count", "pdf")
        order_by = "-date"
        empty_text = "Inga möten är inlästa ännu."

    def render_pdf(self, record):
        # Written here, not by a template per row (a TemplateColumn renders one per cell).
        if not record.source_file:
            return "–"
        return format_html(
            '<a href="{}">PDF</a>', reverse("meetings:pdf", args=[f"{record.date:%Y-%m-%d}"])
        )


class ImportRunTable(tables.Table):
    created_at = DateTimeColumn("Y-m-d H:i", verbose_name="Uppladdad")
    original_name = tables.Column(verbose_name="Fil")
    meeting_date = DateColumn("Y-m-d", verbose_name="Mötesdatum")
    uploaded_by = tables.Column(verbose_name="Uppladdad av", default="–")
    status = tables.Column(verbose_name="Status")
    saved_at = DateTimeColumn("Y-m-d H:i", verbose_name="Sparad", default="–")
    sha256 = tables.Column(verbose_name="SHA-256", attrs={"td": {"class": "hash"}})
    link = tables.TemplateColumn(
        template_name="webcert_forum/_import_run_link.html",
        verbose_name="",
        orderable=False,
        accessor="pk",
    )

    class Meta:
        model = ImportRun
        fields = (
            "created_at",
            "original_name",
            "meeting_date",
            "uploaded_by",
            "status",
            "saved_at",
            "sha256",
            "link",
        )
        order_by = "-created_at"
        empty_text = "Inga protokoll är uppladdade ännu."

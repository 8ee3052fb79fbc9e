import django_tables2 as tables

from .models import Meeting


class MeetingTable(tables.Table):
    date = tables.DateColumn("Y-m-d", verbose_name="Datum", linkify=True)
    next_meeting = tables.DateTimeColumn("Y-m-d H:i", verbose_name="Nästa möte")
    present_count = tables.Column(verbose_name="Närvarande organisationer")
    slide_count = tables.Column(verbose_name="Bilder")
    pdf = tables.TemplateColumn(
        template_name="webcert_forum/_meeting_pdf_link.html",
        verbose_name="Protokoll",
        orderable=False,
        exclude_from_export=True,
        accessor="source_file",
    )

    class Meta:
        model = Meeting
        fields = ("date", "next_meeting", "present_count", "slide_count", "pdf")
        order_by = "-date"
        empty_text = "Inga möten är inlästa ännu."

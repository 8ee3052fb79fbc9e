import django_tables2 as tables

from .models import Release


class ReleaseTable(tables.Table):
    version = tables.Column(verbose_name="Version", linkify=True)
    name = tables.Column(verbose_name="Release")
    date = tables.DateColumn("Y-m-d", verbose_name="Datum")
    user_impact = tables.BooleanColumn(verbose_name="Användarpåverkan", yesno="Ja,Nej")
    release_notes_date = tables.DateColumn("Y-m-d", verbose_name="Release notes")

    class Meta:
        model = Release
        fields = ("version", "name", "date", "user_impact", "release_notes_date")
        order_by = "-date"
        empty_text = "Inga releaser är inlästa."

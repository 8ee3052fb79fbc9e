import django_tables2 as tables

from .models import CertificateCount


class CertificateCountTable(tables.Table):
    month = tables.DateColumn("Y-m", verbose_name="Månad")
    channel = tables.Column(verbose_name="Kanal")
    organisation = tables.Column(verbose_name="Organisation", linkify=True)
    certificate_type = tables.Column(verbose_name="Intygstyp")
    count = tables.Column(verbose_name="Antal", attrs={"td": {"class": "num"}})

    class Meta:
        model = CertificateCount
        fields = ("month", "channel", "organisation", "certificate_type", "count")
        order_by = ("-month", "channel", "organisation")
        empty_text = "Ingen statistik är inläst."

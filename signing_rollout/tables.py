import django_tables2 as tables

from .models import ProductionStatus, SigningTest


class SigningTestTable(tables.Table):
    vendor_group = tables.Column(verbose_name="Leverantörsgrupp")
    tested_by = tables.Column(verbose_name="Tester utförda av", default="")
    plan = tables.Column(verbose_name="Plan")

    class Meta:
        model = SigningTest
        fields = ("vendor_group", "tested_by", "plan")
        order_by = "vendor_group"
        empty_text = "Inga samverkanstester är inlästa."


class ProductionStatusTable(tables.Table):
    organisation = tables.Column(verbose_name="Organisation", linkify=True)
    status = tables.Column(verbose_name="Status")
    date = tables.DateColumn("Y-m-d", verbose_name="Datum")
    preliminary = tables.BooleanColumn(verbose_name="Preliminärt", yesno="Ja,Nej")
    source = tables.Column(verbose_name="Källa")
    effective = tables.DateColumn("Y-m-d", verbose_name="Uppgiftens datum")

    class Meta:
        model = ProductionStatus
        fields = ("organisation", "status", "date", "preliminary", "source", "effective")
        order_by = "organisation"
        empty_text = "Ingen produktionsstatus matchar."

import django_tables2 as tables
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from webcert_forum.core.tables import DateColumn

from .models import ProductionStatus


class VendorGroupTable(tables.Table):
    """Rows come from queries.vendor_groups_with_tests(): each group with its latest test."""

    name = tables.Column(verbose_name="Leverantörsgrupp")
    test = tables.Column(verbose_name="Samverkanstest", accessor="latest_test", default="–")
    meeting = DateColumn(
        "Y-m-d", verbose_name="Enligt mötet", accessor="latest_test__meeting__date", default="–"
    )
    members = tables.Column(verbose_name="Organisationer i gruppen", accessor="pk")

    class Meta:
        orderable = False
        empty_text = "Inga leverantörsgrupper."

    def render_test(self, value):
        if value.tested_by:
            return f"Klart, testat av {value.tested_by}"
        return value.plan or "–"

    def render_members(self, record):
        members = record.members.all()
        if not members:
            # The minutes only say who tested for a group, not who uses it: no empty claim.
            return mark_safe(  # noqa: S308 constant text
                'okänt<span class="visually-hidden">: protokollen anger inte vilka '
                "organisationer som använder gruppen</span>"
            )
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((m.get_absolute_url(), m) for m in members)
        )


class ProductionStatusTable(tables.Table):
    organisation = tables.Column(verbose_name="Organisation", linkify=True)
    status = tables.Column(verbose_name="Status")
    date = DateColumn("Y-m-d", verbose_name="Datum")
    preliminary = tables.BooleanColumn(verbose_name="Preliminärt", yesno="Ja,Nej")
    source = tables.Column(verbose_name="Källa")
    effective = DateColumn("Y-m-d", verbose_name="Uppgiftens datum")

    class Meta:
        model = ProductionStatus
        fields = ("organisation", "status", "date", "preliminary", "source", "effective")
        order_by = "organisation"
        empty_text = "Ingen produktionsstatus matchar."

from functools import cached_property

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from webcert_forum.core.tables import BooleanColumn, DateColumn, organisation_link_column
from webcert_forum.core.urls import urls_of

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
        members = record.member_list
        if not members:
            # Nobody has said who uses the group: unknown, not "none" (no empty claim).
            return mark_safe(  # noqa: S308 constant text
                'okända<span class="visually-hidden">: ingen har angett vilka '
                "organisationer som använder gruppen</span>"
            )
        return format_html_join(", ", "{}", ((self._member(m),) for m in members))

    def _member(self, membership):
        organisation = membership.organisation
        link = format_html(
            '<a href="{}">{}</a>', self._organisation_url(organisation.key), organisation
        )
        if not membership.from_minutes:
            return link
        return format_html(
            "{} (enligt protokollet{})",
            link,
            f" {membership.meeting.date:%Y-%m-%d}" if membership.meeting else "",
        )

    @cached_property
    def _organisation_url(self):
        # Organisation.get_absolute_url, reversed once per table instead of once per member.
        return urls_of("regions:detail")


class ProductionStatusTable(tables.Table):
    organisation = organisation_link_column(verbose_name="Organisation")
    status = tables.Column(verbose_name="Status")
    date = DateColumn("Y-m-d", verbose_name="Datum")
    preliminary = BooleanColumn(verbose_name="Preliminärt", yesno="Ja,Nej")
    source = tables.Column(verbose_name="Källa")
    effective = DateColumn("Y-m-d", verbose_name="Uppgiftens datum")

    class Meta:
        model = ProductionStatus
        fields = ("organisation", "status", "date", "preliminary", "source", "effective")
        order_by = "organisation"
        empty_text = "Ingen produktionsstatus matchar."

"""The regions list: every organisation with what the other apps know of it."""

import django_tables2 as tables
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import format_html

from regions.models import Organisation
from webcert_forum.core.urls import urls_of

SIGNING_STATUS = {"done": "Klart", "planned": "Planerat", "not_reported": "Ej rapporterat"}


class OrganisationTable(tables.Table):
    """Rows come from queries.organisations_with_facts()."""

    name = tables.Column(verbose_name="Namn")
    kind = tables.Column(verbose_name="Typ")
    county_code = tables.Column(verbose_name="Länskod")
    vendor_group = tables.Column(verbose_name="Leverantörsgrupp", default="okänd")
    latest_present = tables.Column(verbose_name="Senaste närvaro", default="–")
    connection_date = tables.Column(verbose_name="Ansluten DB/DOI", default="–")
    signing_status = tables.Column(verbose_name="Ny underskriftslösning", default="–")
    certificates = tables.Column(
        verbose_name="Intyg senaste månaden",
        default="–",
        attrs={"td": {"class": "num"}, "th": {"class": "num"}},
    )

    class Meta:
        model = Organisation
        fields = (
            "name",
            "kind",
            "county_code",
            "vendor_group",
            "latest_present",
            "connection_date",
            "signing_status",
            "certificates",
        )
        order_by = "name"
        empty_text = "Inga organisationer."

    # The link linkify=True writes, its URL reversed once per table instead of once per row.
    def render_name(self, value, record):
        return format_html('<a href="{}">{}</a>', self._organisation_url(record.key), value)

    def value_name(self, value):
        return value

    @cached_property
    def _organisation_url(self):
        return urls_of("regions:detail")

    def render_latest_present(self, value, record):
        return f"{'Ja' if value else 'Nej'} ({record.latest_meeting_date:%Y-%m-%d})"

    def render_connection_date(self, value, record):
        text = f"{value:%Y-%m}" if record.connection_month_only else f"{value:%Y-%m-%d}"
        return f"{text} (prel.)" if record.connection_preliminary else text

    def render_signing_status(self, value, record):
        text = SIGNING_STATUS.get(value, value)
        if record.signing_date:
            text += f" {record.signing_date:%Y-%m-%d}"
        if record.signing_preliminary:
            text += " (prel.)"
        if record.signing_source == "form":
            text += " – rapporterat i appen"
        return text

    def render_certificates(self, value):
        return number_format(value, force_grouping=True)

    def value_certificates(self, value):
        # Spreadsheets get the number itself, not the grouped text.
        return value


class ConnectionTable(tables.Table):
    """Rows come from regions.queries.latest_connection_dates()."""

    organisation = tables.Column(verbose_name="Organisation")
    dates = tables.Column(verbose_name="Anslutningsdatum")
    meeting = tables.Column(verbose_name="Enligt mötet")

    class Meta:
        orderable = False
        empty_text = "Inga anslutningsdatum är inlästa."

    def render_dates(self, value):
        return ", ".join(c.display_date for c in value)

    # The links of Organisation's and Meeting's get_absolute_url, each URL reversed once per
    # table instead of once per row.
    def render_organisation(self, value):
        return format_html('<a href="{}">{}</a>', self._organisation_url(value.key), value)

    def render_meeting(self, value):
        day = value.date.isoformat()
        return format_html('<a href="{}">{}</a>', self._meeting_url(day), day)

    @cached_property
    def _organisation_url(self):
        return urls_of("regions:detail")

    @cached_property
    def _meeting_url(self):
        return urls_of("meetings:detail")

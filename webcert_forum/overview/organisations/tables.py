"""The regions list: every organisation with what the other apps know of it."""

import django_tables2 as tables

from regions.models import Organisation
from webcert_forum.core.numbers import number_format
from webcert_forum.core.tables import meeting_link_column, organisation_link_column

SIGNING_STATUS = {"done": "Klart", "planned": "Planerat", "not_reported": "Ej rapporterat"}


class OrganisationTable(tables.Table):
    """Rows come from queries.organisations_with_facts()."""

    name = organisation_link_column(lambda value, record: record.key, verbose_name="Namn")
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

    organisation = organisation_link_column(verbose_name="Organisation")
    dates = tables.Column(verbose_name="Anslutningsdatum")
    meeting = meeting_link_column(verbose_name="Enligt mötet")

    class Meta:
        orderable = False
        empty_text = "Inga anslutningsdatum är inlästa."

    def render_dates(self, value):
        return ", ".join(c.display_date for c in value)

"""The regions list: every organisation with what the other apps know of it."""

import django_tables2 as tables

from regions.models import Organisation
from webcert_forum.core.numbers import of_table
from webcert_forum.core.tables import meeting_link_column, organisation_link_column

from .queries import ordered_by_fact

SIGNING_STATUS = {"done": "Klart", "planned": "Planerat", "not_reported": "Ej rapporterat"}


class OrganisationTable(tables.Table):
    """Rows come from queries.organisations_with_facts(). A column of a source's latest row
    shows that row (None: the default) and sorts by its own subquery (order_FOO)."""

    name = organisation_link_column(lambda value, record: record.key, verbose_name="Namn")
    kind = tables.Column(verbose_name="Typ")
    county_code = tables.Column(verbose_name="Länskod")
    vendor_group = tables.Column(verbose_name="Leverantörsgrupp", default="okänd")
    latest_present = tables.Column(
        verbose_name="Senaste närvaro", accessor="latest_attendance", default="–"
    )
    connection_date = tables.Column(
        verbose_name="Ansluten DB/DOI", accessor="latest_connection", default="–"
    )
    signing_status = tables.Column(
        verbose_name="Ny underskriftslösning", accessor="current_signing", default="–"
    )
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

    def render_latest_present(self, value):
        return f"{'Ja' if value.present else 'Nej'} ({value.meeting_date:%Y-%m-%d})"

    def render_connection_date(self, value):
        text = f"{value.date:%Y-%m}" if value.month_only else f"{value.date:%Y-%m-%d}"
        return f"{text} (prel.)" if value.preliminary else text

    def render_signing_status(self, value):
        text = SIGNING_STATUS.get(value.status, value.status)
        if value.date:
            text += f" {value.date:%Y-%m-%d}"
        if value.preliminary:
            text += " (prel.)"
        if value.source == "form":
            text += " – rapporterat i appen"
        return text

    def order_latest_present(self, queryset, is_descending):
        return ordered_by_fact(queryset, "latest_present", is_descending), True

    def order_connection_date(self, queryset, is_descending):
        return ordered_by_fact(queryset, "connection_date", is_descending), True

    def order_signing_status(self, queryset, is_descending):
        return ordered_by_fact(queryset, "signing_status", is_descending), True

    def render_certificates(self, value):
        return of_table(self)(value, force_grouping=True)

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

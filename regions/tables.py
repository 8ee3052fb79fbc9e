import django_tables2 as tables

from .models import Organisation, ServiceWindow


class OrganisationTable(tables.Table):
    name = tables.Column(verbose_name="Namn", linkify=True)
    kind = tables.Column(verbose_name="Typ")
    county_code = tables.Column(verbose_name="Länskod")

    class Meta:
        model = Organisation
        fields = ("name", "kind", "county_code")
        order_by = "name"
        empty_text = "Inga organisationer."


class ServiceWindowTable(tables.Table):
    organisation = tables.Column(verbose_name="Organisation", linkify=True)
    start_date = tables.DateColumn("Y-m-d", verbose_name="Från")
    end_date = tables.DateColumn("Y-m-d", verbose_name="Till")
    note = tables.Column(verbose_name="Anteckning")
    source = tables.Column(verbose_name="Källa")
    changed_by = tables.Column(verbose_name="Senast ändrad av", default="–")

    class Meta:
        model = ServiceWindow
        fields = ("organisation", "start_date", "end_date", "note", "source", "changed_by")
        order_by = "start_date"
        empty_text = "Inga servicefönster."

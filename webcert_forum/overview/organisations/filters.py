import django_filters

from regions.models import Organisation
from signing_rollout.filters import VendorGroupFilter


class OrganisationFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Namn innehåller", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(
        label="Typ", choices=Organisation.Kind.choices, empty_label="Alla"
    )
    vendor_group = VendorGroupFilter()

    class Meta:
        model = Organisation
        fields = ["name", "kind", "vendor_group"]

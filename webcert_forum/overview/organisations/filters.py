import django_filters

from regions.models import Organisation
from signing_rollout.models import OWN_INTEGRATION, VendorGroup, VendorGroupMembership

# The vendor group filter's two answers that are no group: Inera's word that the
# organisation uses none, and nobody's word at all (the list's "okänd").
NO_GROUP = "ingen"
UNKNOWN_GROUP = "okand"


def vendor_group_choices():
    groups = [
        (str(pk), name)
        for pk, name in VendorGroup.objects.order_by("name").values_list("pk", "name")
    ]
    return [*groups, (NO_GROUP, OWN_INTEGRATION), (UNKNOWN_GROUP, "Okänd (ingen har angett)")]


class OrganisationFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Namn innehåller", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(
        label="Typ", choices=Organisation.Kind.choices, empty_label="Alla"
    )
    vendor_group = django_filters.ChoiceFilter(
        label="Leverantörsgrupp",
        choices=vendor_group_choices,
        empty_label="Alla",
        method="filter_vendor_group",
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "vendor_group"]

    def filter_vendor_group(self, queryset, name, value):
        if value == NO_GROUP:
            own = VendorGroupMembership.objects.filter(vendor_group__isnull=True)
            return queryset.filter(pk__in=own.values("organisation"))
        if value == UNKNOWN_GROUP:
            return queryset.filter(vendor_group_memberships__isnull=True)
        # One row each: an organisation is in a group once (one_membership_a_group).
        return queryset.filter(vendor_groups=value)

import django_filters
from django_filters.constants import EMPTY_VALUES

from webcert_forum.core.filters import yes_no_filter

from .models import ProductionStatus, VendorGroup, VendorGroupMembership

# The vendor group filter's two answers that are no group: Inera's word that the
# organisation uses none, and nobody's word at all (the pages' "okänd").
NO_GROUP = "ingen"
UNKNOWN_GROUP = "okand"


def vendor_group_choices():
    groups = VendorGroup.objects.order_by("name").values_list("pk", "name")
    return [
        *((str(pk), name) for pk, name in groups),
        (NO_GROUP, "Ingen (egen integration)"),
        (UNKNOWN_GROUP, "Okänd (ingen har angett)"),
    ]


class VendorGroupFilter(django_filters.ChoiceFilter):
    """Rows whose organisation is in a vendor group, uses none, or nobody has said.
    `organisation` is the path from the filtered model to its organisation, empty when the
    rows are organisations."""

    def __init__(self, *, organisation="", **kwargs):
        self.organisation = organisation
        kwargs.setdefault("label", "Leverantörsgrupp")
        super().__init__(choices=vendor_group_choices, empty_label="Alla", **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        prefix = f"{self.organisation}__" if self.organisation else ""
        if value == NO_GROUP:
            own = VendorGroupMembership.objects.filter(vendor_group__isnull=True)
            return qs.filter(**{f"{self.organisation or 'pk'}__in": own.values("organisation")})
        if value == UNKNOWN_GROUP:
            return qs.filter(**{f"{prefix}vendor_group_memberships__isnull": True})
        # One row each: an organisation is in a group once (one_membership_a_group).
        return qs.filter(**{f"{prefix}vendor_groups": value})


class ProductionStatusFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ProductionStatus.Status.choices, empty_label="Alla"
    )
    preliminary = yes_no_filter("Preliminärt")
    source = django_filters.ChoiceFilter(
        label="Källa", choices=ProductionStatus.Source.choices, empty_label="Alla"
    )
    vendor_group = VendorGroupFilter(organisation="organisation")

    class Meta:
        model = ProductionStatus
        fields = ["status", "preliminary", "source", "vendor_group"]

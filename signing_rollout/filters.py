import django_filters

from webcert_forum.core.filters import yes_no_filter

from .models import ProductionStatus, VendorGroup


class ProductionStatusFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ProductionStatus.Status.choices, empty_label="Alla"
    )
    preliminary = yes_no_filter("Preliminärt")
    source = django_filters.ChoiceFilter(
        label="Källa", choices=ProductionStatus.Source.choices, empty_label="Alla"
    )
    vendor_group = django_filters.ModelChoiceFilter(
        label="Leverantörsgrupp",
        field_name="organisation__vendor_groups",
        queryset=VendorGroup.objects.order_by("name"),
        empty_label="Alla",
    )

    class Meta:
        model = ProductionStatus
        fields = ["status", "preliminary", "source", "vendor_group"]

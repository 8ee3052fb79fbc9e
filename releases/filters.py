import django_filters

from webcert_forum.core.filters import yes_no_filter

from .models import Release


class ReleaseFilterSet(django_filters.FilterSet):
    user_impact = yes_no_filter("Användarpåverkan")
    year = django_filters.NumberFilter(
        field_name="date", lookup_expr="year", label="År", min_value=2000, max_value=2100
    )

    class Meta:
        model = Release
        fields = ["user_impact", "year"]

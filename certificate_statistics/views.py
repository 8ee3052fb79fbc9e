from django_tables2 import SingleTableView

from .models import CertificateCount
from .tables import CertificateCountTable


class CertificateCountListView(SingleTableView):
    table_class = CertificateCountTable
    template_name = "certificate_statistics/count_list.html"
    paginate_by = 50

    def get_queryset(self):
        return CertificateCount.objects.select_related("organisation", "certificate_type").order_by(
            "-month", "channel", "organisation__name", "certificate_type__position"
        )

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CertificateStatisticsConfig(AppConfig):
    # The folder cannot be called statistics/: it would shadow Python's statistics module.
    name = "certificate_statistics"
    label = "statistics"
    verbose_name = "Intygsstatistik"

    def ready(self):
        from regions.models import Organisation

        from .cache import statistics_changed
        from .models import CertificateCount, CertificateTotal, CertificateType

        for model in (CertificateCount, CertificateTotal, CertificateType, Organisation):
            for signal in (post_save, post_delete):
                signal.connect(
                    statistics_changed, sender=model, dispatch_uid=f"statistics-{model.__name__}"
                )

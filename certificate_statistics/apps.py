from django.apps import AppConfig


class CertificateStatisticsConfig(AppConfig):
    # The folder cannot be called statistics/: it would shadow Python's statistics module.
    name = "certificate_statistics"
    label = "statistics"
    verbose_name = "Intygsstatistik"

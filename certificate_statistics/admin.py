from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CertificateCount, CertificateTotal, CertificateType


@admin.register(CertificateType)
class CertificateTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name_sv", "recipient", "in_reference", "position")
    list_filter = ("recipient", "in_reference")
    search_fields = ("code", "name_sv", "internal")


@admin.register(CertificateCount)
class CertificateCountAdmin(SimpleHistoryAdmin):
    list_display = ("month", "channel", "organisation", "certificate_type", "count")
    list_filter = ("channel", "month", "certificate_type")
    search_fields = ("organisation__name",)
    list_select_related = ("organisation", "certificate_type")


@admin.register(CertificateTotal)
class CertificateTotalAdmin(SimpleHistoryAdmin):
    list_display = ("month", "channel", "organisation", "total")
    list_filter = ("channel", "month")
    search_fields = ("organisation__name",)
    list_select_related = ("organisation",)

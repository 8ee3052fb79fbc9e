from django.contrib import admin

from .models import ProductionStatus, SigningTest, VendorGroup


@admin.register(VendorGroup)
class VendorGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "member_names")
    search_fields = ("name", "key")
    filter_horizontal = ("members",)

    @admin.display(description="organisationer")
    def member_names(self, group):
        return ", ".join(str(m) for m in group.members.all()) or "okänt"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members")


@admin.register(SigningTest)
class SigningTestAdmin(admin.ModelAdmin):
    list_display = ("vendor_group", "tested_by", "plan", "meeting")
    list_filter = ("meeting", "vendor_group")
    search_fields = ("vendor_group__name", "plan")


@admin.register(ProductionStatus)
class ProductionStatusAdmin(admin.ModelAdmin):
    list_display = ("organisation", "status", "date", "preliminary", "source", "meeting")
    list_filter = ("status", "source", "meeting")
    search_fields = ("organisation__name",)

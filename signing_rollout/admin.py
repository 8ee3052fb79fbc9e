from django.contrib import admin, messages

from .models import (
    OWN_INTEGRATION,
    ProductionStatus,
    SigningTest,
    VendorGroup,
    VendorGroupMembership,
)
from .services import place_by_admin


class MembershipInline(admin.TabularInline):
    """Who uses the group's system. A row staff add or change here is Inera's word and ends
    the minutes' guesses about that organisation (services.place_by_admin)."""

    model = VendorGroupMembership
    fields = ("organisation", "source", "meeting")
    readonly_fields = ("source", "meeting")
    autocomplete_fields = ("organisation",)
    extra = 1


@admin.register(VendorGroup)
class VendorGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "member_names")
    search_fields = ("name", "key")
    inlines = [MembershipInline]

    @admin.display(description="organisationer")
    def member_names(self, group):
        return ", ".join(str(m) for m in group.members.all()) or "okända"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members")

    def save_formset(self, request, form, formset, change):
        if formset.model is not VendorGroupMembership:
            return super().save_formset(request, form, formset, change)
        for membership in formset.save(commit=False):
            place_by_admin(membership)
        for membership in formset.deleted_objects:
            membership.delete()


@admin.register(VendorGroupMembership)
class VendorGroupMembershipAdmin(admin.ModelAdmin):
    """Also where staff say an organisation uses no vendor group: a row without a group."""

    list_display = ("organisation", "group", "source", "meeting")
    list_select_related = ("organisation", "vendor_group", "meeting")
    list_filter = ("source", "vendor_group")
    search_fields = ("organisation__name", "vendor_group__name")
    readonly_fields = ("source", "meeting")
    actions = ["confirm"]

    @admin.display(description="leverantörsgrupp", ordering="vendor_group__name")
    def group(self, membership):
        return membership.group_text

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "vendor_group":
            kwargs["empty_label"] = OWN_INTEGRATION
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        place_by_admin(obj)

    @admin.action(description="Bekräfta som Inera-uppgift (gäller före protokollen)")
    def confirm(self, request, queryset):
        for membership in queryset:
            place_by_admin(membership)
        self.message_user(
            request, f"{queryset.count()} medlemskap bekräftade av Inera.", messages.SUCCESS
        )


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

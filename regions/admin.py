from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ConnectionDate, Organisation, OrganisationAlias, ServiceWindow, UserProfile


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "kind", "county_code")
    list_filter = ("kind",)
    search_fields = ("name", "key", "aliases__alias")
    filter_horizontal = ("members",)
    inlines = [AliasInline]


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(admin.ModelAdmin):
    list_display = ("alias", "organisation")
    search_fields = ("alias", "organisation__name")
    list_filter = ("organisation__kind",)


@admin.register(ServiceWindow)
class ServiceWindowAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "start_date", "end_date", "source", "changed_by", "changed_at")
    list_filter = ("source", "organisation")
    search_fields = ("organisation__name", "note")
    date_hierarchy = "start_date"

    def save_model(self, request, obj, form, change):
        # Marks the window as edited, so a re-import of the minutes leaves it alone.
        obj.changed_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ConnectionDate)
class ConnectionDateAdmin(admin.ModelAdmin):
    list_display = ("organisation", "date", "month_only", "preliminary", "meeting")
    list_filter = ("preliminary", "meeting")
    search_fields = ("organisation__name",)


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation")
    list_filter = ("organisation",)
    search_fields = ("user__username", "organisation__name")
    exclude = ("calendar_token_hash",)

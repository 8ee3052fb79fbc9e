from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Incident, Release, ReleaseAnnouncement, TimelineEntry


@admin.register(Release)
class ReleaseAdmin(SimpleHistoryAdmin):
    list_display = ("version", "name", "date", "user_impact", "release_notes_date")
    list_filter = ("user_impact",)
    search_fields = ("version", "name")


@admin.register(ReleaseAnnouncement)
class ReleaseAnnouncementAdmin(admin.ModelAdmin):
    list_display = ("release", "meeting", "date")
    list_filter = ("meeting",)
    search_fields = ("release__version",)


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("month", "count", "meeting")
    list_filter = ("meeting",)
    search_fields = ("description",)


@admin.register(TimelineEntry)
class TimelineEntryAdmin(admin.ModelAdmin):
    list_display = ("label", "when", "meeting")
    list_filter = ("meeting",)
    search_fields = ("label", "text")

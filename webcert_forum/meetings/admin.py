from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgendaItem,
    Answer,
    Attendance,
    AttendanceNotice,
    ImportRun,
    Meeting,
    NoticePreference,
    PlannedMeeting,
    Question,
    SentNotice,
    Slide,
    SubmittedQuestion,
    WindowConfirmation,
)


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("date", "next_meeting", "imported_by", "imported_at")
    search_fields = ("date",)
    list_filter = ("imported_by",)
    date_hierarchy = "date"
    inlines = [AttendanceInline]


@admin.register(Slide)
class SlideAdmin(admin.ModelAdmin):
    list_display = ("meeting", "number", "title")
    list_filter = ("meeting",)
    search_fields = ("title", "text")


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ("meeting", "organisation", "present")
    list_filter = ("meeting", "present")
    search_fields = ("organisation__name",)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("original_name", "meeting_date", "status", "uploaded_by", "created_at")
    list_filter = ("status",)
    search_fields = ("original_name", "sha256")
    readonly_fields = ("sha256", "document", "summary", "created_at", "saved_at")


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    inlines = [AnswerInline]
    list_display = ("text", "meeting", "asked_on", "status")
    list_filter = ("status", "meeting")
    search_fields = ("text", "answer")


@admin.register(PlannedMeeting)
class PlannedMeetingAdmin(SimpleHistoryAdmin):
    list_display = ("starts_at", "place", "sequence", "announced_in")


@admin.register(AttendanceNotice)
class AttendanceNoticeAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "organisation", "attends", "attendees", "answered_by", "answered_at")
    list_filter = ("meeting", "attends")


@admin.register(SubmittedQuestion)
class SubmittedQuestionAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "organisation", "text", "submitted_by", "question")
    list_filter = ("meeting",)


@admin.register(WindowConfirmation)
class WindowConfirmationAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "window", "confirmed_by", "confirmed_at")


@admin.register(SentNotice)
class SentNoticeAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "subject_key", "status", "attempts", "updated_at")
    list_filter = ("kind", "status")


admin.site.register(AgendaItem, SimpleHistoryAdmin)
admin.site.register(NoticePreference, SimpleHistoryAdmin)

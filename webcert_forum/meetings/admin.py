from django.contrib import admin

from .models import Answer, Attendance, ImportRun, Meeting, Question, Slide


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

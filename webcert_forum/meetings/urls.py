from django.urls import path

from . import next_views, notice_views, views
from .drafts import views as draft_views
from .imports import views as import_views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    # Before "<str:date>/", which would otherwise take "import" for a date.
    path("import/", import_views.upload, name="import"),
    path("import/history/", import_views.history, name="import-history"),
    path("import/<int:pk>/", import_views.preview, name="import-preview"),
    path("import/<int:pk>/labels/", import_views.map_labels, name="import-labels"),
    path("import/<int:pk>/confirm/", import_views.confirm, name="import-confirm"),
    path("import/<int:pk>/discard/", import_views.discard, name="import-discard"),
    path("draft/", draft_views.draft, name="draft"),
    path("next/", next_views.next_meeting, name="next"),
    path("next/edit/", next_views.plan_edit, name="next-edit"),
    path("next/invite.ics", next_views.invite, name="next-invite"),
    path("next/agenda/new/", next_views.agenda_item, name="agenda-new"),
    path("next/agenda/<int:pk>/", next_views.agenda_item, name="agenda-edit"),
    path(
        "next/questions/<int:pk>/to-agenda/",
        next_views.question_to_agenda,
        name="question-to-agenda",
    ),
    path("next/windows/<int:pk>/confirm/", next_views.window_confirm, name="window-confirm"),
    path("next/<slug:key>/attendance/", next_views.attendance_notice, name="attendance-notice"),
    path("next/<slug:key>/questions/new/", next_views.question_submit, name="question-submit"),
    path("notices/", notice_views.notice_preferences, name="notice-preferences"),
    path("notices/unsubscribe/<str:token>/", notice_views.unsubscribe_view, name="unsubscribe"),
    path("attendance/", views.attendance, name="attendance"),
    path("search/", views.search, name="search"),
    path("questions/<int:pk>/edit/", views.question_edit, name="question-edit"),
    path("<str:date>/", views.meeting_detail, name="detail"),
    path("<str:date>/protokoll.pdf", views.meeting_pdf, name="pdf"),
    path("<str:date>/bild-<int:number>.jpg", views.slide_picture, name="slide-picture"),
    path(
        "<str:date>/bild-<int:number>-liten.jpg",
        views.slide_picture,
        {"small": True},
        name="slide-thumbnail",
    ),
    path("<str:date>/questions/new/", views.question_create, name="question-create"),
]

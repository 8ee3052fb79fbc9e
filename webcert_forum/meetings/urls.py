from django.urls import path

from . import views
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

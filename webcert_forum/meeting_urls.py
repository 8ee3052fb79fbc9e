from django.urls import path

from . import meeting_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("attendance/", meeting_views.attendance, name="attendance"),
    path("search/", meeting_views.search, name="search"),
    path("questions/<int:pk>/edit/", meeting_views.question_edit, name="question-edit"),
    path("<str:date>/", meeting_views.meeting_detail, name="detail"),
    path("<str:date>/protokoll.pdf", views.meeting_pdf, name="pdf"),
    path("<str:date>/questions/new/", meeting_views.question_create, name="question-create"),
]

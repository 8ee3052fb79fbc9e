from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("<str:date>/", views.meeting_detail, name="detail"),
    path("<str:date>/protokoll.pdf", views.meeting_pdf, name="pdf"),
]

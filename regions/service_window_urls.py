from django.urls import path

from . import service_window_views as views

app_name = "service_windows"

urlpatterns = [
    path("", views.ServiceWindowListView.as_view(), name="list"),
    path("new/", views.service_window_create, name="create"),
    path("<int:pk>/edit/", views.service_window_edit, name="edit"),
    path("<int:pk>/delete/", views.service_window_delete, name="delete"),
    path("<int:pk>/history/", views.service_window_history, name="history"),
    path("calendar/", views.calendar_subscription, name="calendar"),
]

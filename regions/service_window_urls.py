from django.urls import path

from . import views

app_name = "service_windows"

urlpatterns = [
    path("", views.ServiceWindowListView.as_view(), name="list"),
]

from django.urls import path

from . import views

app_name = "signing"

urlpatterns = [
    path("", views.signing_dashboard, name="dashboard"),
]

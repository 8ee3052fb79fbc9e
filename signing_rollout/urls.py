from django.urls import path

from . import views

app_name = "signing"

urlpatterns = [
    path("", views.ProductionStatusListView.as_view(), name="dashboard"),
    path("<slug:key>/report/", views.report_status, name="report"),
]

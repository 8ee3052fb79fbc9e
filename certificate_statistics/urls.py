from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.StatisticsDashboardView.as_view(), name="dashboard"),
    path("diagram/", views.StatisticsChartsView.as_view(), name="charts"),
]

from django.urls import path

from regions import feeds

from . import views

app_name = "regions"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    path("<slug:key>/", views.organisation_detail, name="detail"),
    path("<slug:key>/service-windows.ics", feeds.organisation_windows_feed, name="feed"),
]

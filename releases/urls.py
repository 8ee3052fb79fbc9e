from django.urls import path

from . import views

app_name = "releases"

urlpatterns = [
    path("", views.ReleaseListView.as_view(), name="list"),
    path("<str:version>/", views.release_detail, name="detail"),
]

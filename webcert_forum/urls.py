from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from regions import feeds as region_feeds

from . import health
from .overview import my_region
from .overview import views as overview_views
from .overview.sweden_map.views import map_page

admin.site.site_header = "Webcert användarforum – administration"
admin.site.site_title = "Webcert användarforum"


class FaviconView(RedirectView):
    """A picture or PDF opened on its own has no page to name the icon, so the browser asks
    for /favicon.ico: send it to the site's icon instead of a 404 per picture opened."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.svg")


urlpatterns = [
    path("", overview_views.overview, name="overview"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("start/", my_region.start, name="start"),
    path("min-region/", my_region.my_region, name="my-region"),
    path("min-region/<slug:key>/", my_region.my_region_of, name="my-region-of"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("meetings/", include("webcert_forum.meetings.urls")),
    path("regions/", include("webcert_forum.overview.organisations.urls")),
    path("service-windows/", include("regions.service_window_urls")),
    path("service-windows.ics", region_feeds.all_windows_feed, name="service-windows-feed"),
    path(
        "calendar/<str:token>/service-windows.ics",
        region_feeds.all_windows_token_feed,
        name="calendar-feed",
    ),
    path(
        "calendar/<str:token>/regions/<slug:key>/service-windows.ics",
        region_feeds.organisation_windows_token_feed,
        name="calendar-organisation-feed",
    ),
    path("releases/", include("releases.urls")),
    path("statistics/", include("certificate_statistics.urls")),
    path("map/", map_page, name="map"),
    path("signing/", include("signing_rollout.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", login_not_required(FaviconView.as_view()), name="favicon"),
]

handler403 = "webcert_forum.views.permission_denied"
handler404 = "webcert_forum.views.page_not_found"
handler500 = "webcert_forum.views.server_error"

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.cache import add_never_cache_headers

# No inline script anywhere: figures are JSON read by one static script, so a strict policy
# holds. Plotly needs inline styles on the SVG it draws.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The admin too: Django's admin templates hold no inline script either.
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # A logged-in page stays out of every cache, the browser's back-button copy on a
            # shared computer included.
            add_never_cache_headers(response)
        elif not settings.DEBUG:
            response.headers.setdefault("Cache-Control", "private")
        return response


class RejectNulMiddleware:
    """A NUL character in the path, a query parameter or a form field is a 400.

    No page means one, and PostgreSQL refuses NUL in any text it is sent, so a NUL that
    reached a query would be a server error deep in some view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET):
            raise BadRequest("Ogiltigt tecken (NUL) i adressen.")
        if request.method == "POST" and _has_nul(request.POST):
            raise BadRequest("Ogiltigt tecken (NUL) i formuläret.")
        return self.get_response(request)


def _has_nul(query_dict):
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )

"""Pages and hooks of the security machinery: the Swedish CSRF failure page and the client
address django-axes counts failed logins against."""

from django.conf import settings
from django.shortcuts import render


def csrf_failure(request, reason=""):
    # Django's own page is English and names the failed check; the user only needs to reload.
    return render(request, "403_csrf.html", status=403)


def client_ip(request):
    """The address a login attempt came from.

    Behind the TLS proxy every request comes from the proxy, so the proxy's X-Forwarded-For
    names the client; without a proxy that header is the client's own word and is ignored.
    """
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        first = forwarded.split(",")[0].strip()
        if first:
            return first
    return request.META.get("REMOTE_ADDR")

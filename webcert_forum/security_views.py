"""Pages and hooks of the security machinery: the Swedish CSRF failure page and the client
address django-axes counts failed logins against."""

from django.conf import settings
from django.shortcuts import render


def csrf_failure(request, reason=""):
    # Django's own page is English and names the failed check; the user only needs to reload.
    return render(request, "403_csrf.html", status=403)


def client_ip(request):
    """The address a login attempt came from.

    Behind TRUSTED_PROXY_COUNT proxies that each append the address they received from to
    X-Forwarded-For, the client is the entry that many places from the right: the first
    proxy wrote it. Entries to its left are the client's own word (it may send the header
    itself), as is the whole header without a proxy. (django-ipware's proxy count gives no
    address when the client sent no header of its own, so it is not used.)
    """
    count = settings.TRUSTED_PROXY_COUNT if settings.BEHIND_TLS_PROXY else 0
    if count:
        forwarded = [
            entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= count and forwarded[-count]:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")

"""A page for load balancers and the load benchmark: answers without a login or the database,
so it measures the server itself."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@login_not_required
@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")

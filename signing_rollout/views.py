from django.shortcuts import render
from django_tables2 import RequestConfig

from webcert_forum.models import Meeting

from .models import ProductionStatus, SigningTest
from .tables import ProductionStatusTable, SigningTestTable


def signing_dashboard(request):
    meeting = Meeting.objects.filter(production_statuses__isnull=False).order_by("-date").first()
    tests = SigningTest.objects.filter(meeting=meeting).select_related("vendor_group", "tested_by")
    statuses = ProductionStatus.objects.filter(meeting=meeting).select_related("organisation")
    test_table = SigningTestTable(tests, prefix="test-")
    status_table = ProductionStatusTable(statuses, prefix="status-")
    RequestConfig(request, paginate=False).configure(test_table)
    RequestConfig(request, paginate=False).configure(status_table)
    return render(
        request,
        "signing_rollout/dashboard.html",
        {"meeting": meeting, "test_table": test_table, "status_table": status_table},
    )

"""What the app knows about organisations, gathered from every app.

The regions list and the organisation page bring everything together, so they live in the
overview, the one package that may read every app; this module uses the apps' own query
functions so that, for example, "current signing status" has one definition across the site.
"""

from django.db.models import IntegerField, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from certificate_statistics.models import CertificateCount, Channel
from regions.models import ConnectionDate, Organisation
from signing_rollout.models import OWN_INTEGRATION, VendorGroup, VendorGroupMembership
from signing_rollout.queries import current_status_of, latest_tests, memberships, newest_status
from webcert_forum.meetings.models import Attendance


def latest_certificate_month():
    return CertificateCount.objects.filter(channel=Channel.ALL).aggregate(m=Max("month"))["m"]


def organisations_with_facts(month=None):
    """Every organisation with its vendor group, latest attendance, latest connection date,
    current signing status and the month's certificates (channel all), in one query."""
    org = OuterRef("pk")
    attendance = Attendance.objects.filter(organisation=org).order_by("-meeting__date")
    connection = ConnectionDate.objects.filter(organisation=org).order_by("-meeting__date", "date")
    certificates = (
        CertificateCount.objects.filter(organisation=org, channel=Channel.ALL, month=month)
        .order_by()
        .values("organisation")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Organisation.objects.annotate(
        # A group's name, else Inera's word that it uses none; neither is "okänd" (the table).
        vendor_group=Coalesce(
            Subquery(VendorGroup.objects.filter(members=org).order_by("name").values("name")[:1]),
            Subquery(
                VendorGroupMembership.objects.filter(organisation=org, vendor_group__isnull=True)
                .annotate(text=Value(OWN_INTEGRATION))
                .values("text")[:1]
            ),
        ),
        latest_present=Subquery(attendance.values("present")[:1]),
        latest_meeting_date=Subquery(attendance.values("meeting__date")[:1]),
        connection_date=Subquery(connection.values("date")[:1]),
        connection_month_only=Subquery(connection.values("month_only")[:1]),
        connection_preliminary=Subquery(connection.values("preliminary")[:1]),
        signing_status=newest_status(org, "status"),
        signing_date=newest_status(org, "date"),
        signing_preliminary=newest_status(org, "preliminary"),
        signing_source=newest_status(org, "source"),
        certificates=Subquery(certificates, output_field=IntegerField()),
    ).order_by("name")


def organisation_signing(organisation):
    """Its current status, and its vendor groups with their latest joint test and who placed
    it there (`.membership`: Inera or the minutes' guess), or `own_integration`: Inera's word
    that it uses none. The tests are read only for its own groups, and not at all when it is
    in none."""
    groups, own_integration = [], None
    for membership in (
        memberships().filter(organisation=organisation).order_by("vendor_group__name")
    ):
        if membership.own_integration:
            own_integration = membership
            continue
        group = membership.vendor_group
        group.membership = membership
        groups.append(group)
    if groups:
        tests = latest_tests().filter(vendor_group__in=[group.pk for group in groups])
        tests = {t.vendor_group_id: t for t in tests}
        for group in groups:
            group.latest_test = tests.get(group.pk)
    return {
        "status": current_status_of(organisation),
        "vendor_groups": groups,
        "own_integration": own_integration,
    }


def organisation_attendance(organisation):
    return list(organisation.attendance.select_related("meeting").order_by("-meeting__date"))

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
from signing_rollout.queries import (
    current_status_of,
    latest_tests,
    memberships,
    newest_status,
    newest_status_row,
)
from webcert_forum.core.subqueries import first_row
from webcert_forum.meetings.models import Attendance


def latest_certificate_month():
    return CertificateCount.objects.filter(channel=Channel.ALL).aggregate(m=Max("month"))["m"]


def _attendance(organisation_ref):
    return Attendance.objects.filter(organisation=organisation_ref).order_by("-meeting__date")


def _connection_dates(organisation_ref):
    """The latest meeting's word first, its earliest date first."""
    return ConnectionDate.objects.filter(organisation=organisation_ref).order_by(
        "-meeting__date", "date"
    )


def organisations_with_facts(month=None):
    """Every organisation with its vendor group, latest attendance (`.latest_attendance`:
    present, meeting_date), latest connection date (`.latest_connection`: date, month_only,
    preliminary), current signing status (`.current_signing`: status, date, preliminary,
    source) and the month's certificates (channel all), in one query: one subquery per
    source, not per fact."""
    org = OuterRef("pk")
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
        latest_attendance=first_row(
            _attendance(org), present="present", meeting_date="meeting__date"
        ),
        latest_connection=first_row(
            _connection_dates(org),
            date="date",
            month_only="month_only",
            preliminary="preliminary",
        ),
        current_signing=newest_status_row(
            org, status="status", date="date", preliminary="preliminary", source="source"
        ),
        certificates=Subquery(certificates, output_field=IntegerField()),
    ).order_by("name")


# What the list's sortable facts of a source sort by: the value itself, as a subquery.
SORT_KEYS = {
    "latest_present": lambda org: Subquery(_attendance(org).values("present")[:1]),
    "connection_date": lambda org: Subquery(_connection_dates(org).values("date")[:1]),
    "signing_status": lambda org: newest_status(org, "status"),
}


def ordered_by_fact(organisations, fact, descending=False):
    """organisations_with_facts() ordered by one of SORT_KEYS. Ordering by a value inside
    first_row's JSON would run that subquery again all the same, and compare JSON values by
    the database's JSON rules rather than as dates and booleans: the fact gets a subquery of
    its own, as a field would, only when the rows are ordered by it."""
    organisations = organisations.annotate(**{fact: SORT_KEYS[fact](OuterRef("pk"))})
    return organisations.order_by(f"-{fact}" if descending else fact)


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
    """Its attendance, newest meeting first: a queryset, so that a page of it is read."""
    return organisation.attendance.select_related("meeting").order_by("-meeting__date")

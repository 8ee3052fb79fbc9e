"""Reads of the roll-out. The one definition of an organisation's current production status
lives here: every page that shows a status uses it."""

from django.db.models import Count, DateField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce, TruncDate

from webcert_forum.core.subqueries import first_row

from .models import ProductionStatus, SigningTest, VendorGroup, VendorGroupMembership

# When a status was true: a minutes row speaks for its meeting's date, a form report for the
# day it was made. Ordering by this (and not by when the row was written) keeps a later import
# of an older deck from overriding what a region reported after that meeting.
EFFECTIVE_DATE = Coalesce("meeting__date", TruncDate("reported_at"), output_field=DateField())


def _newest_first(organisation):
    """The organisation's statuses, its current one first. On the same day a form report
    wins over the minutes ("form" sorts before "minutes")."""
    return (
        ProductionStatus.objects.filter(organisation=organisation)
        .annotate(effective=EFFECTIVE_DATE)
        .order_by("-effective", "source", "-reported_at", "-pk")
    )


def newest_status(organisation_ref, field="pk"):
    """Subquery: `field` of the organisation's current status."""
    return Subquery(_newest_first(organisation_ref).values(field)[:1])


def newest_status_row(organisation_ref, **fields):
    """Subquery: the organisation's current status as an object with `fields` (name=path),
    several fields in one lookup (core.subqueries.first_row)."""
    return first_row(_newest_first(organisation_ref), **fields)


def current_statuses():
    """The newest of each organisation's latest minutes snapshot and latest form report.

    The newest row is looked up once per organisation, not once per stored status: every
    meeting adds a status for each organisation, so the latter grew with the meetings
    squared."""
    organisations = ProductionStatus._meta.get_field("organisation").related_model.objects
    current = organisations.annotate(current_pk=newest_status(OuterRef("pk"))).values("current_pk")
    return (
        ProductionStatus.objects.filter(pk__in=current)
        .annotate(effective=EFFECTIVE_DATE)
        .select_related("organisation", "meeting", "reported_by")
        .order_by("organisation__name")
    )


def current_status_of(organisation):
    """Its current status, read from its own rows only (current_statuses() would work out
    every organisation's first)."""
    return (
        _newest_first(organisation).select_related("organisation", "meeting", "reported_by").first()
    )


def status_counts(statuses):
    """{"done": n, "planned": n, "not_reported": n} over current statuses."""
    counts = dict.fromkeys(ProductionStatus.Status.values, 0)
    for row in statuses.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def status_counts_by_meeting():
    """[(meeting date, status, n)] from the minutes snapshots, oldest meeting first."""
    rows = (
        ProductionStatus.objects.filter(meeting__isnull=False)
        .values("meeting__date", "status")
        .annotate(n=Count("pk"))
        .order_by("meeting__date", "status")
    )
    return [(r["meeting__date"], r["status"], r["n"]) for r in rows]


def latest_tests():
    """The joint tests as the latest meeting that reported them states them."""
    latest = SigningTest.objects.order_by("-meeting__date").values("meeting")[:1]
    return SigningTest.objects.filter(meeting__in=Subquery(latest)).select_related(
        "vendor_group", "tested_by", "meeting"
    )


def memberships():
    return VendorGroupMembership.objects.select_related(
        "organisation", "vendor_group", "meeting"
    ).order_by("organisation__name")


def vendor_groups_with_tests():
    """Each group with its latest test and its memberships (`.member_list`, each saying
    whether Inera or the minutes placed the organisation)."""
    tests = {t.vendor_group_id: t for t in latest_tests()}
    groups = list(
        VendorGroup.objects.prefetch_related(
            Prefetch("memberships", queryset=memberships(), to_attr="member_list")
        ).order_by("name")
    )
    for group in groups:
        group.latest_test = tests.get(group.pk)
    return groups


def _record_keepers():
    """Regions and agents: those that run a record system, so use a vendor group or none."""
    organisations = VendorGroup._meta.get_field("members").related_model.objects
    return organisations.filter(kind__in=("region", "agent")).order_by("name")


def organisations_without_vendor_group():
    """Regions and agents nobody has placed in a group, nor said uses none: unknown."""
    return _record_keepers().filter(vendor_group_memberships__isnull=True)


def organisations_with_own_integration():
    """Regions and agents Inera says use no vendor group (their own integration)."""
    return _record_keepers().filter(
        pk__in=VendorGroupMembership.objects.filter(vendor_group__isnull=True).values(
            "organisation"
        )
    )

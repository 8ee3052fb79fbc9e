"""What a meeting changed in the signing sections, for "changes since the previous meeting"."""

from webcert_forum.core.changes import compare

from .models import ProductionStatus, SigningTest


def signing_test_snapshot(meeting):
    # The fields, not the models, as production_snapshot below.
    tests = (
        SigningTest.objects.filter(meeting=meeting)
        .order_by()
        .values_list("vendor_group__name", "tested_by__name", "plan")
    )
    return {
        group: (f"testat av {tested_by}" if tested_by else plan or "–")
        for group, tested_by, plan in tests
    }


def production_snapshot(meeting):
    # The fields, not the models: a meeting's page compares two meetings' 30 statuses, and
    # building the instances (and ordering them, which a dict does not need) cost most of it.
    statuses = (
        ProductionStatus.objects.filter(meeting=meeting)
        .order_by()
        .values_list("organisation__name", "status", "date", "preliminary")
    )
    return {name: ProductionStatus.text_of(*fields) for name, *fields in statuses}


def signing_test_changes(previous, meeting):
    return compare(
        "Samverkanstester", signing_test_snapshot(previous), signing_test_snapshot(meeting)
    )


def production_changes(previous, meeting):
    return compare(
        "Produktionsstatus, ny underskriftslösning",
        production_snapshot(previous),
        production_snapshot(meeting),
    )

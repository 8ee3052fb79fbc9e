"""What a meeting changed in the signing sections, for "changes since the previous meeting"."""

from webcert_forum.core.changes import compare

from .models import ProductionStatus, SigningTest


def signing_test_snapshot(meeting):
    tests = SigningTest.objects.filter(meeting=meeting).select_related("vendor_group", "tested_by")
    return {
        t.vendor_group.name: (f"testat av {t.tested_by}" if t.tested_by else t.plan or "–")
        for t in tests
    }


def production_snapshot(meeting):
    statuses = ProductionStatus.objects.filter(meeting=meeting).select_related("organisation")
    return {s.organisation.name: s.display_text for s in statuses}


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

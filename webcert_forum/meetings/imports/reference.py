"""The importer's label lists as the site passes them: read from the database, so aliases
added on the preview page count from the next parse on (the importer itself reads no
database; tools without one use the CSV fixtures)."""

from certificate_statistics.models import CertificateType
from regions.models import Organisation
from signing_rollout.models import VendorGroup
from webcert_forum.importer.reference import Reference


def reference_from_database():
    organisations = [
        (org.key, [org.name, *(a.alias for a in org.aliases.all())])
        for org in Organisation.objects.prefetch_related("aliases").order_by("key")
    ]
    vendor_groups = [
        (group.key, [group.name, *group.aliases]) for group in VendorGroup.objects.order_by("key")
    ]
    certificate_types = [
        (t.code, [t.code, t.form, t.internal, t.name_sv, *t.aliases])
        for t in CertificateType.objects.order_by("position", "code")
    ]
    return Reference.from_rows(
        organisations=organisations,
        vendor_groups=vendor_groups,
        certificate_types=certificate_types,
    )

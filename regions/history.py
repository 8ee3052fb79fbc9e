"""A service window's history as people read it: who changed what, when, from what to what."""

from .models import Organisation, ServiceWindow

KINDS = {"+": "Skapat", "~": "Ändrat", "-": "Borttaget"}
# Bookkeeping fields that every save changes; the page shows what the user changed.
NOT_SHOWN = {"changed_by", "changed_at"}


def _shown(field_name, value, organisations):
    if value in (None, ""):
        return "–"
    if field_name == "organisation":
        return organisations.get(value, f"#{value}")
    if field_name == "source":
        return ServiceWindow.Source(value).label
    if hasattr(value, "strftime"):
        return value.strftime("%H:%M") if field_name.endswith("_time") else f"{value:%Y-%m-%d}"
    return str(value)


def window_history(pk):
    """Every record of the window, newest first, each with its field changes; None when the
    window never existed. Works for a deleted window too, from its history rows."""
    records = list(
        ServiceWindow.history.filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not records:
        return None
    organisations = dict(
        Organisation.objects.filter(pk__in={r.organisation_id for r in records}).values_list(
            "pk", "name"
        )
    )
    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=NOT_SHOWN)
            for change in delta.changes:
                changes.append(
                    {
                        "field": ServiceWindow._meta.get_field(change.field).verbose_name,
                        "old": _shown(change.field, change.old, organisations),
                        "new": _shown(change.field, change.new, organisations),
                    }
                )
        entries.append(
            {
                "kind": KINDS.get(record.history_type, record.history_type),
                "date": record.history_date,
                "user": record.history_user,
                "changes": changes,
                "record": record,
                "organisation": organisations.get(record.organisation_id, ""),
                "text": record.instance.when,
            }
        )
        previous = record
    entries.reverse()
    return entries

"""Writes to the statistics app: the type list, and the minutes' statistics tables."""

import datetime as dt

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert

from .models import CertificateCount, CertificateTotal, CertificateType


def load_certificate_types(path):
    created = updated = 0
    for position, row in enumerate(read_rows(path), start=1):
        values = {
            "form": row["form"].strip(),
            "internal": row["internal"].strip(),
            "name_sv": row["name_sv"].strip(),
            "recipient": row["recipient"].strip(),
            "aliases": split_aliases(row["aliases"]),
            "in_reference": True,
            "position": position,
        }
        _, was_created, was_updated = upsert(CertificateType, {"code": row["code"]}, values)
        created += was_created
        updated += was_updated
    return created, updated


def month_of(text):
    return dt.date.fromisoformat(f"{text}-01")


def _types_for(entries):
    types = {t.code: t for t in CertificateType.objects.all()}
    next_position = max((t.position for t in types.values()), default=0) + 1
    for code in sorted({e["type"] for e in entries} - types.keys()):
        # A column the minutes added that the reference list lacks: kept as printed.
        types[code] = CertificateType.objects.create(
            code=code, in_reference=False, position=next_position
        )
        next_position += 1
    return types


def save_certificate_counts(meeting, entries, totals, summary, orgs):
    """Upsert every printed cell; a cell a repeated month no longer prints is removed."""
    model = "statistics.CertificateCount"
    types = _types_for(entries)
    rows = {(e["month"], e["channel"], e["org"]) for e in totals} | {
        (e["month"], e["channel"], e["org"]) for e in entries
    }
    months = {month_of(m) for m, _, _ in rows}
    existing = {
        (c.month, c.channel, c.organisation_id, c.certificate_type_id): c
        for c in CertificateCount.objects.filter(month__in=months)
    }
    seen = set()
    for e in entries:
        org, ctype, month = orgs[e["org"]], types[e["type"]], month_of(e["month"])
        key = (month, e["channel"], org.pk, ctype.pk)
        seen.add(key)
        current = existing.get(key)
        where = f"{e['month']} {_channel_label(e['channel'])} {org} {ctype.code}"
        if current is None:
            CertificateCount.objects.create(
                month=month,
                channel=e["channel"],
                organisation=org,
                certificate_type=ctype,
                count=e["count"],
                meeting=meeting,
            )
            summary.created(model, where, new=e["count"])
        elif current.count != e["count"]:
            old = current.count
            current.count = e["count"]
            current.meeting = meeting
            current.save()
            summary.updated(model, where, old=old, new=e["count"])
        else:
            summary.unchanged(model)
    printed_rows = {(month_of(m), ch, orgs[o].pk) for m, ch, o in rows}
    for key, gone in existing.items():
        if key not in seen and key[:3] in printed_rows:
            gone.delete()
            summary.deleted(
                model,
                f"{key[0]:%Y-%m} {_channel_label(key[1])} {gone.organisation} "
                f"{gone.certificate_type.code}",
                old=gone.count,
            )
    _save_totals(meeting, totals, summary, orgs)


def _save_totals(meeting, totals, summary, orgs):
    model = "statistics.CertificateTotal"
    months = {month_of(e["month"]) for e in totals}
    existing = {
        (t.month, t.channel, t.organisation_id): t
        for t in CertificateTotal.objects.filter(month__in=months)
    }
    for e in totals:
        org, month = orgs[e["org"]], month_of(e["month"])
        current = existing.get((month, e["channel"], org.pk))
        where = f"Totalsumma {e['month']} {_channel_label(e['channel'])} {org}"
        if current is None:
            CertificateTotal.objects.create(
                month=month,
                channel=e["channel"],
                organisation=org,
                total=e["total"],
                meeting=meeting,
            )
            summary.created(model, where, new=e["total"])
        elif current.total != e["total"]:
            old, current.total, current.meeting = current.total, e["total"], meeting
            current.save()
            summary.updated(model, where, old=old, new=e["total"])
        else:
            summary.unchanged(model)


def _channel_label(channel):
    return "Fristående" if channel == "standalone" else "alla kanaler"

"""Writes to the statistics app: the type list, and the minutes' statistics tables."""

import datetime as dt

from webcert_forum.core.reference_lists import read_rows, split_aliases, upsert
from webcert_forum.core.sync import Row, sync_rows

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
    cells = []
    for e in entries:
        org, ctype, month = orgs[e["org"]], types[e["type"]], month_of(e["month"])
        where = f"{e['month']} {_channel_label(e['channel'])} {org} {ctype.code}"
        key = (month, e["channel"], org.pk, ctype.pk)
        cells.append(Row(key, {"count": e["count"]}, where, new=e["count"], extra=_of(meeting)))
    printed_rows = {(month_of(m), ch, orgs[o].pk) for m, ch, o in rows}
    sync_rows(
        summary,
        model,
        existing,
        cells,
        create=lambda row: CertificateCount.objects.create(
            month=row.key[0],
            channel=row.key[1],
            organisation_id=row.key[2],
            certificate_type_id=row.key[3],
            meeting=meeting,
            **row.values,
        ),
        describe=lambda c: c.count,
        # Only cells of a row the minutes print: a month printed for some organisations
        # leaves the others' counts alone.
        may_delete=lambda key: key[:3] in printed_rows,
        deleted=lambda gone: (
            f"{gone.month:%Y-%m} {_channel_label(gone.channel)} {gone.organisation} "
            f"{gone.certificate_type.code}"
        ),
        describe_gone=lambda c: c.count,
    )
    _save_totals(meeting, totals, summary, orgs)


def _save_totals(meeting, totals, summary, orgs):
    months = {month_of(e["month"]) for e in totals}
    rows = []
    for e in totals:
        org = orgs[e["org"]]
        where = f"Totalsumma {e['month']} {_channel_label(e['channel'])} {org}"
        key = (month_of(e["month"]), e["channel"], org.pk)
        rows.append(Row(key, {"total": e["total"]}, where, new=e["total"], extra=_of(meeting)))
    sync_rows(
        summary,
        "statistics.CertificateTotal",
        {
            (t.month, t.channel, t.organisation_id): t
            for t in CertificateTotal.objects.filter(month__in=months)
        },
        rows,
        create=lambda row: CertificateTotal.objects.create(
            month=row.key[0],
            channel=row.key[1],
            organisation_id=row.key[2],
            meeting=meeting,
            **row.values,
        ),
        describe=lambda t: t.total,
    )


def _of(meeting):
    """A changed count or total is from now on the one this meeting printed."""
    return {"meeting": meeting}


def _channel_label(channel):
    return "Fristående" if channel == "standalone" else "alla kanaler"

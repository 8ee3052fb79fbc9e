"""What every loader of a reference list (fixtures/*.csv) shares. It lives in regions because
every app may import regions."""

import csv


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split_aliases(text):
    return [a.strip() for a in (text or "").split("|") if a.strip()]


def upsert(model, lookup, values):
    """Create the row, or update the fields that changed; returns (row, created, updated).

    .update() rather than .save(): the reference lists carry no history worth recording."""
    row, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        return row, True, False
    changed = any(getattr(row, k) != v for k, v in values.items())
    if changed:
        model.objects.filter(pk=row.pk).update(**values)
        for k, v in values.items():
            setattr(row, k, v)
    return row, False, changed

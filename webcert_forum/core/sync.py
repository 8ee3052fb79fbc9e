"""One meeting's rows brought in line with what the minutes print, reported to a summary.

Every part of the saver does the same thing: index the rows already saved, create the
missing ones, update those whose values differ, count the rest as unchanged, delete what the
minutes no longer print, and tell the change summary each step."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One row as the minutes print it."""

    key: Hashable
    values: dict  # the fields compared and written
    label: str  # the summary's line when the row is created
    changed_label: str | None = None  # the line when it is updated, if other than `label`
    new: Any = None  # what the summary shows as the created value
    extra: dict = field(default_factory=dict)  # written on create and update, never compared


def sync_rows(
    summary,
    model: str,
    existing: dict,
    rows: Iterable[Row],
    *,
    create: Callable[[Row], Any],
    describe: Callable[[Any], Any] | None = None,
    describe_old: Callable[[Any], Any] | None = None,
    deleted: Callable[[Any], str] | None = None,
    describe_gone: Callable[[Any], Any] | None = None,
    may_delete: Callable[[Hashable], bool] = lambda key: True,
):
    """`existing` maps each key to its saved object; `create(row)` saves a new one. An update
    reports old and new as `describe` (before: `describe_old`, if given) shows them. Saved
    rows not printed are deleted, when `deleted` names them in the summary (with the value
    `describe_gone` shows) and `may_delete` allows it for their key."""
    seen = set()
    for row in rows:
        seen.add(row.key)
        current = existing.get(row.key)
        if current is None:
            create(row)
            summary.created(model, row.label, new=row.new)
        elif any(getattr(current, name) != value for name, value in row.values.items()):
            old = (describe_old or describe)(current) if describe else None
            for name, value in {**row.values, **row.extra}.items():
                setattr(current, name, value)
            current.save()
            summary.updated(
                model,
                row.changed_label or row.label,
                old=old,
                new=describe(current) if describe else None,
            )
        else:
            summary.unchanged(model)
    if deleted is None:
        return
    for key, gone in existing.items():
        if key not in seen and may_delete(key):
            gone.delete()
            summary.deleted(
                model, deleted(gone), old=describe_gone(gone) if describe_gone else None
            )


def sync_meeting_rows(
    summary,
    model,
    meeting,
    key: str | tuple[str, ...],
    rows: Iterable[Row],
    *,
    create_with: dict | None = None,
    **options,
):
    """`sync_rows` for the usual case: the saved rows are this meeting's rows of `model`,
    indexed by the field `key` (or a tuple of fields, when a row's key is a tuple), and a new
    row is created with `meeting`, its key's fields, its values and `create_with`. The other
    options (`describe`, `deleted`, …) are `sync_rows`'s."""
    fields = (key,) if isinstance(key, str) else key

    def key_of(obj):
        values = tuple(getattr(obj, name) for name in fields)
        return values[0] if isinstance(key, str) else values

    def create(row):
        keys = (row.key,) if isinstance(key, str) else row.key
        return model.objects.create(
            meeting=meeting,
            **dict(zip(fields, keys, strict=True)),
            **(create_with or {}),
            **row.values,
        )

    sync_rows(
        summary,
        model._meta.label,
        {key_of(obj): obj for obj in model.objects.filter(meeting=meeting)},
        rows,
        create=create,
        **options,
    )

"""One person's data, app by app: what each exports and what each erases.

An app registers a `PersonPart` in `core.retention.retention`: its export (a section of the
archive a person downloads: JSON rows and the files) and its erasure (what it erases or
pseudonymises once its kind's retention has run out since the person's departure, and what it
may erase earlier on a justified request). The helpers below turn rows into JSON the way every
part does: field names as keys, dates in ISO 8601, amounts as text, choices by their label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.retention import Outcome
    from effectif.employees.models import Employee

#: What an erased value reads in the records that must stay (and in the audit trail).
REDACTED = "[supprimé]"


@dataclass(frozen=True)
class ExportFile:
    """A stored file to put in the archive under `path`."""

    path: str
    file: Any  # a FieldFile, opened when the archive is written


@dataclass
class ExportSection:
    """One app's share of a person's archive: `<name>.json` and its files."""

    name: str
    title: str
    data: Any
    files: list[ExportFile] = field(default_factory=list)


@dataclass(frozen=True)
class ErasureContext:
    today: dt.date
    by: User | None  # the acting user, None for the periodic purge
    pseudonym: str  # what replaces the person's name, e.g. « Ancien salarié n° 42 »
    #: the part's retention has run out since the departure: erase all the law lets go
    expired: bool
    #: data kept longer elsewhere (accounting) still need to be tied to the person's name
    keep_identity: bool
    reason: str = ""


@dataclass(frozen=True)
class PersonPart:
    key: str
    label: StrOrPromise
    kind: str  # the DataKind whose duration and source apply
    export: Callable[[Employee], ExportSection]
    erase: Callable[[Employee, ErasureContext], Outcome]
    #: what a justified request may erase before the end of the retention ("" = nothing)
    early: StrOrPromise = ""
    #: the day after which this part no longer needs the person's name (None: not needed)
    keeps_identity_until: Callable[[Employee], dt.date | None] | None = None
    order: int = 100


def json_value(value: Any) -> Any:
    """A value as JSON reads it."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name.rsplit("/", 1)[-1] if value.name else None
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return str(value)


def row(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The fields of a row: choices by their label, related rows by their name."""
    values: dict[str, Any] = {}
    for name in fields:
        model_field = instance._meta.get_field(name)
        if getattr(model_field, "choices", None):
            raw = getattr(instance, name)
            values[name] = str(getattr(instance, f"get_{name}_display")()) if raw else raw
        elif isinstance(model_field, models.ForeignKey):
            related = getattr(instance, name)
            values[name] = None if related is None else str(related)
        else:
            values[name] = json_value(getattr(instance, name))
    return values


def rows(objects: Iterable[models.Model], fields: Iterable[str]) -> list[dict[str, Any]]:
    names = list(fields)
    return [row(instance, names) for instance in objects]


def empty_value(model_field: Any) -> Any:
    """A field's empty value: "" for text (even with a default such as « France »), else None
    when allowed, else the default (False, 0, [], {})."""
    if isinstance(model_field, models.CharField | models.TextField) and not model_field.null:
        return ""
    if model_field.null:
        return None
    return model_field.get_default()


def blank(instance: models.Model, fields: Iterable[str]) -> list[str]:
    """Set `fields` to their empty value; returns the fields that changed, to save only those
    and count only real erasures."""
    changed = []
    for name in fields:
        empty = empty_value(instance._meta.get_field(name))
        if getattr(instance, name) != empty:
            setattr(instance, name, empty)
            changed.append(name)
    return changed


def delete_files(files: Iterable[Any]) -> None:
    """Remove stored files (after the rows are gone: call it through `transaction.on_commit`)."""
    for stored in files:
        if stored and stored.name:
            stored.storage.delete(stored.name)


def file_path(prefix: str, pk: Any, stored: Any) -> str:
    """A file's path in the archive: `<prefix>/<pk>-<its name>`."""
    name = str(stored.name or "").rsplit("/", 1)[-1]
    return f"{prefix}/{pk}-{name}"


def attached(prefix: str, pairs: Iterable[tuple[Any, Any]]) -> list[ExportFile]:
    """The stored files of (pk, file) pairs, skipping the empty ones."""
    return [
        ExportFile(file_path(prefix, pk, stored), stored)
        for pk, stored in pairs
        if stored and stored.name
    ]

"""Writing the audit trail.

Services call these functions inside their transaction, so that a change and its audit entry
are committed together or not at all. Values are stored as the user reads them (dates as
JJ/MM/AAAA, choices by their label); sensitive values are masked, so the trail itself does not
become a second copy of NIRs and IBANs.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol

from django.db import models

from effectif.core.models import AuditAction, AuditEntry

if TYPE_CHECKING:
    from effectif.core.roles import Actor

P = ParamSpec("P")

_client_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("client_ip", default=None)


def set_client_ip(ip: str | None) -> contextvars.Token[str | None]:
    return _client_ip.set(ip)


def reset_client_ip(token: contextvars.Token[str | None]) -> None:
    _client_ip.reset(token)


class Audited(Protocol):
    """A model whose audit entries are filed under an employer and, maybe, an employee."""

    pk: Any

    @property
    def audit_employer_id(self) -> int | None: ...

    @property
    def audit_employee_id(self) -> int | None: ...


def mask(value: str) -> str:
    """Keep the last three characters of a sensitive value: enough to recognise, not to use."""
    value = value or ""
    if len(value) <= 3:
        return "•" * len(value)
    return "•" * (len(value) - 3) + value[-3:]


def display_value(instance: models.Model, field_name: str) -> str:
    """The value of a field as the user reads it."""
    field = instance._meta.get_field(field_name)
    if getattr(field, "choices", None):
        display = getattr(instance, f"get_{field_name}_display")()
        return "" if display is None else str(display)
    if isinstance(field, models.ForeignKey):
        related = getattr(instance, field_name)
        return "" if related is None else str(related)
    value = getattr(instance, field_name)
    return format_value(value)


def format_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value)
    return str(value)


def snapshot(
    instance: models.Model, fields: Iterable[str], sensitive: Iterable[str] = ()
) -> dict[str, str]:
    """The displayed values of `fields`, masking those in `sensitive`."""
    hidden = set(sensitive)
    values = {}
    for name in fields:
        text = display_value(instance, name)
        values[name] = mask(text) if name in hidden and text else text
    return values


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, list[str]]:
    """The fields whose displayed value changed, as {field: [old, new]}."""
    return {
        name: [before.get(name, ""), value]
        for name, value in after.items()
        if before.get(name, "") != value
    }


def _actor_fields(actor: Actor | None) -> dict[str, Any]:
    """Who acted: a user, nobody logged in (« anonyme ») or the system itself (None)."""
    if actor is None or not actor.is_authenticated:
        return {"actor": None, "actor_label": "système" if actor is None else "anonyme"}
    return {"actor": actor, "actor_label": actor.get_username()}


def build_entry(
    *,
    actor: Actor | None,
    action: str,
    target: models.Model | None = None,
    target_label: str = "",
    employer_id: int | None = None,
    employee_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    detail: str = "",
) -> AuditEntry:
    """An unsaved entry; `audit` saves one, `audit_many` saves many at once (imports)."""
    if target is not None:
        employer_id = employer_id or getattr(target, "audit_employer_id", None)
        employee_id = employee_id or getattr(target, "audit_employee_id", None)
        target_label = target_label or str(target)
    return AuditEntry(
        **_actor_fields(actor),
        action=action,
        target_type=target._meta.label if target is not None else "",
        target_id=str(target.pk) if target is not None and target.pk is not None else "",
        target_label=target_label[:255],
        employer_id=employer_id,
        employee_id=employee_id,
        changes=dict(changes or {}),
        detail=detail[:500],
        ip_address=_client_ip.get(),
    )


def _saved(build: Callable[P, AuditEntry]) -> Callable[P, AuditEntry]:
    """`build`, then save the entry it built."""

    def save(*args: P.args, **kwargs: P.kwargs) -> AuditEntry:
        entry = build(*args, **kwargs)
        entry.save()
        return entry

    return save


#: Write one entry now: `build_entry`'s arguments, checked as such by the type checker.
audit = _saved(build_entry)


def audit_many(entries: list[AuditEntry]) -> None:
    AuditEntry.objects.bulk_create(entries, batch_size=1000)


def audit_creation(
    *,
    actor: Actor | None,
    target: models.Model,
    fields: Iterable[str],
    sensitive: Iterable[str] = (),
) -> AuditEntry:
    values = snapshot(target, fields, sensitive)
    return audit(
        actor=actor,
        action=AuditAction.CREATE,
        target=target,
        changes={name: ["", value] for name, value in values.items() if value},
    )


def audit_update(
    *,
    actor: Actor | None,
    target: models.Model,
    before: Mapping[str, str],
    after: Mapping[str, str],
    detail: str = "",
) -> AuditEntry | None:
    """Record the changed fields; nothing is written when nothing changed."""
    changes = diff(before, after)
    if not changes:
        return None
    return audit(
        actor=actor, action=AuditAction.UPDATE, target=target, changes=changes, detail=detail
    )


def audit_read(*, actor: Actor | None, target: models.Model, fields: Iterable[str]) -> AuditEntry:
    """Record that `actor` was shown sensitive `fields` of `target`."""
    return audit(
        actor=actor,
        action=AuditAction.READ,
        target=target,
        detail=", ".join(fields),
    )

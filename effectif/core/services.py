"""The shared write path: validate, save, audit, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from django.db import models, transaction

from effectif.core.audit import audit_creation, audit_update, snapshot

if TYPE_CHECKING:
    from effectif.core.roles import Actor

M = TypeVar("M", bound=models.Model)

_NOT_AUDITED = {"id", "created_at", "updated_at"}


def audited_fields(model: type[models.Model]) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.name not in _NOT_AUDITED and not f.name.endswith("_ptr")
    ]


@transaction.atomic
def save_audited(
    *,
    instance: M,
    by: Actor | None,
    fields: Iterable[str] | None = None,
    sensitive: Iterable[str] = (),
    detail: str = "",
) -> M:
    """Validate `instance`, save it and record what changed (or its creation) in the audit."""
    names = list(fields) if fields is not None else audited_fields(type(instance))
    instance.full_clean()
    if instance.pk is None:
        instance.save()
        audit_creation(actor=by, target=instance, fields=names, sensitive=sensitive)
        return instance
    manager = type(instance)._default_manager
    before = snapshot(manager.select_for_update().get(pk=instance.pk), names, sensitive)
    instance.save()
    audit_update(
        actor=by,
        target=instance,
        before=before,
        after=snapshot(instance, names, sensitive),
        detail=detail,
    )
    return instance

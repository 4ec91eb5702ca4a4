"""Copying an input onto a model instance, resolving references within the user's scope.

A reference is an identifier in the body (`"employer": 3`). It is looked up in a queryset the
caller built from the selectors, so an identifier out of the user's scope is refused exactly
like one that does not exist, with a French message naming the field (HTTP 422).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _


def unknown_reference(pk: Any) -> str:
    return _("Aucun élément n°%(pk)s dans votre périmètre.") % {"pk": pk}


def assign(
    instance: models.Model,
    data: Mapping[str, Any],
    references: Mapping[str, QuerySet[Any]] | None = None,
) -> None:
    """Set `data` on `instance`, or refuse the references out of scope, each named (422).

    Nothing is saved nor fully validated here: the caller hands the instance to a service,
    which validates it and writes it with its audit entry.
    """
    references = references or {}
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        if value is None and not _nullable(instance, name):
            # A change may leave a field out, not empty a field the file cannot do without.
            errors[name] = [_("Ce champ ne peut pas être vide.")]
        elif name not in references:
            setattr(instance, name, value)
        elif value is None:
            setattr(instance, name, None)
        else:
            target = references[name].filter(pk=value).first()
            if target is None:
                errors[name] = [unknown_reference(value)]
            else:
                setattr(instance, name, target)
    if errors:
        raise ValidationError(errors)


def _nullable(instance: models.Model, name: str) -> bool:
    """Whether the model's column `name` takes NULL (what is not a column is the caller's)."""
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    return bool(getattr(field, "null", True))


def refuse_nulls(changes: Mapping[str, Any], *, nullable: Collection[str] = ()) -> None:
    """A change may empty only the fields that may be empty: `null` on another is refused,
    each named (422)."""
    errors = {
        name: [_("Ce champ ne peut pas être vide.")]
        for name, value in changes.items()
        if value is None and name not in nullable
    }
    if errors:
        raise ValidationError(errors)

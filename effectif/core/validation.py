"""Model-level checks shared by forms, services, the API and imports.

A model lists the checks of its identifier fields in `field_checks`: each takes the raw value
and returns it normalised, or raises `ValueError` with a French message for the user. The
checks run before Django's own field validation, so `"732 829 320"` becomes `"732829320"`
before its length is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models

from effectif.core.models import column


class CheckedFieldsMixin(models.Model):
    field_checks: ClassVar[dict[str, Callable[[str], str]]] = {}

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        excluded = set(exclude or ())
        errors: dict[str, list[str]] = {}
        for name, check in self.field_checks.items():
            value = getattr(self, name)
            if name in excluded or value in (None, ""):
                continue
            try:
                setattr(self, name, check(str(value)))
            except ValueError as error:
                errors[name] = [str(error)]
        try:
            super().clean_fields(exclude=excluded | set(errors))
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)


def field_error(field: str, message: Any) -> ValidationError:
    return ValidationError({field: [message]})


class NamedUniqueMixin(models.Model):
    """Report a multi-field unique constraint on the field the user can fix, in French.

    `unique_messages` maps a UniqueConstraint's name to (field, message); the message may use
    `%(value)s`, the field's value.
    """

    unique_messages: ClassVar[dict[str, tuple[str, Any]]] = {}

    class Meta:
        abstract = True

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        excluded = set(exclude or ())
        errors: dict[str, list[str]] = {}
        for constraint in self._meta.constraints:
            if not isinstance(constraint, models.UniqueConstraint):
                continue
            target = self.unique_messages.get(constraint.name)
            if target is None or excluded & set(constraint.fields):
                continue
            field, message = target
            lookup = {
                name: getattr(self, column(type(self), name).attname) for name in constraint.fields
            }
            clash = type(self)._default_manager.filter(**lookup)
            if self.pk is not None:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                errors[field] = [str(message) % {"value": getattr(self, field)}]
            excluded.add(field)
        try:
            super().validate_constraints(exclude=excluded)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)

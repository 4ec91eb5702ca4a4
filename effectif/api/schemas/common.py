"""Shapes shared by every resource: references to other objects, errors, inputs."""

from __future__ import annotations

from typing import Any

from django.db import models
from ninja import Schema
from pydantic import ConfigDict


class Ref(Schema):
    """Another object, by its identifier and its name."""

    id: int
    name: str


class ErrorItem(Schema):
    field: str
    message: str


class ValidationErrors(Schema):
    """HTTP 422: each refused field with its message."""

    detail: list[ErrorItem]


class Message(Schema):
    """HTTP 401, 403, 404, 429: what went wrong."""

    detail: str


class Input(Schema):
    """An input refuses fields it does not know rather than ignoring a typo."""

    model_config = ConfigDict(extra="forbid")


#: Responses every authenticated operation may give besides its own.
READ_ERRORS: dict[int, Any] = {401: Message, 404: Message, 422: ValidationErrors}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 403: Message}


def choices_help(choices: type[models.Choices]) -> str:
    """The codes of a choice field and their labels, for the OpenAPI document."""
    return " ; ".join(f"« {value} » : {label}" for value, label in choices.choices)


def ref(obj: Any) -> dict[str, Any] | None:
    return None if obj is None else {"id": obj.pk, "name": str(obj)}

"""Shapes shared by every resource: references to other objects, errors, inputs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from annotated_types import Interval
from django.db import models
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, ConfigDict

from effectif.core.dates import EARLIEST, LATEST, in_range, out_of_range_message
from effectif.core.listing import MAX_ID


def _within_bounds(day: dt.date) -> dt.date:
    if not in_range(day):
        raise ValueError(out_of_range_message())
    return day


def _moment_within_bounds(moment: dt.datetime) -> dt.datetime:
    if not in_range(moment.date()):
        raise ValueError(out_of_range_message())
    return moment


def _naive(moment: dt.time) -> dt.time:
    if moment.tzinfo is not None:
        raise ValueError(_("Indiquez une heure sans fuseau horaire (HH:MM)."))
    return moment


#: A date of an input or a filter: refused in French outside 1900-01-01 … 2200-12-31.
Day = Annotated[dt.date, AfterValidator(_within_bounds)]
#: A date and time of an input, within the same bounds.
Moment = Annotated[dt.datetime, AfterValidator(_moment_within_bounds)]
#: A time of day, local to the place (an interview's time): no time zone.
Time = Annotated[dt.time, AfterValidator(_naive)]
#: A year of a filter, within the same bounds.
Year = Annotated[int, Interval(ge=EARLIEST.year, le=LATEST.year)]
#: An identifier in a filter or a body: what the databases cannot store cannot exist.
Id = Annotated[int, Interval(ge=1, le=MAX_ID)]


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

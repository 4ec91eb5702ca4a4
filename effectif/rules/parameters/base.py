"""The one mechanism for dated legal parameters.

A `Parameter` is a named history of values, each valid from its `start` date until the next
one starts. Every value cites its legal source; values not confirmed in the official text are
flagged `unconfirmed=True` so that they can be listed and checked before release.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

T = TypeVar("T")


class MissingParameter(LookupError):
    """No value of a parameter applies on the date asked."""

    def __init__(self, name: str, on: date) -> None:
        super().__init__(
            f"Aucune valeur du paramètre « {name} » n'est en vigueur le {on:%d/%m/%Y}."
        )
        self.name = name
        self.on = on


@dataclass(frozen=True, slots=True)
class DatedValue(Generic[T]):
    """One value of a parameter, in force from `start` (inclusive)."""

    start: date
    value: T
    source: str
    unconfirmed: bool = False
    end: date | None = None  # last day in force, when the value stops with no successor


@dataclass(frozen=True)
class Parameter(Generic[T]):
    """A named, sourced history of values."""

    name: str
    description: str
    values: tuple[DatedValue[T], ...]
    _starts: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.values:
            raise ValueError(f"Parameter {self.name!r} has no value")
        ordered = tuple(sorted(self.values, key=lambda v: v.start))
        starts = tuple(v.start for v in ordered)
        if len(set(starts)) != len(starts):
            raise ValueError(f"Parameter {self.name!r} has two values starting on one date")
        object.__setattr__(self, "values", ordered)
        object.__setattr__(self, "_starts", starts)

    def version_at(self, on: date) -> DatedValue[T]:
        """The dated value in force on `on`, or `MissingParameter`."""
        index = bisect.bisect_right(self._starts, on) - 1
        if index < 0:
            raise MissingParameter(self.name, on)
        version = self.values[index]
        if version.end is not None and on > version.end:
            raise MissingParameter(self.name, on)
        return version

    def at(self, on: date) -> T:
        """The value in force on `on`."""
        return self.version_at(on).value

    def __iter__(self) -> Iterator[DatedValue[T]]:
        return iter(self.values)


def unconfirmed_values(*parameters: Parameter[object]) -> list[tuple[str, DatedValue[object]]]:
    """Every value flagged as unconfirmed, for review before a release."""
    return [(p.name, v) for p in parameters for v in p.values if v.unconfirmed]

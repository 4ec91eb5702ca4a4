"""The retention schedule: every kind of personal data Effectif keeps, how long, and why.

Each app that keeps personal data registers, when ready:
- its *kinds* of data (`DataKind`): what they are, the processing they belong to (the record of
  processing activities, RGPD art. 30), how long they are kept (a dated parameter and the text
  it comes from) and, when its records expire one by one, the purge that erases or
  pseudonymises what is past its retention;
- its *part* of one person's data (`PersonPart`, in `core.personal_data`): what it exports for
  an access or portability request, and what it erases when the person's data are erased.

The privacy app reads this registry for the purge command, the exports, the erasures and the
record of processing activities; the processings themselves are described there. Core never
imports the apps: they register themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django_stubs_ext import StrOrPromise

from effectif.core.personal_data import PersonPart
from effectif.rules.parameters.base import Parameter
from effectif.rules.privacy.dates import Period, Unit


@dataclass(frozen=True)
class Outcome:
    """What a purge or an erasure did (or, in a dry run, would do)."""

    erased: int = 0
    pseudonymised: int = 0

    def __add__(self, other: Outcome) -> Outcome:
        return Outcome(self.erased + other.erased, self.pseudonymised + other.pseudonymised)

    @property
    def total(self) -> int:
        return self.erased + self.pseudonymised


NOTHING = Outcome()

#: (now, dry_run) -> what was (or would be) erased or pseudonymised. Idempotent: a second run
#: at the same moment finds nothing more.
Purge = Callable[[dt.datetime, bool], Outcome]


@dataclass(frozen=True)
class Processing:
    """One processing activity of the record (RGPD art. 30, 1)."""

    key: str
    name: Any
    purpose: Any
    legal_basis: Any
    persons: Any
    data: Any
    recipients: Any
    security: Any = ""  # measures of this processing, besides those common to all
    order: int = 100


@dataclass(frozen=True)
class DataKind:
    """One line of the retention schedule."""

    key: str
    label: StrOrPromise
    processing: str
    duration: Parameter[int]
    unit: Unit
    start: Any  # from when the duration runs, e.g. « après le départ du salarié »
    end: Any  # what becomes of the data then, e.g. « effacées », « pseudonymisées »
    purge: Purge | None = None
    #: the duration runs from the person's departure: the kind is erased with the person's
    #: data, by the parts that name it, rather than record by record
    from_departure: bool = False
    note: Any = ""
    order: int = 100

    def period(self, on: dt.date) -> Period:
        return Period(self.duration.at(on), self.unit)

    def source(self, on: dt.date) -> str:
        return self.duration.version_at(on).source

    def describe(self, on: dt.date) -> str:
        return f"{self.period(on)} {self.start}"

    def limit(self, now: dt.datetime) -> dt.date:
        """Records dated before this day are past their retention."""
        today = timezone.localdate(now)
        return self.period(today).before(today)

    def cutoff(self, now: dt.datetime) -> dt.datetime:
        """Records stamped before this moment are past their retention."""
        return now - (timezone.localdate(now) - self.limit(now))


@dataclass
class RetentionRegistry:
    processings: dict[str, Processing] = field(default_factory=dict)
    kinds: dict[str, DataKind] = field(default_factory=dict)
    parts: dict[str, PersonPart] = field(default_factory=dict)

    def register_processing(self, processing: Processing) -> None:
        self.processings[processing.key] = processing

    def register_kind(self, kind: DataKind) -> None:
        self.kinds[kind.key] = kind

    def register_part(self, part: PersonPart) -> None:
        self.parts[part.key] = part

    def schedule(self) -> list[DataKind]:
        return sorted(self.kinds.values(), key=lambda k: (k.order, k.key))

    def kind(self, key: str) -> DataKind:
        return self.kinds[key]

    def person_parts(self) -> list[PersonPart]:
        return sorted(self.parts.values(), key=lambda p: (p.order, p.key))

    def processing_list(self) -> list[Processing]:
        return sorted(self.processings.values(), key=lambda p: (p.order, p.key))

    def kinds_of(self, processing: str) -> list[DataKind]:
        return [kind for kind in self.schedule() if kind.processing == processing]

    def problems(self) -> list[str]:
        """What does not hold together: a kind of an unknown processing, a part of an unknown
        kind, a kind from the departure that no part erases."""
        found = [
            f"{kind.key} : traitement inconnu « {kind.processing} »"
            for kind in self.kinds.values()
            if kind.processing not in self.processings
        ]
        found += [
            f"{part.key} : catégorie inconnue « {part.kind} »"
            for part in self.parts.values()
            if part.kind not in self.kinds
        ]
        erased = {part.kind for part in self.parts.values()}
        found += [
            f"{kind.key} : aucune partie n'efface cette catégorie"
            for kind in self.kinds.values()
            if kind.from_departure and kind.key not in erased
        ]
        found += [
            f"{kind.key} : ni purge ni effacement au départ"
            for kind in self.kinds.values()
            if kind.purge is None and not kind.from_departure
        ]
        return found


retention = RetentionRegistry()

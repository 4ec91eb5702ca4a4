"""The registre unique du personnel in the retention schedule: its entries are withdrawn five
years after the departure (C. trav. R1221-26) by `register_purge`, which the one purge command
runs. The register is read live from the files and contracts: there is no copy to export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.retention import DataKind, Outcome
from effectif.register.selectors import expired_contracts
from effectif.register.services import register_purge
from effectif.rules.parameters.departures import REGISTER_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit


def purge_register(now: dt.datetime, dry_run: bool) -> Outcome:
    today = timezone.localdate(now)
    if dry_run:
        return Outcome(erased=expired_contracts(today).count())
    return Outcome(erased=register_purge(today=today))


REGISTER = DataKind(
    key="register",
    label=_("Registre unique du personnel"),
    processing="personnel",
    duration=REGISTER_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_("entrées retirées du registre (la date du retrait est gardée comme preuve)"),
    purge=purge_register,
    note=_("Tenu par établissement (C. trav. L1221-13, D1221-23 s.)."),
    order=30,
)


def register(registry: Any) -> None:
    registry.register_kind(REGISTER)

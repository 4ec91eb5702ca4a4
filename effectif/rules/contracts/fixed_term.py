"""Fixed-term contracts (CDD): the end-of-contract indemnity (C. trav. L1243-8 to L1243-10), the
maximum duration and number of renewals (L1242-8-1, L1243-13-1) and the waiting period between
successive contracts on one post (L1244-3-1, exceptions L1244-4-1).

Reasons are the codes of the contracts app (« accroissement », « saisonnier », « usage »…).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from effectif.rules.contracts.trial_period import add_months
from effectif.rules.contracts.working_days import open_days_after
from effectif.rules.money import ZERO, round_amount
from effectif.rules.parameters.departures import (
    CDD_END_INDEMNITY_RATE,
    FIXED_TERM_MAX_MONTHS,
    FIXED_TERM_MAX_RENEWALS,
    WAITING_PERIOD,
)

#: Cases where the end-of-contract indemnity is not due, with their article.
INDEMNITY_EXCEPTIONS: dict[str, str] = {
    "saisonnier": "emploi saisonnier (C. trav. art. L1243-10 1°)",
    "usage": "CDD d'usage (C. trav. art. L1243-10 1°)",
    "etudiant": "emploi de vacances d'un jeune pendant son cursus (C. trav. art. L1243-10 2°)",
    "cdi_refuse": "CDI refusé pour un emploi similaire (C. trav. art. L1243-10 3°)",
    "rupture_salarie": "rupture anticipée à l'initiative du salarié (C. trav. art. L1243-10 4°)",
    "faute_grave": "rupture anticipée pour faute grave (C. trav. art. L1243-10 4°)",
    "force_majeure": "rupture anticipée pour force majeure (C. trav. art. L1243-10 4°)",
    "cdi_poursuite": "la relation se poursuit en CDI (C. trav. art. L1243-8)",
    "aide": "contrat aidé ou de formation (C. trav. art. L1243-10 et L1242-3)",
    "formation": "contrat aidé ou de formation (C. trav. art. L1243-10 et L1242-3)",
}
#: Reasons that are exceptions by themselves.
REASON_EXCEPTIONS = frozenset({"saisonnier", "usage", "aide", "formation"})


@dataclass(frozen=True)
class EndIndemnity:
    due: bool
    amount: Decimal
    rate: Decimal
    basis: str


def end_of_contract_indemnity(
    *,
    total_gross: Decimal,
    on: date,
    reason: str,
    exception: str = "",
    reduced_by_agreement: bool = False,
) -> EndIndemnity:
    """10 % of the total gross pay of the contract, renewals included (6 % by an agreement
    offering training), unless an exception applies."""
    rates = CDD_END_INDEMNITY_RATE.at(on)
    rate = rates["by_agreement"] if reduced_by_agreement else rates["default"]
    found = exception or (reason if reason in REASON_EXCEPTIONS else "")
    if found:
        label = INDEMNITY_EXCEPTIONS.get(found, found)
        return EndIndemnity(False, ZERO, rate, f"Non due : {label}")
    article = "C. trav. art. L1243-9" if reduced_by_agreement else "C. trav. art. L1243-8"
    return EndIndemnity(True, round_amount(total_gross * rate), rate, article)


@dataclass(frozen=True)
class Breach:
    message: str
    article: str

    def __str__(self) -> str:
        return f"{self.message} ({self.article})"


def fixed_term_breaches(
    *, reason: str, start: date, end: date, renewals: int = 0, imprecise_term: bool = False
) -> list[Breach]:
    """What a fixed-term contract from `start` to `end` (renewals included) breaks."""
    breaches = []
    limits = FIXED_TERM_MAX_MONTHS.at(start)
    maximum = limits.get(reason, limits["default"])
    if (
        maximum is not None
        and not imprecise_term
        and end > add_months(start, maximum) - timedelta(days=1)
    ):
        breaches.append(
            Breach(
                f"La durée totale du CDD, renouvellements compris, dépasse {maximum} mois",
                "C. trav. art. L1242-8-1",
            )
        )
    most = FIXED_TERM_MAX_RENEWALS.at(start)
    if renewals > most:
        breaches.append(
            Breach(f"Un CDD ne peut être renouvelé plus de {most} fois", "C. trav. art. L1243-13-1")
        )
    return breaches


#: Reasons of the new contract for which no waiting period applies (L1244-4-1).
WAITING_EXEMPT_REASONS: dict[str, str] = {
    "remplacement": "nouvelle absence du salarié remplacé (C. trav. art. L1244-4-1 1°)",
    "remplacement_temps_partiel": "nouvelle absence du salarié remplacé (C. trav. art. L1244-4-1 1°)",
    "remplacement_chef": "remplacement d'un chef d'entreprise (C. trav. art. L1244-4-1 5°)",
    "saisonnier": "emploi saisonnier (C. trav. art. L1244-4-1 3°)",
    "usage": "CDD d'usage (C. trav. art. L1244-4-1 3°)",
    "aide": "contrat aidé (C. trav. art. L1244-4-1 4°)",
    "formation": "complément de formation (C. trav. art. L1244-4-1 4°)",
}

MONDAY_TO_FRIDAY = frozenset({0, 1, 2, 3, 4})


@dataclass(frozen=True)
class WaitingPeriod:
    open_days: int
    earliest_start: date
    exempt: str = ""  # why none applies
    article: str = "C. trav. art. L1244-3-1"


def waiting_period(
    *,
    previous_start: date,
    previous_end: date,
    new_reason: str,
    ended_early_by_employee: bool = False,
    department: str | None = None,
    open_weekdays: frozenset[int] = MONDAY_TO_FRIDAY,
) -> WaitingPeriod:
    """The waiting period after a fixed-term contract before another on the same post: 1/3 of
    its duration in days (renewals included) from 14 days, 1/2 below, counted in days the
    establishment is open, rounded up to a whole day."""
    if new_reason in WAITING_EXEMPT_REASONS:
        return WaitingPeriod(
            0, previous_end + timedelta(days=1), WAITING_EXEMPT_REASONS[new_reason]
        )
    if ended_early_by_employee:
        return WaitingPeriod(
            0,
            previous_end + timedelta(days=1),
            "rupture anticipée à l'initiative du salarié (C. trav. art. L1244-4-1 6°)",
        )
    table = WAITING_PERIOD.at(previous_end)
    duration = (previous_end - previous_start).days + 1
    fraction = (
        table["long_fraction"] if duration >= table["threshold_days"] else table["short_fraction"]
    )
    days = math.ceil(duration * fraction)
    last = open_days_after(previous_end, days, open_weekdays, department)
    return WaitingPeriod(days, last + timedelta(days=1))

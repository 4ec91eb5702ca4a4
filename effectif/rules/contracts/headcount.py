"""Headcount from contracts (C. trav. L1111-2 and L1111-3; CSS L130-1 and R130-1).

Each employee counts by the share of full time their contract provides; apprentices,
professionalisation contracts and interns are not counted, nor a fixed-term employee who
replaces an absent one. The annual headcount is the average of the twelve monthly headcounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from effectif.rules.contracts.kinds import NOT_COUNTED_KINDS, ContractKind, WorkingTime
from effectif.rules.parameters.contracts import LEGAL_MONTHLY_HOURS

HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class HeadcountFacts:
    """One contract as it stands on the day counted."""

    kind: ContractKind
    start_date: date
    end_date: date | None
    working_time: WorkingTime
    monthly_hours: Decimal | None
    replaces_absent_employee: bool = False


def weight(contract: HeadcountFacts, on: date) -> Decimal:
    """What one contract counts for on a day: 0, 1, or the part-time share."""
    if not (contract.start_date <= on and (contract.end_date is None or on <= contract.end_date)):
        return Decimal(0)
    if contract.kind in NOT_COUNTED_KINDS:
        return Decimal(0)
    if contract.kind in {ContractKind.CDD, ContractKind.INTERIM} and (
        contract.replaces_absent_employee
    ):
        return Decimal(0)
    if contract.working_time == WorkingTime.PART_TIME and contract.monthly_hours is not None:
        share = contract.monthly_hours / LEGAL_MONTHLY_HOURS.at(on)
        return min(share, Decimal(1))
    return Decimal(1)


def headcount_on(contracts: Iterable[HeadcountFacts], on: date) -> Decimal:
    """The headcount on one day, to the hundredth."""
    total = sum((weight(c, on) for c in contracts), Decimal(0))
    return total.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def average_headcount(monthly: Sequence[Decimal]) -> Decimal:
    """The average of monthly headcounts, to the hundredth (CSS R130-1)."""
    if not monthly:
        return Decimal("0.00")
    return (sum(monthly, Decimal(0)) / len(monthly)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)

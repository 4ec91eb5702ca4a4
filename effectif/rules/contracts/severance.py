"""Indemnities of a dismissal, of a rupture conventionnelle and of a retirement.

- Reference salary (C. trav. R1234-4): the more favourable of the monthly average of the last
  12 months (of all months when fewer) and of the last 3 months, where an annual or exceptional
  bonus paid in those 3 months counts only pro rata (3/12 of it).
- Legal severance indemnity (L1234-9, R1234-1, R1234-2): due after 8 months of uninterrupted
  seniority, not for gross or serious misconduct; 1/4 of a month per year up to 10 years, 1/3
  beyond, incomplete years by complete months; doubled for unfitness of professional origin
  (L1226-14). The right is judged on the notification, the amount on the end of the notice.
- Rupture conventionnelle (L1237-13) and mise à la retraite (L1237-7): at least the legal
  severance indemnity. Voluntary retirement (L1237-9, D1237-1): by a scale of seniority.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from effectif.rules.contracts.seniority import Seniority
from effectif.rules.money import ZERO, round_amount
from effectif.rules.parameters.departures import (
    RETIREMENT_INDEMNITY,
    SEVERANCE,
    UNFIT_WORK_MULTIPLIER,
)


@dataclass(frozen=True)
class MonthPay:
    """The gross pay of one month; `exceptional` is the part of it that is an annual or
    exceptional bonus."""

    gross: Decimal
    exceptional: Decimal = ZERO


@dataclass(frozen=True)
class ReferenceSalary:
    amount: Decimal
    twelve_months: Decimal
    three_months: Decimal
    method: str  # "12 mois" or "3 mois"
    basis: str = "C. trav. art. R1234-4"


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def reference_salary(months: Sequence[MonthPay]) -> ReferenceSalary:
    """`months` in order, the most recent last (only the last 12 are read)."""
    if not months:
        return ReferenceSalary(ZERO, ZERO, ZERO, "12 mois")
    last12 = list(months)[-12:]
    twelve = Fraction(sum((m.gross for m in last12), ZERO)) / len(last12)
    last3 = last12[-3:]
    three_total = Fraction(0)
    for month in last3:
        three_total += Fraction(month.gross - month.exceptional)
        three_total += Fraction(month.exceptional) * Fraction(3, 12)
    three = three_total / len(last3)
    best, method = (three, "3 mois") if three > twelve else (twelve, "12 mois")
    return ReferenceSalary(
        round_amount(_decimal(best)),
        round_amount(_decimal(twelve)),
        round_amount(_decimal(three)),
        method,
    )


@dataclass(frozen=True)
class Indemnity:
    due: bool
    amount: Decimal
    basis: str
    detail: str = ""


def severance_years_factor(years: Fraction, on: date) -> Fraction:
    """Months of salary owed for `years` of seniority (e.g. 12 years 6 months → 10/4 + 2.5/3)."""
    table = SEVERANCE.at(on)
    threshold = table["threshold_years"]
    return (
        years * table["rate_until_threshold"]
        + max(years - threshold, Fraction(0)) * table["extra_rate_beyond"]
    )


def legal_severance(
    *,
    seniority_at_notification: Seniority,
    seniority_at_end: Seniority,
    reference: Decimal,
    on: date,
    misconduct: bool = False,
    professional_unfitness: bool = False,
    minimum_seniority: bool = True,
) -> Indemnity:
    """The legal severance indemnity of a dismissal notified on `on`. `minimum_seniority=False`
    for a rupture conventionnelle, whose indemnity is due pro rata whatever the seniority."""
    table = SEVERANCE.at(on)
    if misconduct:
        return Indemnity(
            False, ZERO, "C. trav. art. L1234-9 : pas d'indemnité pour faute grave ou lourde"
        )
    required = int(table["min_seniority_months"])
    if minimum_seniority and seniority_at_notification.total_months < required:
        return Indemnity(
            False,
            ZERO,
            f"C. trav. art. L1234-9 : {required} mois d'ancienneté ininterrompue requis",
            seniority_at_notification.label(),
        )
    factor = severance_years_factor(seniority_at_end.in_years, on)
    basis = "C. trav. art. L1234-9, R1234-1 et R1234-2"
    if professional_unfitness:
        factor *= UNFIT_WORK_MULTIPLIER.at(on)
        basis += " ; doublée (L1226-14)"
    amount = round_amount(_decimal(Fraction(reference) * factor))
    return Indemnity(True, amount, basis, seniority_at_end.label())


def retirement_indemnity(*, seniority: Seniority, reference: Decimal, on: date) -> Indemnity:
    """Voluntary retirement: months of salary by complete years of seniority (D1237-1)."""
    months = Decimal(0)
    for years, owed in RETIREMENT_INDEMNITY.at(on):
        if seniority.years >= years:
            months = owed
    basis = "C. trav. art. L1237-9 et D1237-1"
    if not months:
        return Indemnity(False, ZERO, basis + " : 10 ans d'ancienneté requis", seniority.label())
    return Indemnity(True, round_amount(reference * months), basis, seniority.label())

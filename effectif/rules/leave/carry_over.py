"""When leave not taken expires, and how long illness carries it over.

Days acquired over a reference period are taken by the end of the following one, then lost,
unless illness prevented taking them: they are then carried over for 15 months from the
employee's return (the employer informs them within a month of it, L3141-19-3), or from the
end of the acquisition period when the employee had been absent for at least a year by then
(L3141-19-1, L3141-19-2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from effectif.rules.leave.periods import Period, add_months
from effectif.rules.parameters.leave import ILLNESS_CARRY_OVER_MONTHS, ILLNESS_INFORMATION_MONTHS


@dataclass(frozen=True)
class CarryOver:
    deadline: date
    starts: date  # the first day of the carry-over period
    basis: str


def illness_carry_over(
    acquisition_period: Period, absence_start: date, absence_end: date
) -> CarryOver:
    """The deadline of days that an absence from `absence_start` to `absence_end` (the last
    day of the sick note) prevented taking. The carry-over starts at the return, the day the
    employer informs the employee at the latest; or at the end of the acquisition period when
    the absence had lasted a year by then."""
    version = ILLNESS_CARRY_OVER_MONTHS.version_at(acquisition_period.end)
    months = version.value
    if (
        absence_start <= acquisition_period.end
        and absence_end >= acquisition_period.end
        and add_months(absence_start, 12) <= acquisition_period.end + timedelta(days=1)
    ):
        starts = acquisition_period.end + timedelta(days=1)
        basis = "C. trav. art. L3141-19-2 (absent depuis au moins un an)"
    else:
        starts = absence_end + timedelta(days=1)
        basis = "C. trav. art. L3141-19-1 (à compter du retour)"
    return CarryOver(add_months(starts, months) - timedelta(days=1), starts, basis)


def information_deadline(return_day: date) -> date:
    """The last day to inform a returning employee of their days and deadline."""
    return add_months(return_day, ILLNESS_INFORMATION_MONTHS.at(return_day))

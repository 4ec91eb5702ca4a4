"""The month-by-month follow-up of a budget, as plain arithmetic (no database).

The annual amount is spread evenly over the twelve months: the cumulative budget at the end of
month m is the annual amount × m / 12 rounded to the cent, so that December's cumulative budget
is the annual amount exactly and the monthly budgets absorb the rounding. The variance is what
is left: budget − committed − spent, for the month and cumulated since January.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from effectif.rules.money import ZERO, round_amount

MONTHS = range(1, 13)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: int  # 1 to 12
    budget: Decimal
    committed: Decimal
    spent: Decimal
    variance: Decimal  # budget − committed − spent, of the month
    budget_cumulative: Decimal
    committed_cumulative: Decimal
    spent_cumulative: Decimal
    variance_cumulative: Decimal

    @property
    def consumed(self) -> Decimal:
        return self.committed + self.spent


@dataclass(frozen=True, slots=True)
class YearFigures:
    """A budget and its consumption over a year, month by month."""

    budget: Decimal
    committed: Decimal
    spent: Decimal
    months: tuple[MonthFigures, ...]

    @property
    def variance(self) -> Decimal:
        return self.budget - self.committed - self.spent

    @property
    def consumed(self) -> Decimal:
        return self.committed + self.spent

    @property
    def consumed_percent(self) -> Decimal | None:
        """Share of the budget committed or spent, in percent; None without a budget."""
        if self.budget <= 0:
            return None
        return round_amount(self.consumed * 100 / self.budget)


def cumulative_budget(annual_amount: Decimal, month: int) -> Decimal:
    """The budget available from January to the end of `month`."""
    if month not in MONTHS:
        raise ValueError(f"month must be 1 to 12, not {month}")
    return round_amount(annual_amount * month / 12)


def monthly_figures(
    annual_amount: Decimal,
    committed: Mapping[int, Decimal],
    spent: Mapping[int, Decimal],
) -> YearFigures:
    """Budget, committed, spent and variance of each month (keys of the mappings: 1 to 12),
    and cumulated since January."""
    unknown = (set(committed) | set(spent)) - set(MONTHS)
    if unknown:
        raise ValueError(f"months must be 1 to 12, not {sorted(unknown)}")
    months = []
    previous_budget = ZERO
    committed_total = spent_total = ZERO
    for month in MONTHS:
        budget_cumulative = cumulative_budget(annual_amount, month)
        budget = budget_cumulative - previous_budget
        previous_budget = budget_cumulative
        month_committed = round_amount(committed.get(month, ZERO))
        month_spent = round_amount(spent.get(month, ZERO))
        committed_total += month_committed
        spent_total += month_spent
        months.append(
            MonthFigures(
                month=month,
                budget=budget,
                committed=month_committed,
                spent=month_spent,
                variance=budget - month_committed - month_spent,
                budget_cumulative=budget_cumulative,
                committed_cumulative=committed_total,
                spent_cumulative=spent_total,
                variance_cumulative=budget_cumulative - committed_total - spent_total,
            )
        )
    return YearFigures(
        budget=round_amount(annual_amount),
        committed=committed_total,
        spent=spent_total,
        months=tuple(months),
    )


def added(figures: Iterable[YearFigures]) -> YearFigures:
    """Several budgets' figures as one (a department and its sub-departments, an employer)."""
    rows = list(figures)
    budget = sum((f.budget for f in rows), ZERO)
    committed = {m: sum((f.months[m - 1].committed for f in rows), ZERO) for m in MONTHS}
    spent = {m: sum((f.months[m - 1].spent for f in rows), ZERO) for m in MONTHS}
    return monthly_figures(budget, committed, spent)

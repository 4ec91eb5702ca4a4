"""Seniority (ancienneté) in complete years, months and days, as the Code du travail counts it
for notice and severance (C. trav. L1234-1, R1234-1: incomplete years count by complete months).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from effectif.rules.contracts.trial_period import add_months


@dataclass(frozen=True)
class Seniority:
    years: int
    months: int
    days: int

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    @property
    def in_years(self) -> Fraction:
        """Years with incomplete years counted by complete months (R1234-1)."""
        return Fraction(self.total_months, 12)

    def label(self) -> str:
        parts = []
        if self.years:
            parts.append(f"{self.years} an{'s' if self.years > 1 else ''}")
        if self.months:
            parts.append(f"{self.months} mois")
        if self.days or not parts:
            parts.append(f"{self.days} jour{'s' if self.days > 1 else ''}")
        return " ".join(parts)


def seniority(start: date, end: date) -> Seniority:
    """From the first day `start` to the last day `end`, both included."""
    if end < start:
        return Seniority(0, 0, 0)
    stop = end + timedelta(days=1)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    while months > 0 and add_months(start, months) > stop:
        months -= 1
    days = (stop - add_months(start, months)).days
    return Seniority(months // 12, months % 12, days)

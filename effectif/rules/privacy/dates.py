"""Dates of the GDPR as pure functions: the end of a retention period and the deadline to
answer a request to exercise a right (RGPD art. 12.3)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from effectif.rules.parameters.base import DatedValue, Parameter

_GDPR = date(2018, 5, 25)  # application of the regulation (UE) 2016/679, art. 99


class Unit(StrEnum):
    YEARS = "ans"
    MONTHS = "mois"
    DAYS = "jours"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the last day of the month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    amount: int
    unit: Unit

    def after(self, start: date) -> date:
        """The day the period ends, counted from `start`."""
        if self.unit == Unit.DAYS:
            return date.fromordinal(start.toordinal() + self.amount)
        months = self.amount * 12 if self.unit == Unit.YEARS else self.amount
        return add_months(start, months)

    def before(self, end: date) -> date:
        """The start whose period ends on `end`: what started before it has expired."""
        if self.unit == Unit.DAYS:
            return date.fromordinal(end.toordinal() - self.amount)
        months = self.amount * 12 if self.unit == Unit.YEARS else self.amount
        return add_months(end, -months)

    def __str__(self) -> str:
        if self.amount == 1:
            singular = {Unit.YEARS: "an", Unit.MONTHS: "mois", Unit.DAYS: "jour"}[self.unit]
            return f"1 {singular}"
        return f"{self.amount} {self.unit.value}"


def end_of_year(day: date) -> date:
    """The last day of the calendar year (the financial year, when it is the calendar's)."""
    return date(day.year, 12, 31)


#: The controller answers a request within one month of its receipt…
RESPONSE_DELAY_MONTHS: Parameter[int] = Parameter(
    name="rgpd_delai_reponse_mois",
    description="Délai de réponse à une demande d'exercice des droits",
    values=(DatedValue(_GDPR, 1, "RGPD art. 12, paragraphe 3"),),
)

#: …extended by two further months where necessary, the person being told within the first.
EXTENSION_MONTHS: Parameter[int] = Parameter(
    name="rgpd_prolongation_mois",
    description="Prolongation du délai de réponse, compte tenu de la complexité et du nombre "
    "de demandes",
    values=(DatedValue(_GDPR, 2, "RGPD art. 12, paragraphe 3"),),
)


def response_deadline(received: date, *, extended: bool = False) -> date:
    """The last day to answer a request received on `received`."""
    months = RESPONSE_DELAY_MONTHS.at(received)
    if extended:
        months += EXTENSION_MONTHS.at(received)
    return add_months(received, months)

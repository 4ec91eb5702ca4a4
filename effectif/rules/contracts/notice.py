"""Notice periods (préavis): dismissal (C. trav. L1234-1), resignation (L1237-1) and the end of a
trial period (L1221-25, L1221-26).

A notice is a length in months and days. It runs from the first presentation of the dismissal
letter (L1234-3) or from the resignation, and the contract ends on its last day even when the
employer waives it (L1234-5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from effectif.rules.contracts.trial_notice import notice_end as trial_employer_notice_end
from effectif.rules.contracts.trial_period import add_months
from effectif.rules.parameters.departures import DISMISSAL_NOTICE, TRIAL_EMPLOYEE_NOTICE


@dataclass(frozen=True)
class NoticeLength:
    months: int = 0
    days: int = 0

    def label(self) -> str:
        if not self.months and not self.days:
            return "aucun"
        parts = []
        if self.months:
            parts.append(f"{self.months} mois")
        if self.days:
            parts.append(f"{self.days} jour{'s' if self.days > 1 else ''}")
        return " et ".join(parts)

    def approximate_days(self) -> int:
        """For comparing two lengths only (a month as 30 days)."""
        return self.months * 30 + self.days

    def last_day(self, start: date) -> date:
        """The last day of a notice starting on `start` (a month from the 15th ends on the
        14th of the next month)."""
        if not self.months and not self.days:
            return start
        end = add_months(start, self.months) if self.months else start
        return end + timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Notice:
    """The notice that applies; `length` is None when only the agreement or usage can say."""

    length: NoticeLength | None
    basis: str

    @property
    def label(self) -> str:
        return self.length.label() if self.length is not None else "selon la convention ou l'usage"


NONE = NoticeLength()


def dismissal_notice(
    *,
    seniority_months: int,
    on: date,
    misconduct: bool = False,
    agreement: NoticeLength | None = None,
) -> Notice:
    """The notice of a dismissal notified on `on` with `seniority_months` of continuous service.
    None for gross or serious misconduct; under 6 months, the agreement or usage; otherwise the
    legal notice, unless the agreement gives more (L1234-2)."""
    if misconduct:
        return Notice(
            NONE, "C. trav. art. L1234-1 : pas de préavis en cas de faute grave ou lourde"
        )
    legal: int | None = None
    for threshold, months in DISMISSAL_NOTICE.at(on):
        if seniority_months >= threshold:
            legal = months
    if legal is None:
        if agreement is None:
            return Notice(None, "C. trav. art. L1234-1 1° : convention collective ou usage")
        return Notice(agreement, "C. trav. art. L1234-1 1° : convention collective ou usage")
    legal_length = NoticeLength(months=legal)
    if agreement is not None and agreement.approximate_days() > legal_length.approximate_days():
        return Notice(agreement, "Convention collective, plus favorable (C. trav. art. L1234-2)")
    return Notice(legal_length, "C. trav. art. L1234-1")


def resignation_notice(agreement: NoticeLength | None) -> Notice:
    """The law sets none: the collective agreement, usage or contract does (L1237-1)."""
    basis = "C. trav. art. L1237-1 : convention collective, usage ou contrat"
    return Notice(agreement, basis)


def trial_end(
    *, start: date, trial_last_day: date, notified: date, by_employer: bool
) -> tuple[date, str]:
    """The last day of a contract whose trial is ended on `notified`: the end of the notice,
    never after the trial's last day (L1221-25: the trial is not extended by the notice)."""
    if by_employer:
        end = trial_employer_notice_end(start, notified)
        article = "C. trav. art. L1221-25"
    else:
        days = TRIAL_EMPLOYEE_NOTICE.at(start)
        presence = (notified - start).days + 1
        hours = days["under_8_days"] if presence < 8 else days["from_8_days"]
        end = notified + timedelta(days=hours)
        article = "C. trav. art. L1221-26"
    return min(end, trial_last_day), article

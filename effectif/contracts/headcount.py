"""Headcount of an employer, computed from its contracts (never typed)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from effectif.contracts.models import Contract, FixedTermReason
from effectif.organisation.models import Employer
from effectif.rules.contracts.headcount import HeadcountFacts, average_headcount, headcount_on
from effectif.rules.contracts.kinds import ContractKind, WorkingTime

_REPLACEMENT = {FixedTermReason.REPLACEMENT, FixedTermReason.REPLACEMENT_PART_TIME}


@dataclass(frozen=True)
class Headcount:
    on: dt.date
    people: int  # employees under contract on the day, whatever the contract
    full_time_equivalent: Decimal  # the day's count under L1111-2
    annual_average: Decimal  # average of the 12 month-ends up to the day (CSS R130-1)
    months: list[tuple[dt.date, Decimal]]


def _month_ends(on: dt.date, count: int = 12) -> list[dt.date]:
    ends = []
    year, month = on.year, on.month
    for _ in range(count):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        ends.append(min(last, on))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(ends))


def _facts_on(contract: Contract, day: dt.date) -> HeadcountFacts | None:
    versions = [v for v in contract.versions.all() if v.effective_date <= day]
    if not versions:
        return None
    terms = max(versions, key=lambda v: v.effective_date)
    return HeadcountFacts(
        kind=ContractKind(contract.kind),
        start_date=contract.start_date,
        end_date=contract.end_date,
        working_time=WorkingTime(terms.working_time),
        monthly_hours=terms.monthly_hours,
        replaces_absent_employee=contract.fixed_term_reason in _REPLACEMENT,
    )


def employer_headcount(employer: Employer, on: dt.date) -> Headcount:
    months = _month_ends(on)
    contracts = list(
        Contract.objects.filter(employee__employer=employer, start_date__lte=on)
        .exclude(end_date__lt=months[0].replace(day=1))
        .prefetch_related("versions")
    )
    monthly = []
    for day in months:
        facts = [f for c in contracts if (f := _facts_on(c, day)) is not None]
        monthly.append((day, headcount_on(facts, day)))
    today_facts = [f for c in contracts if (f := _facts_on(c, on)) is not None]
    people = sum(
        1 for c in contracts if c.start_date <= on and (c.end_date is None or c.end_date >= on)
    )
    return Headcount(
        on=on,
        people=people,
        full_time_equivalent=headcount_on(today_facts, on),
        annual_average=average_headcount([value for _, value in monthly]),
        months=monthly,
    )

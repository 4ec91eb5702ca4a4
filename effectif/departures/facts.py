"""Facts of a departure gathered from the other apps: continuous service, monthly pay from the
contracts' terms, the employers' notice periods, and the paid leave not taken (leave app)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from effectif.contracts.models import Contract
from effectif.contracts.selectors import terms_as_of
from effectif.departures.models import Departure, NoticePolicy, NoticeUnit
from effectif.leave.models import Category as LeaveCategory
from effectif.leave.models import LeaveType
from effectif.leave.pay import pay_versions, reference_gross
from effectif.leave.selectors import statement
from effectif.rules.contracts.notice import NoticeLength
from effectif.rules.contracts.severance import MonthPay
from effectif.rules.leave.pay import LeavePayFacts, leave_pay
from effectif.rules.leave.periods import add_months, month_end, month_start
from effectif.rules.leave.reference_pay import PayVersion, pro_rata_gross
from effectif.rules.money import ZERO, round_amount
from effectif.rules.parameters.departures import LEAVE_DAYS_PER_MONTH


def service_start(contract: Contract) -> dt.date:
    """The first day of continuous service: earlier contracts that ran up to this one's start
    count (a CDD followed by a CDI, L1243-11)."""
    start = contract.start_date
    earlier = {
        c.end_date: c.start_date
        for c in Contract.objects.filter(employee_id=contract.employee_id, end_date__isnull=False)
        .exclude(pk=contract.pk)
        .only("start_date", "end_date")
    }
    while (start - dt.timedelta(days=1)) in earlier:
        start = earlier[start - dt.timedelta(days=1)]
    return start


def _gross_between(versions: list[PayVersion], first: dt.date, last: dt.date) -> Decimal:
    """Base gross pay from `first` to `last`: each month's pay in force, pro rata of the days
    under contract."""
    return round_amount(pro_rata_gross(versions, first, last))


def monthly_pay(departure: Departure, before: dt.date) -> list[MonthPay]:
    """The gross pay of each of the last 12 complete months before `before` (fewer when the
    service is shorter), from the contracts' base pay."""
    versions = pay_versions(departure.employee_id)
    start = service_start(departure.contract)
    months = []
    for n in range(12, 0, -1):
        first = add_months(month_start(before), -n)
        if month_end(first) < start:
            continue
        months.append(MonthPay(_gross_between(versions, max(first, start), month_end(first))))
    return months


def contract_gross(contract: Contract, end: dt.date) -> Decimal:
    """Total base gross pay of a contract from its start to `end` (CDD indemnity base)."""
    return _gross_between(pay_versions(contract.employee_id), contract.start_date, end)


def _length(amount: int | None, unit: str) -> NoticeLength | None:
    if amount is None:
        return None
    if unit == NoticeUnit.MONTHS:
        return NoticeLength(months=amount)
    return NoticeLength(days=amount * (7 if unit == NoticeUnit.WEEKS else 1))


@dataclass(frozen=True)
class AgreedNotice:
    resignation: NoticeLength | None = None
    short_dismissal: NoticeLength | None = None
    dismissal: NoticeLength | None = None
    source: str = ""


def agreed_notice(departure: Departure, on: dt.date) -> AgreedNotice:
    terms = terms_as_of(departure.contract, max(on, departure.contract.start_date))
    if terms is None:
        return AgreedNotice()
    policy = NoticePolicy.objects.filter(
        employer_id=departure.employee.employer_id, category=terms.category
    ).first()
    if policy is None:
        return AgreedNotice()
    return AgreedNotice(
        _length(policy.resignation_amount, policy.resignation_unit),
        _length(policy.short_dismissal_amount, policy.short_dismissal_unit),
        NoticeLength(months=policy.dismissal_months) if policy.dismissal_months else None,
        policy.source,
    )


@dataclass(frozen=True)
class LeaveOwed:
    days: Decimal
    amount: Decimal
    detail: list[str]


def untaken_leave(departure: Departure, on: dt.date) -> LeaveOwed:
    """Paid leave acquired and not taken on the last day, valued the more favourable way
    (maintien de salaire or tenth of the reference period's pay) per reference period
    (compensatory indemnity, C. trav. L3141-28)."""
    employee = departure.employee
    paid = {
        t.pk: t
        for t in LeaveType.objects.filter(
            employer_id=employee.employer_id, category=LeaveCategory.PAID_LEAVE
        )
    }
    terms = terms_as_of(departure.contract, min(on, departure.contract.end_date or on))
    monthly = terms.monthly_gross_amount if terms else ZERO
    days_total, amount, detail = ZERO, ZERO, []
    for balance in statement(employee, on).balances:
        leave_type = paid.get(balance.leave_type.pk)
        if leave_type is None:
            continue
        per_month = LEAVE_DAYS_PER_MONTH.at(on).get(leave_type.counting, Decimal(26))
        for bucket in balance.buckets:
            remaining = bucket.remaining
            if remaining <= 0:
                continue
            period = bucket.period
            acquired = bucket.acquired + max(bucket.other, ZERO) or remaining
            if period.contains(on):  # the period in progress: pay earned so far
                period_gross = _gross_between(pay_versions(employee.pk), period.start, on)
            else:
                period_gross = reference_gross(employee, period)
            pay = leave_pay(
                LeavePayFacts(
                    on=on,
                    days_taken=remaining,
                    monthly_gross=monthly,
                    month_hours=per_month,
                    leave_hours=remaining,
                    reference_gross=period_gross,
                    days_acquired=acquired,
                )
            )
            days_total += remaining
            amount += pay.amount
            detail.append(
                f"{leave_type.label} {period.label} : {remaining} j → {pay.amount} € "
                f"({'dixième' if pay.method == 'dixieme' else 'maintien de salaire'})"
            )
    return LeaveOwed(days_total, round_amount(amount), detail)

"""Reads of payroll, scoped: HR see the periods of the employers they administer; an employee
sees their own payslips once the period is closed; a manager sees none. Reading a payslip that
is not one's own is audited."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.scoping import get_in_scope
from effectif.organisation.selectors import hr_employers_for
from effectif.payroll.models import (
    Anomaly,
    EmployeePayrollSettings,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
    PeriodStatus,
    Severity,
)

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def periods_for(user: Actor) -> QuerySet[PayrollPeriod]:
    return PayrollPeriod.objects.filter(employer__in=hr_employers_for(user)).select_related(
        "employer"
    )


def period_get(user: Actor, pk: Any) -> PayrollPeriod:
    return get_in_scope(periods_for(user), pk)


def period_list(user: Actor, *, employer_id: int | None = None) -> QuerySet[PayrollPeriod]:
    rows = periods_for(user).annotate(
        payslip_count=Count("payslips", distinct=True),
        blocking_count=Count(
            "anomalies", filter=Q(anomalies__severity=Severity.BLOCKING), distinct=True
        ),
    )
    if employer_id is not None:
        rows = rows.filter(employer_id=employer_id)
    return rows.order_by("-month", "employer__name")


@dataclass(frozen=True)
class PayslipFilters:
    search: str = ""
    only: str = ""  # "anomalies", "bloquantes", "echec"


def payslip_rows(period: PayrollPeriod, filters: PayslipFilters) -> QuerySet[Payslip]:
    rows = Payslip.objects.filter(period=period).select_related("employee")
    if filters.search:
        for word in filters.search.split():
            rows = rows.filter(
                Q(employee__last_name__icontains=word)
                | Q(employee__usage_name__icontains=word)
                | Q(employee__first_names__icontains=word)
                | Q(employee__matricule__iexact=word)
            )
    if filters.only == "anomalies":
        rows = rows.filter(Q(blocking_count__gt=0) | Q(warning_count__gt=0))
    elif filters.only == "bloquantes":
        rows = rows.filter(blocking_count__gt=0)
    elif filters.only == "echec":
        rows = rows.filter(status=PayslipStatus.FAILED)
    return rows.order_by("employee__last_name", "employee__first_names", "employee_id").only(
        "pk",
        "status",
        "element_count",
        "blocking_count",
        "warning_count",
        *Payslip.AMOUNT_FIELDS,
        "employee__last_name",
        "employee__usage_name",
        "employee__first_names",
        "employee__matricule",
    )


def period_totals(period: PayrollPeriod) -> dict[str, Decimal]:
    sums = Payslip.objects.filter(period=period, status=PayslipStatus.COMPUTED).aggregate(
        **{name: Sum(name) for name in Payslip.AMOUNT_FIELDS}, count=Count("pk")
    )
    return {k: v if v is not None else Decimal(0) for k, v in sums.items()}


def anomaly_counts(period: PayrollPeriod) -> dict[str, int]:
    """The period's blocking anomalies, warnings and warnings not yet accepted, in one query."""
    return period.anomalies.aggregate(
        blocking=Count("pk", filter=Q(severity=Severity.BLOCKING)),
        warnings=Count("pk", filter=Q(severity=Severity.WARNING)),
        open_warnings=Count(
            "pk", filter=Q(severity=Severity.WARNING, acknowledged_at__isnull=True)
        ),
    )


def anomalies_of(period: PayrollPeriod) -> QuerySet[Anomaly]:
    return period.anomalies.select_related("employee", "payslip", "acknowledged_by")


def elements_of(period: PayrollPeriod, employee_id: int | None = None) -> QuerySet[PayrollElement]:
    rows = period.elements.select_related("employee")
    if employee_id is not None:
        rows = rows.filter(employee_id=employee_id)
    return rows


def _on_paper() -> Subquery:
    """Whether the employee's payroll settings in force at the pay date ask for paper."""
    return Subquery(
        EmployeePayrollSettings.objects.filter(
            employee_id=OuterRef("employee_id"), effective_date__lte=OuterRef("period__pay_date")
        )
        .order_by("-effective_date")
        .values("paper_payslip")[:1]
    )


def chose_paper(user: Actor) -> bool:
    """The user's payroll settings in force today ask for the paper payslip."""
    if not user.is_authenticated:
        return False
    return bool(
        EmployeePayrollSettings.objects.filter(
            employee__user_id=user.pk, effective_date__lte=timezone.localdate()
        )
        .order_by("-effective_date")
        .values_list("paper_payslip", flat=True)
        .first()
    )


def _own(user: Actor) -> Q:
    """A person's own payslips once the period is closed, unless they opted for paper
    (C. trav. L3243-2: the electronic payslip is refused by a word of the employee)."""
    return Q(employee__user_id=user.pk, period__status=PeriodStatus.CLOSED) & (
        Q(on_paper__isnull=True) | Q(on_paper=False)
    )


def payslips_for(user: Actor) -> QuerySet[Payslip]:
    """HR: the payslips of the employers they administer; anyone: their own, once closed and
    unless they opted for paper."""
    if not user.is_authenticated:
        return Payslip.objects.none()
    return (
        Payslip.objects.annotate(on_paper=_on_paper())
        .filter(Q(period__employer__in=hr_employers_for(user)) | _own(user))
        .select_related("period", "period__employer", "employee")
    )


def payslip_get(user: Actor, pk: Any) -> Payslip:
    """One payslip in scope; reading someone else's is audited."""
    payslip = get_in_scope(payslips_for(user), pk)
    if payslip.employee.user_id != user.pk:
        audit(
            actor=user,
            action=AuditAction.READ,
            target=payslip,
            detail="Bulletin de paie consulté",
        )
    return payslip


def own_payslips(user: Actor) -> QuerySet[Payslip]:
    if not user.is_authenticated:
        return Payslip.objects.none()
    return (
        Payslip.objects.annotate(on_paper=_on_paper())
        .filter(_own(user), status=PayslipStatus.COMPUTED)
        .select_related("period", "period__employer")
        .order_by("-period__month")
    )

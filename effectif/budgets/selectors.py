"""Scoped reads of budgets and their follow-up against trips and expense reports.

HR see and write the budgets of the departments of their employers; a manager reads those of
the departments they manage (through the tree). Consumption is read with aggregate queries:
the approved trips' estimated cost on the month they start (until an expense report of the
trip is reimbursed), then the reimbursed reports' accepted amount on the month of their
reimbursement. Each is charged to its department (the trip's or report's « service imputé »,
else the requester's department); a department's figures include its sub-departments'.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth

from effectif.budgets.figures import YearFigures, added, monthly_figures
from effectif.budgets.models import Budget, BudgetKind
from effectif.budgets.permissions import is_active, may_edit
from effectif.core.roles import is_hr, is_manager
from effectif.core.scoping import get_in_scope
from effectif.organisation.models import Department, Employer
from effectif.organisation.selectors import hr_employers_for, managed_department_ids, subtree_ids
from effectif.rules.money import ZERO
from effectif.travel.models import ExpenseReport, ExpenseStatus, Trip
from effectif.travel.models.trips import COMMITTED_STATUSES

if TYPE_CHECKING:
    from effectif.accounts.models import User


def budgets_for(user: User) -> QuerySet[Budget]:
    """Budgets the user may read."""
    rows = Budget.objects.select_related("department", "department__employer")
    if not is_active(user):
        return rows.none()
    if is_hr(user):
        return rows.filter(department__employer__in=hr_employers_for(user))
    if is_manager(user):
        return rows.filter(department_id__in=managed_department_ids(user))
    return rows.none()


def editable_budgets_for(user: User) -> QuerySet[Budget]:
    """Budgets the user may change: HR of the department's employer."""
    if not may_edit(user):
        return Budget.objects.none()
    return budgets_for(user)


def budget_get(user: User, pk: Any) -> Budget:
    return get_in_scope(budgets_for(user), pk)


def budget_for_edit(user: User, pk: Any) -> Budget:
    return get_in_scope(editable_budgets_for(user), pk)


def budget_departments(user: User) -> QuerySet[Department]:
    """Departments the user may give a budget to."""
    if not may_edit(user):
        return Department.objects.none()
    return Department.objects.filter(employer__in=hr_employers_for(user)).select_related("employer")


def budget_list(
    user: User, *, year: int | None = None, employer_id: int | None = None
) -> QuerySet[Budget]:
    rows = budgets_for(user)
    if year:
        rows = rows.filter(year=year)
    if employer_id:
        rows = rows.filter(department__employer_id=employer_id)
    return rows.order_by("-year", "department__employer__name", "department__name")


def followup_employers(user: User) -> QuerySet[Employer]:
    """Employers whose follow-up the user may open: HR's, or those of managed departments."""
    if not is_active(user):
        return Employer.objects.none()
    if is_hr(user):
        return hr_employers_for(user).order_by("name")
    if is_manager(user):
        ids = managed_department_ids(user)
        return Employer.objects.filter(departments__id__in=ids).distinct().order_by("name")
    return Employer.objects.none()


def followup_employer_get(user: User, pk: Any) -> Employer:
    return get_in_scope(followup_employers(user), pk)


def followup_departments(user: User, employer: Employer) -> QuerySet[Department]:
    """The departments of `employer` whose figures the user may read."""
    rows = Department.objects.filter(employer=employer).order_by("name")
    if not is_active(user):
        return rows.none()
    if is_hr(user):
        return rows if hr_employers_for(user).filter(pk=employer.pk).exists() else rows.none()
    if is_manager(user):
        return rows.filter(id__in=managed_department_ids(user))
    return rows.none()


# --- Consumption ---------------------------------------------------------------------------

#: Per department (None: charged to no department), per month (1–12): an amount.
Amounts = dict[int | None, dict[int, Decimal]]


def _by_department_and_month(rows: Iterable[Mapping[str, Any]]) -> Amounts:
    found: Amounts = defaultdict(dict)
    for row in rows:
        month = row["month"].month
        department = found[row["charged"]]
        department[month] = department.get(month, ZERO) + (row["total"] or ZERO)
    return dict(found)


def committed_amounts(employer: Employer, year: int) -> Amounts:
    """Approved trips starting in `year`, whose expense report is not reimbursed yet: their
    estimated cost, on the month they start."""
    # (NOT IN with a NULL would exclude everything: reports without a trip are left out.)
    reimbursed = ExpenseReport.objects.filter(
        status=ExpenseStatus.REIMBURSED, trip__isnull=False
    ).values("trip_id")
    rows = (
        Trip.objects.filter(employer=employer, status__in=COMMITTED_STATUSES, start_date__year=year)
        .exclude(pk__in=reimbursed)
        .annotate(
            charged=Coalesce("department_id", "employee__department_id"),
            month=TruncMonth("start_date"),
        )
        .values("charged", "month")
        .annotate(total=Sum("estimated_cost_amount"))
        .order_by()
    )
    return _by_department_and_month(rows)


def spent_amounts(employer: Employer, year: int) -> Amounts:
    """Expense reports reimbursed in `year`: their accepted amount, on the month reimbursed."""
    rows = (
        ExpenseReport.objects.filter(
            employer=employer, status=ExpenseStatus.REIMBURSED, reimbursed_at__year=year
        )
        .annotate(
            charged=Coalesce("department_id", "trip__department_id", "employee__department_id"),
            month=TruncMonth("reimbursed_at"),
        )
        .values("charged", "month")
        .annotate(total=Sum("accepted_amount"))
        .order_by()
    )
    return _by_department_and_month(rows)


@dataclass(frozen=True)
class DepartmentFigures:
    department: Department | None  # None: charged to no department
    depth: int  # in the tree, for indentation
    own_budget: Budget | None  # the department's own budget (the figures add sub-departments')
    figures: YearFigures


@dataclass(frozen=True)
class FollowUp:
    employer: Employer
    year: int
    department: Department | None  # the filter, if any
    total: YearFigures
    rows: list[DepartmentFigures] = field(default_factory=list)
    includes_subdepartments: bool = True


def _tree_order(departments: list[Department], roots: set[int]) -> list[tuple[Department, int]]:
    """Departments depth first from `roots`, by name, each with its depth below its root."""
    children: dict[int | None, list[Department]] = defaultdict(list)
    for department in departments:
        children[None if department.pk in roots else department.parent_id].append(department)
    ordered: list[tuple[Department, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for department in sorted(children.get(parent, []), key=lambda d: d.name):
            ordered.append((department, depth))
            walk(department.pk, depth + 1)

    walk(None, 0)
    return ordered


def followup(
    user: User, *, employer: Employer, year: int, department: Department | None = None
) -> FollowUp:
    """The year's figures of the departments of `employer` the user may read, month by month;
    with `department`, that department and those below it."""
    visible = list(followup_departments(user, employer))
    visible_ids = {d.pk for d in visible}
    parents = {d.pk: d.parent_id for d in Department.objects.filter(employer=employer)}
    if department is not None:
        shown_ids = subtree_ids({department.pk}, parents) & visible_ids
    else:
        shown_ids = visible_ids
    shown = [d for d in visible if d.pk in shown_ids]
    budgets = {
        b.department_id: b
        for b in Budget.objects.filter(
            department_id__in=shown_ids, year=year, kind=BudgetKind.TRAVEL
        )
    }
    committed = committed_amounts(employer, year)
    spent = spent_amounts(employer, year)

    def own(dept_id: int | None) -> YearFigures:
        budget = budgets.get(dept_id) if dept_id is not None else None
        return monthly_figures(
            budget.amount if budget is not None else ZERO,
            committed.get(dept_id, {}),
            spent.get(dept_id, {}),
        )

    owns = {dept_id: own(dept_id) for dept_id in shown_ids}
    rows: list[DepartmentFigures] = []
    roots = {
        d.pk
        for d in shown
        if d.parent_id not in shown_ids or (department is not None and d.pk == department.pk)
    }
    for dept, depth in _tree_order(shown, roots):
        subtree = subtree_ids({dept.pk}, parents) & shown_ids
        figures = added(owns[i] for i in subtree)
        if figures.budget or figures.committed or figures.spent:
            rows.append(DepartmentFigures(dept, depth, budgets.get(dept.pk), figures))
    parts = [owns[i] for i in shown_ids]
    # What is charged to no department (or to one of a now-deleted tree) is HR's only.
    everything = department is None and is_hr(user)
    if everything:
        unassigned = own(None)
        if unassigned.committed or unassigned.spent:
            rows.append(DepartmentFigures(None, 0, None, unassigned))
        parts.append(unassigned)
    return FollowUp(
        employer=employer,
        year=year,
        department=department,
        total=added(parts) if parts else monthly_figures(ZERO, {}, {}),
        rows=rows,
    )


def followup_years(user: User, employer: Employer) -> list[int]:
    """Years with a budget in the user's view of the employer (for the year picker)."""
    ids = followup_departments(user, employer).values("id")
    return sorted(
        set(Budget.objects.filter(department_id__in=ids).values_list("year", flat=True)),
        reverse=True,
    )

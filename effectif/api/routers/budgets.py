"""Travel budgets: each department's budget of a year with what is committed and spent against
it, read-only; HR see their employers' budgets, a manager those of the departments they manage.
The figures are those of the follow-up page: a department's include its sub-departments'."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from effectif.accounts.models import User
from effectif.api.auth import request_user
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.budgets import BudgetDetailOut, BudgetOut
from effectif.api.schemas.common import READ_ERRORS, Id, Year, ref
from effectif.budgets.figures import YearFigures, monthly_figures
from effectif.budgets.models import Budget
from effectif.budgets.selectors import budget_get, budget_list, followup
from effectif.rules.money import ZERO

router = Router(tags=["Budgets"])


def figures_out(figures: YearFigures) -> dict[str, Any]:
    return {
        "budget": figures.budget,
        "committed": figures.committed,
        "spent": figures.spent,
        "variance": figures.variance,
        "consumed_percent": figures.consumed_percent,
    }


def budget_out(budget: Budget, figures: YearFigures) -> dict[str, Any]:
    return {
        "id": budget.pk,
        "employer": ref(budget.department.employer),
        "department": ref(budget.department),
        "kind": budget.kind,
        "year": budget.year,
        "amount": budget.amount,
        "comment": budget.comment,
        "figures": figures_out(figures),
    }


def _with_figures(user: User, budgets: list[Budget]) -> list[dict[str, Any]]:
    """Each budget with its figures: one follow-up per employer and year of the page."""
    groups: dict[tuple[int, int], list[Budget]] = defaultdict(list)
    for budget in budgets:
        groups[(budget.department.employer_id, budget.year)].append(budget)
    figures: dict[int, YearFigures] = {}
    for group in groups.values():
        first = group[0]
        data = followup(user, employer=first.department.employer, year=first.year)
        rows = {row.department.pk: row.figures for row in data.rows if row.department}
        for budget in group:
            figures[budget.pk] = rows.get(budget.department_id) or monthly_figures(ZERO, {}, {})
    return [budget_out(budget, figures[budget.pk]) for budget in budgets]


@router.get("", response={200: Page[BudgetOut], **READ_ERRORS}, url_name="budgets")
def budgets_list(
    request: HttpRequest,
    paging: Query[Paging],
    year: Year | None = None,
    employer: Id | None = None,
    department: Id | None = None,
) -> Any:
    """Budgets in scope, latest year first, each with the year's figures."""
    user = request_user(request)
    rows = budget_list(user, year=year, employer_id=employer)
    if department:
        rows = rows.filter(department_id=department)
    return page_of(rows, paging, present=lambda items: _with_figures(user, items))


@router.get("/{int:budget_id}", response={200: BudgetDetailOut, **READ_ERRORS}, url_name="budget")
def budget_detail(request: HttpRequest, budget_id: int) -> Any:
    """A budget with its figures month by month and cumulated."""
    user = request_user(request)
    budget = budget_get(user, budget_id)
    department = budget.department
    data = followup(user, employer=department.employer, year=budget.year, department=department)
    return {
        **budget_out(budget, data.total),
        "months": [asdict(month) for month in data.total.months],
    }

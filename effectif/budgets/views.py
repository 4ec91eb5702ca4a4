"""Budget pages: the list, creating, changing and deleting a budget (HR), and the follow-up of
an employer's year month by month, with its chart and its .xlsx export (HR, and managers for
the departments they manage, read-only)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_AP
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from effectif.budgets import permissions as perms
from effectif.budgets.figures import MonthFigures, YearFigures
from effectif.budgets.forms import BudgetForm
from effectif.budgets.selectors import (
    FollowUp,
    budget_departments,
    budget_for_edit,
    budget_list,
    followup,
    followup_departments,
    followup_employer_get,
    followup_employers,
    followup_years,
)
from effectif.budgets.services import budget_create, budget_delete, budget_update
from effectif.core.access import require
from effectif.core.dates import parse_year
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, parse_id
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest


@require(perms.may_read)
def budget_list_view(request: AuthenticatedRequest) -> HttpResponse:
    year = parse_year(request.GET.get("annee"))
    employer_id = parse_id(request.GET.get("employeur"))
    rows = budget_list(request.user, year=year, employer_id=employer_id)
    return render(
        request,
        "budgets/list.html",
        {
            "page": page_of(request, rows),
            "employers": followup_employers(request.user),
            "employer_id": employer_id,
            "year": year,
            "can_edit": perms.may_edit(request.user),
        },
    )


def _form_page(request: HttpRequest, form: BudgetForm, title: str) -> HttpResponse:
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "subtitle": _("Budget de déplacements et frais")},
    )


@require(perms.may_edit)
def budget_create_view(request: AuthenticatedRequest) -> HttpResponse:
    initial = {"department": parse_id(request.GET.get("service"))}
    form = bound(request, BudgetForm, departments=budget_departments(request.user), initial=initial)
    if request.method == "POST" and saved(
        form,
        lambda: budget_create(
            department=form.cleaned_data["department"],
            year=form.cleaned_data["year"],
            amount=form.cleaned_data["amount"],
            comment=form.cleaned_data["comment"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Budget enregistré."))
        return redirect(_followup_url(form.cleaned_data["department"], form.cleaned_data["year"]))
    return _form_page(request, form, _("Nouveau budget"))


@require(perms.may_edit)
def budget_edit_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    budget = budget_for_edit(request.user, pk)
    initial = {
        "department": budget.department,
        "year": budget.year,
        "amount": budget.amount,
        "comment": budget.comment,
    }
    form = bound(
        request,
        BudgetForm,
        departments=budget_departments(request.user),
        initial=initial,
        editing=True,
    )
    if request.method == "POST" and saved(
        form,
        lambda: budget_update(
            budget=budget,
            year=form.cleaned_data["year"],
            amount=form.cleaned_data["amount"],
            comment=form.cleaned_data["comment"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Budget modifié."))
        return redirect(_followup_url(budget.department, form.cleaned_data["year"]))
    return _form_page(request, form, _("Modifier le budget %(budget)s") % {"budget": budget})


@require(perms.may_edit)
@require_POST
def budget_delete_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    budget = budget_for_edit(request.user, pk)
    budget_delete(budget=budget, by=request.user)
    messages.success(request, _("Budget supprimé."))
    return redirect("budgets:list")


def _followup_url(department: Any, year: int) -> str:
    return (
        f"{reverse('budgets:followup')}?employeur={department.employer_id}"
        f"&annee={year}&service={department.pk}"
    )


# --- Follow-up -----------------------------------------------------------------------------


def _month_label(month: int) -> str:
    return str(MONTHS[month]).capitalize()


def _chart_data(figures: YearFigures) -> dict[str, Any]:
    months = figures.months
    return {
        "labels": [str(MONTHS_AP[m.month]).capitalize() for m in months],
        "budget": [m.budget for m in months],
        "committed": [m.committed for m in months],
        "spent": [m.spent for m in months],
        "budget_cumulative": [m.budget_cumulative for m in months],
        "consumed_cumulative": [m.committed_cumulative + m.spent_cumulative for m in months],
        "variance_cumulative": [m.variance_cumulative for m in months],
        "titles": {
            "budget": _("Budget"),
            "committed": _("Engagé"),
            "spent": _("Dépensé"),
            "budget_cumulative": _("Budget cumulé"),
            "consumed_cumulative": _("Engagé + dépensé cumulés"),
        },
    }


EXPORT_COLUMNS = [
    Column(_lazy("Service"), lambda r: r[0], 32),
    Column(_lazy("Mois"), lambda r: r[1], 12),
    Column(_lazy("Budget"), lambda r: r[2].budget, 14),
    Column(_lazy("Engagé"), lambda r: r[2].committed, 14),
    Column(_lazy("Dépensé"), lambda r: r[2].spent, 14),
    Column(_lazy("Écart"), lambda r: r[2].variance, 14),
    Column(_lazy("Budget cumulé"), lambda r: r[2].budget_cumulative, 16),
    Column(_lazy("Engagé cumulé"), lambda r: r[2].committed_cumulative, 16),
    Column(_lazy("Dépensé cumulé"), lambda r: r[2].spent_cumulative, 16),
    Column(_lazy("Écart cumulé"), lambda r: r[2].variance_cumulative, 16),
]


def _export_rows(data: FollowUp) -> Iterator[tuple[str, str, MonthFigures]]:
    """Each month of the total, then of each department (its figures with those below it)."""
    parts: list[tuple[str, YearFigures]] = [(_("Total"), data.total)]
    for row in data.rows:
        label = row.department.name if row.department is not None else _("Non imputé")
        parts.append(("  " * row.depth + str(label), row.figures))
    for label, figures in parts:
        for month in figures.months:
            yield label, _month_label(month.month), month
        year = dataclasses.replace(  # December's cumulative figures, the year's own
            figures.months[-1],
            budget=figures.budget,
            committed=figures.committed,
            spent=figures.spent,
            variance=figures.variance,
        )
        yield label, _("Année"), year


@require(perms.may_read)
def followup_view(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    employers = list(followup_employers(request.user))
    year = parse_year(request.GET.get("annee")) or timezone.localdate().year
    requested = parse_id(request.GET.get("employeur"))
    if requested is not None:
        employer = followup_employer_get(request.user, requested)
    elif employers:
        employer = employers[0]
    else:
        return render(request, "budgets/followup.html", {"employers": [], "year": year})
    departments = followup_departments(request.user, employer)
    department_id = parse_id(request.GET.get("service"))
    department = get_in_scope(departments, department_id) if department_id else None
    data = followup(request.user, employer=employer, year=year, department=department)
    if request.GET.get("export") == "xlsx":
        name = f"budget {employer.name} {year}"
        if department is not None:
            name += f" {department.name}"
        return export_response(
            export_format="xlsx", columns=EXPORT_COLUMNS, rows=_export_rows(data), name=name
        )
    years = sorted({*followup_years(request.user, employer), year, timezone.localdate().year})
    return render(
        request,
        "budgets/followup.html",
        {
            "employers": employers,
            "employer": employer,
            "departments": departments,
            "department": department,
            "year": year,
            "years": sorted(years, reverse=True),
            "data": data,
            "months": [(_month_label(m.month), m) for m in data.total.months],
            "chart": _chart_data(data.total),
            "can_edit": perms.may_edit(request.user),
            "export_query": request.GET.urlencode(),
        },
    )

"""Legal checks on demand, and the month's variable elements for payroll."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.exporting import Column, export_response
from effectif.core.listing import query_without, requested_export
from effectif.organisation.selectors import hr_employers_for
from effectif.timekeeping import permissions as perms
from effectif.timekeeping.breach_text import breach_message, rule_label
from effectif.timekeeping.checking import legal_check_many
from effectif.timekeeping.forms.reports import ChecksForm, VariableElementsForm, month_start
from effectif.timekeeping.selectors import (
    check_departments,
    check_establishments,
    employees_to_check,
    variable_elements,
    weeks_of_month,
)

if TYPE_CHECKING:
    from effectif.core.typing import AuthenticatedRequest


def _month_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    first = today.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


@require(perms.can_run_checks)
def legal_checks(request: AuthenticatedRequest) -> HttpResponseBase:
    first, last = _month_bounds(timezone.localdate())
    form = ChecksForm(
        request.GET if "target" in request.GET else None,
        establishments=check_establishments(request.user),
        departments=check_departments(request.user),
        initial={"start": first, "end": last},
    )
    rows: list[dict[str, Any]] = []
    checked = 0
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        establishment, department = form.scope()
        scoped = employees_to_check(request.user, start, end, establishment, department)
        people = list(scoped)
        checked = len(people)
        found = legal_check_many(scoped, start, end)
        for person in people:
            for breach in found.get(person.pk, []):
                rows.append(
                    {
                        "employee": person,
                        "breach": breach,
                        "rule": rule_label(breach),
                        "article": breach.article,
                        "message": breach_message(breach),
                    }
                )
        if export := requested_export(request):
            return export_response(
                export_format=export,
                name=_("Contrôles du temps de travail"),
                rows=rows,
                columns=[
                    Column(_("Matricule"), lambda r: r["employee"].matricule, 12),
                    Column(_("Salarié"), lambda r: r["employee"].display_name, 28),
                    Column(_("Du"), lambda r: r["breach"].start_date, 12),
                    Column(_("Au"), lambda r: r["breach"].end_date, 12),
                    Column(_("Règle"), lambda r: r["rule"], 34),
                    Column(_("Article"), lambda r: r["article"], 30),
                    Column(_("Constat"), lambda r: r["message"], 90),
                ],
            )
    return render(
        request,
        "timekeeping/checks.html",
        {
            "form": form,
            "rows": rows,
            "checked": checked,
            "people_in_breach": len({r["employee"].pk for r in rows}),
            "export_query": query_without(request.GET, "export"),
        },
    )


@require(perms.can_see_variable_elements)
def variable_elements_view(request: AuthenticatedRequest) -> HttpResponseBase:
    employers = hr_employers_for(request.user).order_by("name")
    default = employers.first()
    form = VariableElementsForm(
        request.GET if "employer" in request.GET else None,
        employers=employers,
        initial={"employer": default, "month": month_start(None)},
    )
    employer, month = default, month_start(None)
    if form.is_bound and form.is_valid():
        employer, month = form.cleaned_data["employer"], month_start(form.cleaned_data["month"])
    rows = variable_elements(request.user, employer, month) if employer is not None else []
    if employer is not None and (export := requested_export(request)):
        return export_response(
            export_format=export,
            name=_("Éléments variables %(month)s") % {"month": month.strftime("%m-%Y")},
            rows=rows,
            columns=[
                Column(_("Matricule"), lambda r: r.employee.matricule, 12),
                Column(_("Salarié"), lambda r: r.employee.display_name, 28),
                Column(_("Semaines validées"), lambda r: r.weeks, 10),
                Column(_("Heures travaillées"), lambda r: r.worked),
                Column(_("Heures supplémentaires à 25 %"), lambda r: r.overtime_first),
                Column(_("Heures supplémentaires à 50 %"), lambda r: r.overtime_second),
                Column(_("Heures complémentaires à 10 %"), lambda r: r.complementary_first),
                Column(_("Heures complémentaires à 25 %"), lambda r: r.complementary_second),
                Column(_("Semaines à valider"), lambda r: r.pending, 10),
            ],
        )
    first_week, last_week = weeks_of_month(month)
    return render(
        request,
        "timekeeping/variable_elements.html",
        {
            "form": form,
            "employer": employer,
            "month": month,
            "rows": rows,
            "first_week": first_week,
            "last_week": last_week + dt.timedelta(days=6),
            "pending": sum(r.pending for r in rows),
            "totals": {
                name: sum((getattr(r, name) for r in rows), start=0)
                for name in (
                    "overtime_first",
                    "overtime_second",
                    "complementary_first",
                    "complementary_second",
                )
            },
            "export_query": query_without(request.GET, "export"),
        },
    )

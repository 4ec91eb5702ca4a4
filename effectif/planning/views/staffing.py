"""Minimum staffing by team and day of the week: HR for its employers' teams, a manager for
theirs."""

from __future__ import annotations

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import ensure, require
from effectif.core.editing import bound, saved
from effectif.core.typing import AuthenticatedRequest
from effectif.planning.forms import StaffingForm
from effectif.planning.models import Weekday
from effectif.planning.permissions import can_set_staffing, sees_plannings
from effectif.planning.selectors import (
    minimums_of,
    sortable,
    staffing_department_get,
    staffing_departments,
)
from effectif.planning.services import staffing_minimums_save


@require(sees_plannings)
def staffing_list(request: AuthenticatedRequest) -> HttpResponseBase:
    departments = sorted(
        staffing_departments(request.user),
        key=lambda d: (sortable(d.employer.name), sortable(d.name)),
    )
    minimums = minimums_of({d.pk for d in departments})
    rows = [
        {
            "department": department,
            "values": [minimums.get(department.pk, {}).get(day) for day in Weekday.values],
        }
        for department in departments
    ]
    context = {
        "rows": rows,
        "weekdays": Weekday.choices,
        "show_employer": len({d.employer_id for d in departments}) > 1,
    }
    return render(request, "planning/staffing_list.html", context)


@require(sees_plannings)
def staffing_edit(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    department = staffing_department_get(request.user, pk)
    ensure(can_set_staffing(request.user, department))
    current = minimums_of({department.pk}).get(department.pk, {})
    form = bound(request, StaffingForm, initial_minimums=current)
    if request.method == "POST" and saved(
        form,
        lambda: staffing_minimums_save(
            department=department, minimums=form.minimums(), by=request.user
        ),
    ):
        messages.success(
            request, _("Effectif minimum de %(name)s enregistré.") % {"name": department.name}
        )
        return redirect("planning:staffing")
    title = _("Effectif minimum — %(name)s") % {"name": department.name}
    return render(request, "planning/staffing_form.html", {"form": form, "title": title})

"""One day of someone's planning, changed in place: the stretches of work, checked against the
working-time limits by `shift_set`; a refused change may be saved with the reason for the
override, which the audit trail keeps with the breaches."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from effectif.core.access import ensure
from effectif.core.editing import add_service_errors
from effectif.core.htmx import is_htmx
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.models import Employee
from effectif.employees.selectors import employee_get
from effectif.leave.calendar import absences_by_day
from effectif.planning.cells import day_cell
from effectif.planning.forms import DayForm
from effectif.planning.grid import build_grid
from effectif.planning.periods import KINDS, MONTH, WEEK, long_date
from effectif.planning.selectors import planning_people, target_get
from effectif.planning.views.grid import edit_prefix
from effectif.timekeeping.breach_text import breach_message, rule_label
from effectif.timekeeping.permissions import can_edit_planning
from effectif.timekeeping.selectors import PlannedDay, planned_days_many
from effectif.timekeeping.services import LegalLimitBreached, shift_reset, shift_set


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise Http404 from error


def _back(request: AuthenticatedRequest, pour: str, kind: str, day: dt.date) -> str:
    """Where to go after the change without JavaScript: the page asked for, else the grid the
    editor was opened from, else the grid of the day."""
    wanted = (
        request.POST.get("retour")
        or request.GET.get("retour")
        or request.META.get("HTTP_REFERER", "")
    )
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    query = {"periode": kind, "date": day.isoformat()} | ({"pour": pour} if pour else {})
    return f"{reverse('planning:grid')}?{urlencode(query)}"


def _breaches(refused: LegalLimitBreached) -> list[dict[str, str]]:
    return [
        {"rule": rule_label(b), "article": b.article, "message": breach_message(b)}
        for b in refused.breaches
    ]


def _initial(planned: PlannedDay) -> str:
    shift = planned.shift
    if not shift.works:
        return _("repos")
    return shift.label() if shift.intervals else ""


def _saved(
    request: AuthenticatedRequest, employee: Employee, day: dt.date, pour: str, kind: str, back: str
) -> HttpResponseBase:
    message = _("Planning de %(name)s du %(day)s enregistré.") % {
        "name": employee.display_name,
        "day": day.strftime("%d/%m/%Y"),
    }
    if not is_htmx(request):
        messages.success(request, message)
        return redirect(back)
    user = request.user
    target = None
    if pour:
        try:
            target = target_get(user, pour)
        except Http404:
            target = None
    people = planning_people(user, target, day, day) if target is not None else []
    if all(person.pk != employee.pk for person in people):
        people, target = [employee], None
    grid = build_grid(
        user=user,
        people=people,
        start=day,
        end=day,
        week=kind == WEEK,
        target=target,
        today=timezone.localdate(),
    )
    context = {
        "grid": grid,
        "message": message,
        "edit_prefix": edit_prefix(),
        "edit_query": urlencode({"pour": pour, "periode": kind}),
    }
    response = render(request, "planning/partials/day_saved.html", context)
    response["HX-Trigger-After-Swap"] = "planning-saved"
    return response


@login_required
def day_edit(request: AuthenticatedRequest, employee_pk: int, day: str) -> HttpResponseBase:
    """The editor of one day (a dialog over the grid, or a page without JavaScript)."""
    user = request.user
    employee = employee_get(user, employee_pk)
    ensure(can_edit_planning(user, employee))
    on = _day(day)
    params = request.POST if request.method == "POST" else request.GET
    pour = params.get("pour", "")
    kind = params.get("periode") or MONTH
    if kind not in KINDS:
        kind = MONTH
    back = _back(request, pour, kind, on)
    planned = planned_days_many([employee], on, on)[employee.pk][on]
    absence = absences_by_day([employee.pk], on, on, viewer=user).get((employee.pk, on))
    breaches: list[dict[str, str]] = []
    if request.method == "POST":
        form = DayForm(request.POST)
        if form.is_valid():
            reason = form.cleaned_data["override_reason"].strip() or None
            try:
                if form.resets:
                    shift_reset(employee=employee, day=on, by=user, override_reason=reason)
                else:
                    shift_set(
                        employee=employee,
                        day=on,
                        intervals=form.cleaned_data["stretches"],
                        by=user,
                        override_reason=reason,
                    )
            except LegalLimitBreached as refused:
                breaches = _breaches(refused)
                if request.POST.get("override"):
                    form.add_error(
                        "override_reason",
                        _("Indiquez le motif de la dérogation pour enregistrer malgré tout."),
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return _saved(request, employee, on, pour, kind, back)
    else:
        form = DayForm(initial={"stretches": _initial(planned)})
    context: dict[str, Any] = {
        "employee": employee,
        "day": on,
        "day_label": long_date(on),
        "planned": planned,
        "current": day_cell(on, planned, absence, week=True),
        "form": form,
        "breaches": breaches,
        "outside": not planned.under_contract and not form.is_bound,
        "resetting": form.is_bound and form.resets,
        "action_url": request.path,
        "pour": pour,
        "kind": kind,
        "back": back,
        "htmx": is_htmx(request),
    }
    template = "planning/partials/day_editor.html" if is_htmx(request) else "planning/day.html"
    return render(request, template, context)

"""Schedules (HR): list, creation from a usual pattern, edition as a grid; their assignment
to an employee (from the personnel file); the employer's working-time settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import add_service_errors, bound, saved
from effectif.employees.selectors import employee_get
from effectif.organisation.selectors import hr_employers_for
from effectif.timekeeping import permissions as perms
from effectif.timekeeping.forms.schedules import (
    AssignmentForm,
    ScheduleGridForm,
    WorkingTimeSettingsForm,
    WorkScheduleForm,
)
from effectif.timekeeping.models import ScheduleKind, WorkSchedule
from effectif.timekeeping.presets import PRESETS
from effectif.timekeeping.selectors import (
    assignment_get,
    schedule_get,
    schedules_for,
    schedules_of_employer,
    settings_employer_get,
    working_time_settings_of,
)
from effectif.timekeeping.services import (
    schedule_assign,
    schedule_assignment_delete,
    schedule_save,
    working_time_settings_save,
)

if TYPE_CHECKING:
    from effectif.core.typing import AuthenticatedRequest


@require(perms.can_manage_schedules)
def schedule_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "timekeeping/schedule_list.html",
        {
            "schedules": schedules_for(request.user).order_by("employer__name", "name"),
            "employers": hr_employers_for(request.user).order_by("name"),
            "presets": PRESETS,
            "can_edit_settings": perms.can_edit_settings(request.user),
        },
    )


def _edit(
    request: AuthenticatedRequest, schedule: WorkSchedule, preset_initial: dict[str, Any]
) -> HttpResponse:
    creating = schedule.pk is None
    form = bound(request, WorkScheduleForm, instance=schedule)
    if creating:
        form.fields["employer"] = WorkScheduleForm.employer_field(hr_employers_for(request.user))
    source = form.data if form.is_bound else {**form.initial, **preset_initial}
    try:
        weeks = int(source.get("cycle_weeks") or schedule.cycle_weeks or 1)
    except (TypeError, ValueError):
        weeks = 1
    days_package = (source.get("kind") or schedule.kind) == ScheduleKind.DAYS
    grid_initial = preset_initial or (
        ScheduleGridForm.initial_from(list(schedule.days.all())) if not creating else {}
    )
    grid = ScheduleGridForm(
        request.POST if request.method == "POST" else None,
        weeks=weeks,
        days_package=days_package,
        initial=grid_initial,
    )
    if request.method == "POST" and "grille" not in request.POST:
        valid = form.is_valid() and grid.is_valid()
        if valid:
            try:
                if creating:
                    form.instance.employer = form.cleaned_data["employer"]
                schedule = schedule_save(
                    schedule=form.instance, days=grid.day_inputs(), by=request.user
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    target = grid if field.startswith("w") else form
                    for message in errors:
                        target.add_error(field if field in target.fields else None, message)
            else:
                messages.success(
                    request, _("Horaire « %(name)s » enregistré.") % {"name": schedule.name}
                )
                return redirect("timekeeping:schedule_list")
    return render(
        request,
        "timekeeping/schedule_form.html",
        {"form": form, "grid": grid, "schedule": schedule, "creating": creating},
    )


@require(perms.can_manage_schedules)
def schedule_create(request: AuthenticatedRequest) -> HttpResponse:
    preset = PRESETS.get(request.GET.get("modele", ""))
    schedule = WorkSchedule()
    initial: dict[str, Any] = {}
    if preset is not None and request.method != "POST":
        schedule.kind, schedule.cycle_weeks = preset.kind, preset.cycle_weeks
        schedule.name = str(preset.label).split(" (")[0]
        initial = preset.initial()
    return _edit(request, schedule, initial)


@require(perms.can_manage_schedules)
def schedule_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _edit(request, schedule_get(request.user, pk), {})


@login_required
def assign(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    ensure(perms.can_manage_schedules(request.user))
    form = bound(request, AssignmentForm, schedules=schedules_of_employer(employee.employer_id))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            schedule_assign(
                employee=employee,
                schedule=data["schedule"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                cycle_start_week=data["cycle_start_week"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Horaire « %(name)s » affecté à %(person)s.")
                % {"name": data["schedule"].name, "person": employee.display_name},
            )
            return redirect("employees:detail", pk=employee.pk)
    return render(
        request,
        "timekeeping/assign_form.html",
        {"form": form, "employee": employee, "title": _("Affecter un horaire")},
    )


@login_required
@require_POST
def assignment_delete(request: AuthenticatedRequest, employee_pk: int, pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    ensure(perms.can_manage_schedules(request.user))
    schedule_assignment_delete(assignment=assignment_get(employee, pk), by=request.user)
    messages.success(request, _("Affectation retirée."))
    return redirect("employees:detail", pk=employee.pk)


@require(perms.can_edit_settings)
def settings_edit(request: AuthenticatedRequest, employer_pk: int) -> HttpResponse:
    employer = settings_employer_get(request.user, employer_pk)
    form = bound(request, WorkingTimeSettingsForm, instance=working_time_settings_of(employer))
    if request.method == "POST" and saved(
        form, lambda: working_time_settings_save(settings=form.instance, by=request.user)
    ):
        messages.success(request, _("Paramètres du temps de travail enregistrés."))
        return redirect("timekeeping:schedule_list")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Temps de travail — %(employer)s") % {"employer": employer.name},
            "subtitle": _(
                "Laissez un champ vide pour appliquer la valeur légale ; un accord collectif "
                "peut fixer une autre valeur dans les limites indiquées."
            ),
        },
    )

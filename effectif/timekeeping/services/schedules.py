"""Writes to schedules, their assignment to employees, and the employer's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.employees.models import Employee
from effectif.timekeeping.models import (
    ScheduleAssignment,
    ScheduleDay,
    WorkingTimeSettings,
    WorkSchedule,
)
from effectif.timekeeping.models.schedules import Weekday

if TYPE_CHECKING:
    from effectif.accounts.models import User


@dataclass(frozen=True)
class DayInput:
    """One working day of a schedule as the form gives it."""

    week: int
    weekday: int
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    break_start: dt.time | None = None
    break_end: dt.time | None = None
    hours: Decimal | None = None


def pattern_summary(days: Sequence[ScheduleDay]) -> str:
    """The days of a schedule in one line, as the audit keeps them."""
    labels = dict(Weekday.choices)
    return " ; ".join(
        _("S%(week)s %(day)s %(shift)s")
        % {"week": day.week, "day": labels[day.weekday], "shift": day.shift().label()}
        for day in sorted(days, key=lambda d: (d.week, d.weekday))
    )


def _build_days(schedule: WorkSchedule, inputs: Sequence[DayInput]) -> list[ScheduleDay]:
    errors: dict[str, list[str]] = {}
    built = []
    labels = dict(Weekday.choices)
    for item in inputs:
        if item.week > schedule.cycle_weeks:
            continue
        if schedule.is_days_package:
            day = ScheduleDay(
                schedule=schedule,
                week=item.week,
                weekday=item.weekday,
                hours=item.hours or Decimal(0),
            )
        else:
            day = ScheduleDay(
                schedule=schedule,
                week=item.week,
                weekday=item.weekday,
                start_time=item.start_time,
                end_time=item.end_time,
                break_start=item.break_start,
                break_end=item.break_end,
                hours=Decimal(0),
            )
        try:
            day.full_clean(exclude=["schedule"], validate_unique=False)
        except ValidationError as error:
            prefix = f"{_('Semaine')} {item.week}, {labels[item.weekday]} : "
            for messages in error.message_dict.values():
                errors.setdefault(f"w{item.week}d{item.weekday}", []).extend(
                    prefix + str(message) for message in messages
                )
            continue
        built.append(day)
    if errors:
        raise ValidationError(errors)
    return built


@transaction.atomic
def schedule_save(*, schedule: WorkSchedule, days: Sequence[DayInput], by: User) -> WorkSchedule:
    """Create or update a schedule and replace its days; the audit keeps the pattern before and
    after. Changing a schedule in use changes the planning of everyone who follows it, past
    days included: for a change from a date on, assign a new schedule from that date."""
    built = _build_days(schedule, days)
    if not built:
        raise ValidationError(_("Un horaire doit compter au moins un jour travaillé."))
    before = "" if schedule.pk is None else pattern_summary(list(schedule.days.all()))
    save_audited(instance=schedule, by=by, fields=audited_fields(WorkSchedule))
    schedule.days.all().delete()
    for day in built:
        day.schedule = schedule
    ScheduleDay.objects.bulk_create(built)
    after = pattern_summary(built)
    if after != before:
        audit(
            actor=by,
            action=AuditAction.UPDATE,
            target=schedule,
            changes={"days": [before, after]},
            detail=_("Jours de l'horaire"),
        )
    return schedule


def _overlapping(employee: Employee, start: dt.date, end: dt.date | None) -> Any:
    found = ScheduleAssignment.objects.filter(employee=employee).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    if end is not None:
        found = found.filter(start_date__lte=end)
    return found.select_related("schedule").order_by("start_date")


@transaction.atomic
def schedule_assign(
    *,
    employee: Employee,
    schedule: WorkSchedule,
    start_date: dt.date,
    end_date: dt.date | None = None,
    cycle_start_week: int = 1,
    by: User,
) -> ScheduleAssignment:
    """The employee works `schedule` from `start_date`. An open-ended assignment begun before
    ends the day before; any other overlap is refused."""
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    assignment = ScheduleAssignment(
        employee=employee,
        schedule=schedule,
        start_date=start_date,
        end_date=end_date,
        cycle_start_week=cycle_start_week,
    )
    assignment.full_clean()
    errors: dict[str, list[str]] = {}
    if schedule.employer_id != employee.employer_id:
        errors["schedule"] = [_("L'horaire doit être celui de l'employeur du salarié.")]
    if cycle_start_week > schedule.cycle_weeks:
        errors["cycle_start_week"] = [
            _("Le cycle de cet horaire compte %(n)s semaine(s).") % {"n": schedule.cycle_weeks}
        ]
    if errors:
        raise ValidationError(errors)
    for current in _overlapping(employee, start_date, end_date):
        if current.start_date < start_date and current.end_date is None and end_date is None:
            before = snapshot(current, ["end_date"])
            current.end_date = start_date - dt.timedelta(days=1)
            current.save(update_fields=["end_date", "updated_at"])
            audit_update(
                actor=by, target=current, before=before, after=snapshot(current, ["end_date"])
            )
            continue
        raise ValidationError(
            {
                "start_date": [
                    _("Cette période chevauche l'horaire « %(name)s » affecté du %(start)s%(end)s.")
                    % {
                        "name": current.schedule.name,
                        "start": current.start_date.strftime("%d/%m/%Y"),
                        "end": _(" au %(day)s") % {"day": current.end_date.strftime("%d/%m/%Y")}
                        if current.end_date
                        else "",
                    }
                ]
            }
        )
    assignment.save()
    audit_creation(actor=by, target=assignment, fields=audited_fields(ScheduleAssignment))
    return assignment


@transaction.atomic
def schedule_assignment_delete(*, assignment: ScheduleAssignment, by: User) -> None:
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=assignment,
        changes={"schedule": [assignment.schedule.name, ""]},
        detail=_("Affectation du %(start)s retirée")
        % {"start": assignment.start_date.strftime("%d/%m/%Y")},
    )
    assignment.delete()


def working_time_settings_save(*, settings: WorkingTimeSettings, by: User) -> WorkingTimeSettings:
    return save_audited(instance=settings, by=by, fields=audited_fields(WorkingTimeSettings))

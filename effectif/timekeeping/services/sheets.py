"""Time sheets: the employee declares a week (entry and exit times, or a total per day),
submits it, the manager validates it or returns it; validation computes the week's overtime
and complementary hours with the rules and keeps them for payroll."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.rules.parameters.overtime import HOUR_PREMIUMS
from effectif.rules.parameters.working_time import OVERTIME, PART_TIME
from effectif.rules.working_time.overtime import WeekHours, weekly_hours
from effectif.rules.working_time.timeline import UnorderedShift
from effectif.timekeeping.calendar_data import CalendarData
from effectif.timekeeping.checking import gather, timeline_of
from effectif.timekeeping.models import RecordSource, SheetStatus, TimeRecord, TimeSheet
from effectif.timekeeping.shifts import (
    REST,
    Shift,
    first_overlap,
    shift_from_times,
    untimed_shift,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User

MAX_DAY_HOURS = Decimal(24)


@dataclass(frozen=True)
class DayEntry:
    """A day as declared: stretches of work (entry, exit), or a total of hours, or nothing."""

    intervals: Sequence[tuple[dt.time, dt.time]] = field(default_factory=tuple)
    hours: Decimal | None = None

    def shift(self) -> Shift:
        if self.intervals:
            return shift_from_times(self.intervals)
        if self.hours:
            return untimed_shift(self.hours)
        return REST


def _check_week_start(week_start: dt.date) -> None:
    if week_start.weekday() != 0:
        raise ValidationError(_("Une feuille de temps commence un lundi."), code="not_monday")


def _day_error(day: dt.date, message: str) -> ValidationError:
    return ValidationError({f"day_{day.isoformat()}": [message]})


def _shifts(week_start: dt.date, days: Mapping[dt.date, DayEntry]) -> dict[dt.date, Shift]:
    """The shifts of the week, each checked; errors are filed under the day."""
    errors: dict[str, list[str]] = {}
    shifts: dict[dt.date, Shift] = {}
    for day, entry in days.items():
        if not week_start <= day <= week_start + dt.timedelta(days=6):
            raise ValidationError(_("Un jour hors de la semaine a été saisi."), code="outside")
        try:
            shift = entry.shift()
        except UnorderedShift:
            errors[f"day_{day.isoformat()}"] = [
                _("Les plages doivent se suivre sans se chevaucher, et durer moins de 24 heures.")
            ]
            continue
        if (
            entry.hours is not None
            and not entry.intervals
            and not 0 <= entry.hours <= MAX_DAY_HOURS
        ):
            errors[f"day_{day.isoformat()}"] = [_("Une journée compte entre 0 et 24 heures.")]
            continue
        shifts[day] = shift
    overlap = first_overlap(shifts)
    if overlap is not None:
        errors[f"day_{overlap.isoformat()}"] = [_("Ces horaires chevauchent ceux de la veille.")]
    if errors:
        raise ValidationError(errors)
    return shifts


def _out_of_contract(employee: Employee, days: Sequence[dt.date]) -> list[dt.date]:
    if not days:
        return []
    data = CalendarData([employee], min(days), max(days))
    calendar = data.calendars[employee.pk]
    if not calendar.has_contracts:
        return []
    return [day for day in days if calendar.terms_on(day) is None]


def _describe(shifts: Mapping[dt.date, Shift]) -> dict[str, str]:
    return {day.strftime("%d/%m"): shift.label() for day, shift in sorted(shifts.items())}


@transaction.atomic
def timesheet_save(
    *,
    employee: Employee,
    week_start: dt.date,
    days: Mapping[dt.date, DayEntry],
    by: User,
    source: str = RecordSource.DECLARED,
) -> TimeSheet:
    """Record the week's days (a day left out or empty is not worked). Only a sheet being
    filled in can change."""
    _check_week_start(week_start)
    sheet, _created = TimeSheet.objects.select_for_update().get_or_create(
        employee=employee, week_start=week_start
    )
    if not sheet.is_editable:
        raise ValidationError(
            _("Cette semaine est %(status)s : elle ne peut plus être modifiée.")
            % {"status": sheet.get_status_display().lower()},
            code="locked",
        )
    shifts = {day: shift for day, shift in _shifts(week_start, days).items() if shift.works}
    outside = _out_of_contract(employee, sorted(shifts))
    if outside:
        raise _day_error(outside[0], _("Aucun contrat ne couvre ce jour."))
    records = {record.day: record for record in sheet.records.all()}
    before = _describe({day: record.shift() for day, record in records.items()})
    for day, record in records.items():
        if day not in shifts:
            record.delete()
    for day, shift in shifts.items():
        record = records.get(day) or TimeRecord(sheet=sheet, day=day)
        record.intervals = shift.pairs() if shift.timed else []
        record.hours = shift.hours
        record.source = source
        record.save()
    after = _describe(shifts)
    changes = {
        day: [before.get(day, ""), after.get(day, "")]
        for day in sorted(set(before) | set(after))
        if before.get(day, "") != after.get(day, "")
    }
    if changes:
        audit(
            actor=by,
            action=AuditAction.CREATE if not before else AuditAction.UPDATE,
            target=sheet,
            changes=changes,
        )
    sheet.save(update_fields=["updated_at"])
    return sheet


def _transition(sheet: TimeSheet, expected: str, message: str) -> TimeSheet:
    locked = TimeSheet.objects.select_for_update().get(pk=sheet.pk)
    if locked.status != expected:
        raise ValidationError(message, code="status")
    return locked


@transaction.atomic
def timesheet_submit(*, sheet: TimeSheet, by: User) -> TimeSheet:
    sheet = _transition(
        sheet, SheetStatus.DRAFT, _("Seule une semaine en cours de saisie peut être soumise.")
    )
    sheet.status = SheetStatus.SUBMITTED
    sheet.submitted_at = timezone.now()
    sheet.save(update_fields=["status", "submitted_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=sheet,
        changes={"status": ["", str(sheet.get_status_display())]},
    )
    return sheet


def parameters_version(on: dt.date) -> str:
    """The parameters the computation used, by name and the date their value took effect."""
    return ", ".join(
        f"{parameter.name}@{parameter.version_at(on).start.isoformat()}"
        for parameter in (OVERTIME, HOUR_PREMIUMS, PART_TIME)
    )


def stored_hours(sheet: TimeSheet) -> WeekHours:
    """The hours kept at validation, in the shape the rules compute them."""
    return WeekHours(
        monday=sheet.week_start,
        worked=sheet.worked_hours,
        overtime_first=sheet.overtime_first_hours,
        overtime_second=sheet.overtime_second_hours,
        complementary_first=sheet.complementary_first_hours,
        complementary_second=sheet.complementary_second_hours,
    )


def week_hours_of(sheet: TimeSheet) -> WeekHours:
    """The week's hours by premium band, computed from its records with the rules."""
    sunday = sheet.week_start + dt.timedelta(days=6)
    gathered = gather([sheet.employee], sheet.week_start, sunday)
    calendar = gathered.data.calendars[sheet.employee_id]
    facts = gathered.facts(calendar, sunday)
    shifts = {record.day: record.shift() for record in sheet.records.all()}
    (hours,) = weekly_hours(facts, timeline_of(sheet.week_start, sunday, shifts))
    return hours


@transaction.atomic
def timesheet_validate(*, sheet: TimeSheet, by: User) -> TimeSheet:
    """Validate a submitted week and keep its hours by band, with the parameters used."""
    sheet = _transition(
        sheet, SheetStatus.SUBMITTED, _("Seule une semaine soumise peut être validée.")
    )
    hours = week_hours_of(sheet)
    sheet.status = SheetStatus.APPROVED
    sheet.manager_decided_at = timezone.now()
    sheet.manager_decided_by = by
    sheet.decision_comment = ""
    sheet.worked_hours = hours.worked
    sheet.overtime_first_hours = hours.overtime_first
    sheet.overtime_second_hours = hours.overtime_second
    sheet.complementary_first_hours = hours.complementary_first
    sheet.complementary_second_hours = hours.complementary_second
    sheet.parameters_version = parameters_version(sheet.week_start)
    sheet.save()
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=sheet,
        changes={
            "status": [str(SheetStatus.SUBMITTED.label), str(SheetStatus.APPROVED.label)],
            "worked_hours": ["", str(hours.worked)],
            "overtime_first_hours": ["", str(hours.overtime_first)],
            "overtime_second_hours": ["", str(hours.overtime_second)],
            "complementary_first_hours": ["", str(hours.complementary_first)],
            "complementary_second_hours": ["", str(hours.complementary_second)],
        },
    )
    return sheet


@transaction.atomic
def timesheet_return(*, sheet: TimeSheet, by: User, comment: str) -> TimeSheet:
    """Send a submitted week back to the employee, saying what to correct."""
    if not comment.strip():
        raise ValidationError({"comment": [_("Dites au salarié ce qu'il faut corriger.")]})
    sheet = _transition(
        sheet, SheetStatus.SUBMITTED, _("Seule une semaine soumise peut être renvoyée.")
    )
    sheet.status = SheetStatus.DRAFT
    sheet.decision_comment = comment.strip()
    sheet.save(update_fields=["status", "decision_comment", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=sheet,
        changes={"status": [str(SheetStatus.SUBMITTED.label), str(SheetStatus.DRAFT.label)]},
        detail=sheet.decision_comment,
    )
    return sheet


@transaction.atomic
def timesheet_reopen(*, sheet: TimeSheet, by: User, reason: str) -> TimeSheet:
    """HR reopens a validated week (a correction before payroll): it is to be validated again,
    and its hours leave the variable elements until then."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Indiquez pourquoi la semaine est rouverte.")]})
    sheet = _transition(
        sheet, SheetStatus.APPROVED, _("Seule une semaine validée peut être rouverte.")
    )
    sheet.status = SheetStatus.DRAFT
    sheet.manager_decided_at = None
    sheet.manager_decided_by = None
    sheet.decision_comment = reason.strip()
    for name in (
        "worked_hours",
        "overtime_first_hours",
        "overtime_second_hours",
        "complementary_first_hours",
        "complementary_second_hours",
    ):
        setattr(sheet, name, Decimal("0.00"))
    sheet.parameters_version = ""
    sheet.save()
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=sheet,
        changes={"status": [str(SheetStatus.APPROVED.label), str(SheetStatus.DRAFT.label)]},
        detail=sheet.decision_comment,
    )
    return sheet

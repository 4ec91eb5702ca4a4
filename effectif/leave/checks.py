"""Checking a request before it is saved: its count as the employer counts it, overlaps, the
balance, the legal duration of a family event. Every refusal is a French message on the field
the user can fix."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from effectif.core.audit import format_value
from effectif.employees.models import Employee
from effectif.leave.facts import working_calendar
from effectif.leave.ledger import Bucket, available, employee_buckets
from effectif.leave.models import HOLDING, LeaveRequest, LeaveType, Status, Unit
from effectif.rules.leave import counting as rules
from effectif.rules.leave.counting import Count, CountingError, Span
from effectif.rules.leave.family import family_event_days


def day_label(day: dt.date) -> str:
    return date_format(day, "l j F Y")


def amount_label(amount: Decimal, unit: str) -> str:
    text = format_value(amount.normalize() if amount == amount.to_integral() else amount)
    if unit == Unit.HOURS:
        return _("%(n)s h") % {"n": text}
    return _("%(n)s j") % {"n": text}


@dataclass
class Evaluation:
    count: Count
    available: Decimal | None = None  # before this request; None for a type without balance
    warnings: list[str] = field(default_factory=list)
    #: The employee's buckets of the type read for the balance (None without one): a decision
    #: taken in the same transaction draws the days from them rather than reading them again.
    buckets: list[Bucket] | None = None

    @property
    def after(self) -> Decimal | None:
        return None if self.available is None else self.available - self.count.total


def _counting_error(error: CountingError) -> ValidationError:
    if error.code == rules.END_BEFORE_START:
        return ValidationError(
            {"end_date": [_("La date de fin ne peut pas précéder la date de début.")]}
        )
    if error.code == rules.HALF_DAYS_SAME_DAY:
        return ValidationError(
            {"end_morning": [_("Sur une seule journée, choisissez le matin ou l'après-midi.")]}
        )
    if error.code == rules.HALF_DAY_ON_REST_DAY and error.day is not None:
        return ValidationError(
            _("Le %(day)s n'est pas un jour travaillé : une demi-journée ne peut pas y être posée.")
            % {"day": day_label(error.day)}
        )
    return ValidationError(
        _("Aucun jour de travail sur cette période : il n'y a rien à décompter.")
    )


def count_request(
    employee: Employee, leave_type: LeaveType, span: Span, hours: Decimal | None = None
) -> Count:
    """The request counted as the employer counts it (ValidationError when it cannot be)."""
    try:
        span.check()
    except CountingError as error:
        raise _counting_error(error) from error
    if leave_type.unit == Unit.DAYS and (span.start_afternoon or span.end_morning):
        raise ValidationError(_("Ce type d'absence se pose par journées entières."))
    if hours is not None and (leave_type.unit != Unit.HOURS or span.start != span.end):
        raise ValidationError(
            {
                "hours": [
                    _("Un nombre d'heures se donne pour une seule journée d'un type en heures.")
                ]
            }
        )
    planned, holidays = working_calendar(employee, span.start, span.end)
    try:
        if leave_type.unit == Unit.HOURS:
            return rules.count_hours(span, planned, holidays, hours)
        return rules.count_days(span, planned, holidays, leave_type.counting)
    except CountingError as error:
        raise _counting_error(error) from error


def check_overlaps(employee: Employee, span: Span, exclude: int | None = None) -> None:
    others = LeaveRequest.objects.filter(
        employee=employee,
        status__in=HOLDING,
        start_date__lte=span.end,
        end_date__gte=span.start,
    ).select_related("leave_type")
    if exclude is not None:
        others = others.exclude(pk=exclude)
    wanted = span.halves()
    for other in others:
        theirs = Span(other.start_date, other.end_date, other.start_afternoon, other.end_morning)
        if wanted & theirs.halves():
            raise ValidationError(
                _(
                    "Cette demande chevauche une autre absence : %(type)s du %(start)s au "
                    "%(end)s (%(status)s)."
                )
                % {
                    "type": other.leave_type.label,
                    "start": other.start_date.strftime("%d/%m/%Y"),
                    "end": other.end_date.strftime("%d/%m/%Y"),
                    "status": other.get_status_display().lower(),
                }
            )


def pending_amount(employee: Employee, leave_type: LeaveType, exclude: int | None) -> Decimal:
    pending = LeaveRequest.objects.filter(
        employee=employee, leave_type=leave_type, status=Status.SUBMITTED
    )
    if exclude is not None:
        pending = pending.exclude(pk=exclude)
    return pending.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def evaluate(
    *,
    employee: Employee,
    leave_type: LeaveType,
    span: Span,
    hours: Decimal | None = None,
    exclude: int | None = None,
) -> Evaluation:
    """Count and check a request; raise ValidationError for what must be refused, and list
    what only deserves a warning."""
    if leave_type.employer_id != employee.employer_id:
        raise ValidationError({"leave_type": [_("Ce type d'absence est d'un autre employeur.")]})
    evaluation = Evaluation(count_request(employee, leave_type, span, hours))
    check_overlaps(employee, span, exclude)
    asked = evaluation.count.total
    if leave_type.has_balance:
        evaluation.buckets = employee_buckets(employee, leave_type)
        evaluation.available = available(
            employee, leave_type, span.start, evaluation.buckets
        ) - pending_amount(employee, leave_type, exclude)
        if asked > evaluation.available:
            values = {
                "asked": amount_label(asked, leave_type.unit),
                "available": amount_label(evaluation.available, leave_type.unit),
            }
            if leave_type.balance_policy == "refuser":
                raise ValidationError(
                    _("Solde insuffisant : %(asked)s demandés, %(available)s disponibles.") % values
                )
            evaluation.warnings.append(
                _("Cette demande dépasse le solde : %(asked)s demandés, %(available)s disponibles.")
                % values
            )
    if leave_type.family_event:
        legal = family_event_days(leave_type.family_event, span.start)
        if asked > legal:
            evaluation.warnings.append(
                _("La durée légale de ce congé est de %(n)s jours (C. trav. L3142-4).")
                % {"n": legal}
            )
    return evaluation

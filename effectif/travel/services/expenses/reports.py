"""Create and edit a draft expense report (its title and the trip it belongs to)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.services import audited_fields, save_audited
from effectif.employees.models import Employee
from effectif.travel.models import (
    ExpenseReport,
    Trip,
    TripStatus,
)
from effectif.travel.permissions import (
    can_edit_report,
    can_write_for,
)
from effectif.travel.services.numbering import next_reference

if TYPE_CHECKING:
    from effectif.accounts.models import User

REPORT_FIELDS = audited_fields(ExpenseReport)


EURO = "EUR"


def locked_report(report: ExpenseReport) -> ExpenseReport:
    return (
        ExpenseReport.objects.select_for_update(of=("self",))
        .select_related("employer", "employee", "employee__department", "trip")
        .get(pk=report.pk)
    )


def trips_for_report(employee: Employee) -> Any:
    """The approved trips a report of `employee` may be attached to."""
    return (
        Trip.objects.filter(Q(employee=employee) | Q(travellers=employee))
        .filter(status=TripStatus.APPROVED)
        .distinct()
        .order_by("-start_date")
    )


def _check_header(employee: Employee, title: str, trip: Trip | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Donnez un intitulé à la note de frais.")]
    if trip is not None and not trips_for_report(employee).filter(pk=trip.pk).exists():
        errors["trip"] = [
            _("Cet ordre de mission n'est pas un déplacement approuvé de %(name)s.")
            % {"name": employee.display_name}
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_create(
    *, employee: Employee, title: str, trip: Trip | None = None, by: User
) -> ExpenseReport:
    if not can_write_for(by, employee):
        raise PermissionDenied
    _check_header(employee, title, trip)
    report = ExpenseReport(
        employer=employee.employer,
        employee=employee,
        department=employee.department,
        trip=trip,
        title=title.strip(),
    )
    report.reference = next_reference(
        ExpenseReport, employee.employer, "NF", timezone.localdate().year
    )
    return save_audited(instance=report, by=by, fields=REPORT_FIELDS)


@transaction.atomic
def report_update(
    *, report: ExpenseReport, title: str, trip: Trip | None, by: User
) -> ExpenseReport:
    report = locked_report(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seul un brouillon peut être modifié."))
    _check_header(report.employee, title, trip)
    report.title = title.strip()
    report.trip = trip
    return save_audited(instance=report, by=by, fields=REPORT_FIELDS)

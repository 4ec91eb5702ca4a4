"""Scoped reads of trips, expense reports, vehicles and the employers' travel settings.

An employee sees their own trips (as requester or traveller) and reports; a manager, those of
their team once submitted (a draft stays private to its owner until it is sent) and their own;
HR, those of the employers they administer, drafts included (HR write on behalf of employees).
Anything else is a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from effectif.core.roles import is_admin, is_hr, is_manager
from effectif.core.scoping import get_in_scope
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for, managed_department_ids
from effectif.travel.models import (
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    PaymentBatch,
    PriceListEntry,
    Trip,
    TripStatus,
    Vehicle,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def trips_for(user: User) -> QuerySet[Trip]:
    rows = Trip.objects.all()
    if not _active(user):
        return rows.none()
    if is_admin(user):
        return rows
    own = Q(employee__user=user) | Q(travellers__user=user)
    if is_hr(user):
        return rows.filter(Q(employer__in=hr_employers_for(user)) | own).distinct()
    if is_manager(user):
        team = Q(employee__department_id__in=managed_department_ids(user)) & ~Q(
            status=TripStatus.DRAFT
        )
        return rows.filter(team | own).distinct()
    return rows.filter(own).distinct()


def trip_get(user: User, pk: Any) -> Trip:
    return get_in_scope(trips_for(user).select_related("employer", "employee", "department"), pk)


def reports_for(user: User) -> QuerySet[ExpenseReport]:
    rows = ExpenseReport.objects.all()
    if not _active(user):
        return rows.none()
    if is_admin(user):
        return rows
    own = Q(employee__user=user)
    if is_hr(user):
        return rows.filter(Q(employer__in=hr_employers_for(user)) | own)
    if is_manager(user):
        team = Q(employee__department_id__in=managed_department_ids(user)) & ~Q(
            status=ExpenseStatus.DRAFT
        )
        return rows.filter(team | own)
    return rows.filter(own)


def report_get(user: User, pk: Any) -> ExpenseReport:
    return get_in_scope(
        reports_for(user).select_related("employer", "employee", "department", "trip"), pk
    )


def lines_for(user: User) -> QuerySet[ExpenseLine]:
    return ExpenseLine.objects.filter(report__in=reports_for(user))


def vehicles_for(user: User) -> QuerySet[Vehicle]:
    """Own vehicles: the employee's, and HR's view of their employers' staff."""
    rows = Vehicle.objects.select_related("employee")
    if not _active(user):
        return rows.none()
    own = Q(employee__user=user)
    if is_admin(user):
        return rows
    if is_hr(user):
        return rows.filter(Q(employee__employer__in=hr_employers_for(user)) | own)
    return rows.filter(own)


def hr_employers(user: User) -> QuerySet[Employer]:
    return hr_employers_for(user)


def fares_for(user: User) -> QuerySet[PriceListEntry]:
    """The price list of the employers HR administer (read by anyone estimating a trip of
    their own employer)."""
    if not _active(user):
        return PriceListEntry.objects.none()
    if is_hr(user):
        return PriceListEntry.objects.filter(employer__in=hr_employers_for(user))
    employee = getattr(user, "employee", None)
    if employee is None:
        return PriceListEntry.objects.none()
    return PriceListEntry.objects.filter(employer_id=employee.employer_id)


def payment_batches_for(user: User) -> QuerySet[PaymentBatch]:
    if not _active(user) or not is_hr(user):
        return PaymentBatch.objects.none()
    return PaymentBatch.objects.filter(employer__in=hr_employers_for(user))

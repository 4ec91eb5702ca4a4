"""Trips and expense reports in the to-do (échéancier).

- trips awaiting approval, due the day before they start (the manager's, then HR's);
- expense reports to approve (the manager's) and to check (HR's), due a fortnight after they
  were submitted, and checked reports to reimburse, due with the next payroll (the end of the
  month they were checked in).

No article of the Labour Code sets these dates: they are the house's own, so that an employee
is reimbursed within a month of declaring an expense, and a trip is decided before it starts.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.core.deadlines import Deadline
from effectif.core.roles import is_hr
from effectif.travel.models import ExpenseStatus, TripStatus
from effectif.travel.permissions import (
    can_approve_report_as_manager,
    can_approve_trip_as_hr,
    can_approve_trip_as_manager,
    can_check_report,
    is_approver,
)
from effectif.travel.selectors.scope import reports_for, trips_for

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Days an approver has to decide a submitted report, then HR to check it.
DECIDE_WITHIN_DAYS = 14

_HOUSE_RULE = gettext_lazy(
    "Règle interne : décider dans les 14 jours, pour un remboursement dans le mois de la dépense "
    "(frais professionnels sur justificatifs, arrêté du 20/12/2002)."
)


def trips_to_approve(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    if not is_approver(user):
        return
    rows = (
        trips_for(user)
        .filter(
            status__in=(TripStatus.SUBMITTED, TripStatus.MANAGER_APPROVED),
            start_date__lte=end + dt.timedelta(days=1),
        )
        .select_related("employee", "employee__department", "employer")
        .order_by("start_date")
    )
    for trip in rows:
        if not (can_approve_trip_as_manager(user, trip) or can_approve_trip_as_hr(user, trip)):
            continue
        yield Deadline(
            due_date=trip.start_date - dt.timedelta(days=1),
            kind="trip_approval",
            title=_("Ordre de mission %(ref)s à approuver — %(name)s")
            % {"ref": trip.reference, "name": trip.employee.display_name},
            rule=_("Un déplacement se décide avant le départ (règle interne)."),
            url=reverse("travel:trip", args=[trip.pk]),
            employer_id=trip.employer_id,
            employee_id=trip.employee_id,
            detail=_("Départ le %(day)s") % {"day": f"{trip.start_date:%d/%m/%Y}"},
        )


def reports_to_decide(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """Reports the user must approve (manager) or check (HR)."""
    if not is_approver(user):
        return
    rows = (
        reports_for(user)
        .filter(status__in=(ExpenseStatus.SUBMITTED, ExpenseStatus.MANAGER_APPROVED))
        .select_related("employee", "employee__department", "employer")
        .order_by("submitted_at")
    )
    for report in rows:
        approving = can_approve_report_as_manager(user, report)
        if not (approving or can_check_report(user, report)):
            continue
        submitted = timezone.localdate(report.submitted_at) if report.submitted_at else end
        due = submitted + dt.timedelta(days=DECIDE_WITHIN_DAYS)
        if due > end:
            continue
        what = _("à valider") if approving else _("à contrôler")
        yield Deadline(
            due_date=due,
            kind="expense_report",
            title=_("Note de frais %(ref)s %(what)s — %(name)s")
            % {"ref": report.reference, "what": what, "name": report.employee.display_name},
            rule=str(_HOUSE_RULE),
            url=report.get_absolute_url(),
            employer_id=report.employer_id,
            employee_id=report.employee_id,
            detail=_("Soumise le %(day)s") % {"day": f"{submitted:%d/%m/%Y}"},
        )


def reports_to_reimburse(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    if not is_hr(user):
        return
    rows = (
        reports_for(user)
        .filter(status=ExpenseStatus.CHECKED)
        .select_related("employee", "employer")
        .order_by("checked_at")
    )
    for report in rows:
        checked = timezone.localdate(report.checked_at) if report.checked_at else end
        due = checked.replace(day=calendar.monthrange(checked.year, checked.month)[1])
        if due > end:
            continue
        yield Deadline(
            due_date=due,
            kind="expense_payment",
            title=_("Note de frais %(ref)s à rembourser — %(name)s (%(amount)s €)")
            % {
                "ref": report.reference,
                "name": report.employee.display_name,
                "amount": f"{report.payable_amount:.2f}".replace(".", ","),
            },
            rule=_("Remboursement avec la paie du mois ou par virement (règle interne)."),
            url=f"{reverse('travel:payments')}?employeur={report.employer_id}",
            employer_id=report.employer_id,
            employee_id=report.employee_id,
        )

"""Medical visits in the HR to-do: every visit still to take place stays there, overdue, until
it is held, cancelled or missed; and the month after an inaptitude notice. HR only: a manager's
to-do shows nothing of their team's health."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.deadlines import Deadline
from effectif.core.roles import is_hr
from effectif.health.models import OPEN_STATUSES, Outcome, Status
from effectif.health.selectors import visits_for
from effectif.rules.leave.periods import add_months
from effectif.rules.parameters.health import UNFIT_SALARY_MONTHS

if TYPE_CHECKING:
    from effectif.accounts.models import User


def visits_to_organise(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    if not is_hr(user):
        return
    visits = visits_for(user).filter(
        status__in=OPEN_STATUSES, due_date__lte=end, employee__file_closed_at__isnull=True
    )
    for visit in visits.order_by("due_date"):
        employee = visit.employee
        if visit.planned_at is not None:
            planned = timezone.localtime(visit.planned_at)
            detail = _("Prévue le %(day)s à %(time)s") % {
                "day": planned.strftime("%d/%m/%Y"),
                "time": planned.strftime("%H h %M"),
            }
        else:
            detail = _("À planifier avec le service de santé au travail")
        reason = visit.get_reason_display() or visit.get_kind_display()
        yield Deadline(
            due_date=visit.due_date,
            kind="medical_visit",
            title=_("%(kind)s — %(name)s")
            % {"kind": visit.get_kind_display(), "name": employee.display_name},
            rule=f"{reason} ({visit.basis})" if visit.basis else str(reason),
            url=reverse("health:detail", args=[visit.pk]),
            employer_id=employee.employer_id,
            employee_id=employee.pk,
            detail=detail,
        )


def unfit_salary(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """An unfit worker neither redeployed nor dismissed a month after the notice is paid
    again (C. trav. L1226-4, L1226-11)."""
    if not is_hr(user):
        return
    months = UNFIT_SALARY_MONTHS.at(end)
    visits = visits_for(user).filter(
        status=Status.DONE,
        outcome=Outcome.UNFIT,
        held_on__gte=add_months(start, -months),
        held_on__lte=end,
        employee__file_closed_at__isnull=True,
    )
    for visit in visits:
        assert visit.held_on is not None
        due = add_months(visit.held_on, months)
        if not start <= due <= end:
            continue
        yield Deadline(
            due_date=due,
            kind="unfit",
            title=_("Inaptitude de %(name)s : reclassement ou licenciement")
            % {"name": visit.employee.display_name},
            rule=_(
                "Un mois après l'avis d'inaptitude, le salarié ni reclassé ni licencié perçoit de "
                "nouveau son salaire (C. trav. art. L1226-4 et L1226-11)."
            ),
            url=reverse("health:detail", args=[visit.pk]),
            employer_id=visit.employee.employer_id,
            employee_id=visit.employee_id,
        )

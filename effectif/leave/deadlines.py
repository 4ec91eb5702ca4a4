"""Leave for the HR to-do: days still to take before they are lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.deadlines import Deadline
from effectif.core.roles import is_hr
from effectif.employees.selectors import employees_for
from effectif.leave.models import Category
from effectif.leave.selectors import managed_leave_types, must_take_before
from effectif.rules.money import round_amount


def leave_to_take(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    """Paid leave not taken by its deadline is lost (unless illness prevented it): HR reminds
    the employee, and the employer lets them take it."""
    if not is_hr(user):
        return
    for leave_type in managed_leave_types(user).filter(category=Category.PAID_LEAVE, active=True):
        employees = employees_for(user).filter(employer_id=leave_type.employer_id)
        for employee, bucket in must_take_before(employees, leave_type, start, end):
            assert bucket.available_until is not None  # the window's buckets have a deadline
            yield Deadline(
                due_date=bucket.available_until,
                kind="leave",
                title=_("%(name)s : %(n)s j de %(type)s à prendre")
                % {
                    "name": employee.display_name,
                    "n": str(round_amount(bucket.remaining)).replace(".", ","),
                    "type": leave_type.label.lower(),
                },
                rule=_(
                    "Les congés acquis sur la période %(p)s sont à prendre avant l'échéance, "
                    "sinon perdus ; l'employeur doit mettre le salarié en mesure de les prendre "
                    "(C. trav. L3141-12 et suivants)."
                )
                % {"p": bucket.period.label},
                url=reverse("leave:statement", args=[employee.pk]),
                employer_id=leave_type.employer_id,
                employee_id=employee.pk,
            )

"""Travel budgets of the demo organisation: each department gets a budget for this year and
the last, through the services (so audited), sized to the department's headcount. Loaded once:
a second call finds them and does nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, QuerySet

from effectif.budgets.models import Budget
from effectif.budgets.services import budget_create
from effectif.organisation.models import Department, Employer

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: A year's travel budget per person of the department, and the least a department gets.
PER_PERSON = Decimal("1500")
FLOOR = Decimal("3000")


@transaction.atomic
def load_budgets_demo(*, employers: QuerySet[Employer], today: dt.date, by: User) -> bool:
    """False when the demo employers' departments already have budgets."""
    if Budget.objects.filter(department__employer__in=employers).exists():
        return False
    departments = (
        Department.objects.filter(employer__in=employers)
        .annotate(people=Count("employees"))
        .order_by("employer_id", "name")
    )
    for department in departments:
        amount = max(FLOOR, PER_PERSON * department.people)
        for year, share in ((today.year - 1, Decimal("0.9")), (today.year, Decimal("1"))):
            budget_create(
                department=department,
                year=year,
                amount=(amount * share).quantize(Decimal("100")),
                comment="Budget de démonstration",
                by=by,
            )
    return True

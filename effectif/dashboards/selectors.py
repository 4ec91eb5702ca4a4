"""What the home page shows each role: the day's to-do of the personnel administration."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q

from effectif.contracts.models import Contract
from effectif.core.roles import is_hr
from effectif.employees.selectors import employees_for, own_employee, pending_change_requests

if TYPE_CHECKING:
    from effectif.accounts.models import User


def home_summary(user: User, today: dt.date) -> dict[str, Any]:
    employees = employees_for(user)
    soon = today + dt.timedelta(days=30)
    summary: dict[str, Any] = {
        "present": employees.filter(
            Exists(
                Contract.objects.filter(
                    Q(end_date__isnull=True) | Q(end_date__gte=today),
                    employee=OuterRef("pk"),
                    start_date__lte=today,
                )
            )
        ).count(),
        "own": own_employee(user),
        "is_hr": is_hr(user),
    }
    if not is_hr(user):
        return summary
    trials_ending = Q(trial_renewed=False, trial_end_date__range=(today, soon)) | Q(
        trial_renewed=True, trial_renewal_end_date__range=(today, soon)
    )
    fixed_terms_ending = Q(end_date__range=(today, soon)) & ~Q(kind="cdi")
    # Both counts in one query, over the contracts that end either way.
    summary.update(
        Contract.objects.filter(employee__in=employees)
        .filter(trials_ending | fixed_terms_ending)
        .aggregate(
            trials_ending=Count("pk", filter=trials_ending),
            fixed_terms_ending=Count("pk", filter=fixed_terms_ending),
        )
    )
    summary["pending_requests"] = pending_change_requests(user).count()
    return summary

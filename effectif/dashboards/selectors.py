"""What the home page shows each role: the day's to-do of the personnel administration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from effectif.contracts.models import Contract
from effectif.contracts.selectors import active_on
from effectif.core.roles import HR_ROLES
from effectif.employees.models import EmployeeDocument
from effectif.employees.selectors import employees_for, own_employee, pending_change_requests


def home_summary(user: Any, today: dt.date) -> dict[str, Any]:
    employees = employees_for(user)
    soon = today + dt.timedelta(days=30)
    later = today + dt.timedelta(days=60)
    contracts = Contract.objects.filter(employee__in=employees).select_related("employee")
    summary: dict[str, Any] = {
        "present": employees.filter(
            Q(contracts__start_date__lte=today)
            & (Q(contracts__end_date__isnull=True) | Q(contracts__end_date__gte=today))
        )
        .distinct()
        .count(),
        "own": own_employee(user),
        "is_hr": user.role in HR_ROLES,
    }
    if user.role not in HR_ROLES:
        return summary
    summary.update(
        {
            "pending_requests": pending_change_requests(user).count(),
            "trials_ending": contracts.filter(
                Q(trial_renewed=False, trial_end_date__range=(today, soon))
                | Q(trial_renewed=True, trial_renewal_end_date__range=(today, soon))
            ).order_by("trial_end_date")[:10],
            "fixed_terms_ending": contracts.filter(end_date__range=(today, soon))
            .exclude(kind="cdi")
            .order_by("end_date")[:10],
            "permits_expiring": employees.filter(work_permit_expiry__lte=later)
            .filter(active_on(today, "contracts__"))
            .distinct()
            .order_by("work_permit_expiry")[:10],
            "documents_expiring": EmployeeDocument.objects.filter(
                employee__in=employees, expiry_date__range=(today, later)
            )
            .select_related("employee")
            .order_by("expiry_date")[:10],
            "hires_coming": contracts.filter(start_date__range=(today, soon)).order_by(
                "start_date"
            )[:10],
        }
    )
    return summary

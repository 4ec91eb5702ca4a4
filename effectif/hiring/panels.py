"""The onboarding checklist on the personnel file: seen by HR, the new hire and their manager."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.hiring import permissions as perms
from effectif.hiring.selectors import manages, onboardings_for

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _context(request: Any, employee: Any) -> dict[str, Any]:
    onboarding = (
        onboardings_for(request.user)
        .filter(employee=employee)
        .prefetch_related("tasks__owner")
        .first()
    )
    tasks = list(onboarding.tasks.all()) if onboarding is not None else []
    user = request.user
    managing = onboarding is not None and manages(user, onboarding)
    return {
        "onboarding": onboarding,
        "tasks": tasks,
        "done": sum(1 for t in tasks if t.done_at),
        "today": timezone.localdate(),
        "can_tick": {t.pk: perms.can_tick(user, t, manages_employee=managing) for t in tasks},
    }


def _visible(user: User, employee: Any) -> bool:
    return onboardings_for(user).filter(employee=employee).exists()


EMPLOYEE_ONBOARDING = Panel(
    key="onboarding",
    title=_("Intégration"),
    template="hiring/panels/employee_onboarding.html",
    context=_context,
    order=15,
    visible=_visible,
)

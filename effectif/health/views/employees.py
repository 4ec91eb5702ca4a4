"""One person's follow-up: the page of their visits, the block of the personnel file loaded on
demand (each display an audited read), their recomputation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import employee_get, own_employee
from effectif.health.permissions import can_manage, can_see_health
from effectif.health.recompute import visits_recompute
from effectif.health.selectors import employee_health, later_obligations

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _follow_up(request: AuthenticatedRequest, employee_pk: int) -> dict[str, Any]:
    """A person's follow-up, for someone who may see it (the display is an audited read)."""
    user: User = request.user
    employee = employee_get(user, employee_pk)
    ensure(can_see_health(user, employee))
    return {
        "employee": employee,
        "health": employee_health(user, employee),
        "can_manage": can_manage(user, employee),
        "today": timezone.localdate(),
    }


@login_required
def employee_visits(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    context = _follow_up(request, employee_pk)
    context["later"] = later_obligations(context["employee"], context["today"])
    return render(request, "health/employee.html", context)


@login_required
def employee_panel(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    """The follow-up block of the personnel file, shown on demand (htmx)."""
    context = _follow_up(request, employee_pk)
    context["back"] = reverse("employees:detail", args=[employee_pk]) + "?sante=1"
    return render(request, "health/partials/employee_health.html", context)


@login_required
def my_visits(request: AuthenticatedRequest) -> HttpResponse:
    own = own_employee(request.user)
    if own is None:
        raise Http404
    return redirect("health:employee", employee_pk=own.pk)


@login_required
@require_POST
def recompute_employee(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    ensure(can_manage(request.user, employee))
    done = visits_recompute(employee=employee, by=request.user)
    if done.changed:
        messages.success(
            request,
            _(
                "Échéances recalculées : %(created)s ajoutée(s), %(updated)s mise(s) à jour, %(removed)s retirée(s)."
            )
            % {"created": done.created, "updated": done.updated, "removed": done.removed},
        )
    else:
        messages.info(request, _("Échéances à jour : rien n'a changé."))
    back = request.POST.get("suivant", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("health:employee", employee_pk=employee.pk)

"""One visit: see it (an audited read), plan it, send the convocation, record its outcome,
cancel it or declare it missed; add one by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure
from effectif.core.editing import bound, saved, submit
from effectif.core.roles import is_hr
from effectif.core.typing import AuthenticatedRequest
from effectif.documents.models import TemplateKind
from effectif.documents.selectors import generated_about, preferred_template
from effectif.employees.selectors import employee_get
from effectif.health.forms import (
    SECRECY_WARNING,
    CancelForm,
    OutcomeForm,
    PlanForm,
    VisitCreateForm,
)
from effectif.health.models import MedicalVisit
from effectif.health.permissions import can_manage, can_see_health
from effectif.health.selectors import visit_get, visit_read
from effectif.health.services import (
    visit_cancel,
    visit_create,
    visit_mark_missed,
    visit_plan,
    visit_record_outcome,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _convocation_url(user: User, visit: MedicalVisit) -> str | None:
    template = preferred_template(user, visit.employee.employer, TemplateKind.MEDICAL_VISIT)
    if template is None:
        return None
    return f"{reverse('documents:generate', args=['visite', visit.pk])}?modele={template.pk}"


def _manageable(request: AuthenticatedRequest, pk: int) -> MedicalVisit:
    visit = visit_get(request.user, pk)
    ensure(can_manage(request.user, visit.employee))
    return visit


@login_required
def visit_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user: User = request.user
    visit = visit_get(user, pk)
    ensure(can_see_health(user, visit.employee))
    visit_read(user, visit)
    manage = can_manage(user, visit.employee)
    context = {
        "visit": visit,
        "employee": visit.employee,
        "can_manage": manage,
        "is_hr": is_hr(user),
        "today": timezone.localdate(),
        "planned": timezone.localtime(visit.planned_at) if visit.planned_at else None,
        "convocations": generated_about(user, "visite", visit.pk) if is_hr(user) else [],
        "convocation_url": _convocation_url(user, visit) if manage and visit.is_open else None,
    }
    return render(request, "health/detail.html", context)


@login_required
def visit_plan_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = _manageable(request, pk)
    form = bound(request, PlanForm, visit=visit)
    if request.method == "POST":
        done = submit(
            form,
            lambda: visit_plan(
                visit=visit,
                planned_at=form.planned_at(),
                place=form.cleaned_data["place"],
                health_service=form.cleaned_data["health_service"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, _("Visite planifiée. Générez maintenant la convocation."))
            assert done.planned_at is not None
            if timezone.localtime(done.planned_at).date() > done.due_date:
                messages.warning(
                    request,
                    _("Attention : la date prévue dépasse l'échéance légale du %(day)s.")
                    % {"day": done.due_date.strftime("%d/%m/%Y")},
                )
            return redirect("health:detail", pk=visit.pk)
    return render(
        request,
        "health/form.html",
        {
            "form": form,
            "visit": visit,
            "title": _("Planifier la visite"),
            "employee": visit.employee,
        },
    )


@login_required
def visit_outcome_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = _manageable(request, pk)
    form = bound(request, OutcomeForm, visit=visit)
    if request.method == "POST":
        done = submit(
            form,
            lambda: visit_record_outcome(
                visit=visit,
                held_on=form.cleaned_data["held_on"],
                outcome=form.cleaned_data["outcome"],
                restrictions=form.cleaned_data["restrictions"],
                next_visit_by=form.cleaned_data["next_visit_by"],
                notice=form.cleaned_data["notice"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(
                request,
                _("Avis enregistré : %(outcome)s. Les prochaines échéances sont recalculées.")
                % {"outcome": done.get_outcome_display().lower()},
            )
            return redirect("health:detail", pk=visit.pk)
    return render(
        request,
        "health/outcome.html",
        {"form": form, "visit": visit, "employee": visit.employee, "warning": SECRECY_WARNING},
    )


@login_required
def visit_cancel_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = _manageable(request, pk)
    form = bound(request, CancelForm)
    if request.method == "POST" and saved(
        form,
        lambda: visit_cancel(visit=visit, reason=form.cleaned_data["reason"], by=request.user),
    ):
        messages.success(request, _("Visite annulée."))
        return redirect("health:detail", pk=visit.pk)
    return render(
        request,
        "health/form.html",
        {"form": form, "visit": visit, "title": _("Annuler la visite"), "employee": visit.employee},
    )


@login_required
@require_POST
def visit_missed_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    visit = _manageable(request, pk)
    try:
        visit_mark_missed(visit=visit, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Visite non honorée : une nouvelle visite est à planifier."))
    return redirect("health:detail", pk=visit.pk)


@login_required
def visit_create_view(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    ensure(can_manage(request.user, employee))
    form = bound(request, VisitCreateForm)
    if request.method == "POST":
        visit = submit(
            form,
            lambda: visit_create(
                employee=employee,
                kind=form.cleaned_data["kind"],
                due_date=form.cleaned_data["due_date"],
                planned_at=form.planned_at_or_none(),
                place=form.cleaned_data["place"],
                health_service=form.cleaned_data["health_service"],
                by=request.user,
            ),
        )
        if visit is not None:
            messages.success(request, _("Visite ajoutée."))
            return redirect("health:detail", pk=visit.pk)
    return render(
        request,
        "health/form.html",
        {"form": form, "title": _("Nouvelle visite médicale"), "employee": employee},
    )

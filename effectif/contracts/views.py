from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.contracts.forms import AmendmentForm, ContractEndForm, ContractForm, TermsForm
from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.selectors import contract_get, terms_as_of
from effectif.contracts.services import (
    contract_amend,
    contract_create,
    contract_save,
    contract_terms_delete,
)
from effectif.core.access import ensure
from effectif.core.dates import query_date
from effectif.core.editing import add_missing_parameter_error, add_service_errors, bound, submit
from effectif.core.htmx import is_htmx
from effectif.core.panels import panels
from effectif.core.typing import AuthenticatedRequest
from effectif.employees import permissions as employee_perms
from effectif.employees.selectors import employee_get
from effectif.rules.parameters.base import MissingParameter


def _spread_errors(error: ValidationError, *forms_: forms.BaseForm) -> None:
    """Put each error on the form that shows its field (the first form otherwise)."""
    for field, messages_ in error.message_dict.items():
        target = next((f for f in forms_ if field in f.fields), forms_[0])
        for message in messages_:
            target.add_error(field if field in target.fields else None, message)


@login_required
def contract_new(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    ensure(employee_perms.can_edit_file(request.user, employee))
    data = request.POST if request.method == "POST" else None
    contract_form = ContractForm(data, prefix="c", instance=Contract(employee=employee))
    terms_form = TermsForm(data, prefix="t", employer=employee.employer)
    if request.method == "POST" and contract_form.is_valid() and terms_form.is_valid():
        try:
            contract = contract_create(
                contract=contract_form.instance, terms=terms_form.instance, by=request.user
            )
        except ValidationError as error:
            _spread_errors(error, contract_form, terms_form)
        else:
            messages.success(request, _("Contrat n° %(n)s enregistré.") % {"n": contract.number})
            return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/contract_form.html",
        {"employee": employee, "contract_form": contract_form, "terms_form": terms_form},
    )


@login_required
def contract_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contract = contract_get(request.user, pk)
    employee = contract.employee
    on = query_date(request, "date") or timezone.localdate()
    show_pay = employee_perms.can_see_personal(request.user, employee)
    context = {
        "contract": contract,
        "employee": employee,
        "versions": contract.versions.select_related("establishment", "position").order_by(
            "-effective_date"
        ),
        "on": on,
        "as_of": terms_as_of(contract, on),
        "show_pay": show_pay,
        "can_edit": employee_perms.can_edit_file(request.user, employee),
    }
    if is_htmx(request):
        return render(request, "contracts/partials/as_of.html", context)
    context["panels"] = panels.for_page("contract", request, contract)
    return render(request, "contracts/contract_detail.html", context)


@login_required
def contract_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contract = contract_get(request.user, pk)
    ensure(employee_perms.can_edit_file(request.user, contract.employee))
    form = bound(request, ContractEndForm, instance=contract)
    saved = None
    if request.method == "POST":
        saved = submit(form, lambda: contract_save(contract=form.instance, by=request.user))
    if saved is not None:
        messages.success(request, _("Contrat mis à jour."))
        return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/simple_form.html",
        {"form": form, "contract": contract, "title": _("Fin de contrat et période d'essai")},
    )


@login_required
def contract_amendment(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    contract = contract_get(request.user, pk)
    ensure(employee_perms.can_edit_file(request.user, contract.employee))
    latest = contract.versions.order_by("-effective_date").first()
    initial: dict[str, Any] = {}
    if latest is not None:
        initial = {
            name: getattr(latest, f"{name}_id", None) or getattr(latest, name)
            for name in ContractTerms.COPIED_ON_AMENDMENT
        }
    form = bound(request, AmendmentForm, employer=contract.employee.employer, initial=initial)
    if request.method == "POST":
        try:
            valid = form.is_valid()
            if valid:
                contract_amend(contract=contract, terms=form.instance, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        except MissingParameter as error:
            add_missing_parameter_error(form, error)
        else:
            if valid:
                messages.success(request, _("Avenant enregistré."))
                return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/simple_form.html",
        {"form": form, "contract": contract, "title": _("Nouvel avenant")},
    )


@login_required
@require_POST
def terms_delete(request: AuthenticatedRequest, pk: int, terms_pk: int) -> HttpResponse:
    contract = contract_get(request.user, pk)
    ensure(employee_perms.can_edit_file(request.user, contract.employee))
    terms = get_object_or_404(contract.versions, pk=terms_pk)
    try:
        contract_terms_delete(terms=terms, by=request.user)
        messages.success(request, _("Avenant supprimé."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("contracts:detail", pk=contract.pk)

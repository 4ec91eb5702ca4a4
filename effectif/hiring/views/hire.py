"""Hiring a candidate in one step, then the next steps: DPAE, written contract, onboarding."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.access import require
from effectif.core.typing import AuthenticatedRequest
from effectif.documents.panels import suggested_template
from effectif.employees.models import Employee
from effectif.hiring import permissions as perms
from effectif.hiring.forms.hire import (
    HireContractForm,
    HireEmployeeForm,
    HireStepsForm,
    HireTermsForm,
)
from effectif.hiring.merging import NEUTRAL_SUFFIX
from effectif.hiring.models import Candidate, CandidateStatus, Civility, Onboarding
from effectif.hiring.selectors import best_template, candidate_get, onboarding_templates_for
from effectif.hiring.services.hire import candidate_hire, suggest_matricule
from effectif.organisation.models import Department, Establishment, Position

SEX_OF_CIVILITY = {Civility.MADAME: "F", Civility.MONSIEUR: "M"}


def prefill(candidate: Candidate) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """What the application, the posting and the requisition already say."""
    posting = candidate.posting
    requisition = posting.requisition if posting is not None else None
    position = posting.position if posting is not None else None
    employee = {
        "matricule": suggest_matricule(candidate.employer),
        "last_name": candidate.last_name.upper(),
        "first_names": candidate.first_names,
        "sex": SEX_OF_CIVILITY.get(candidate.civility, ""),  # type: ignore[call-overload]
        "address": candidate.address,
        "postal_code": candidate.postal_code if len(candidate.postal_code) == 5 else "",
        "city": candidate.city,
        "personal_email": candidate.email,
        "personal_phone": candidate.phone,
        "department": (requisition.department_id if requisition else None)
        or (position.department_id if position else None),
    }
    contract: dict[str, Any] = {}
    terms: dict[str, Any] = {}
    if posting is not None:
        contract = {
            "kind": posting.contract_kind,
            "start_date": posting.start_date,
            "end_date": posting.end_date,
        }
        terms = {
            "establishment": posting.establishment_id,
            "position": posting.position_id,
            "job_title": NEUTRAL_SUFFIX.sub("", posting.title),
            "classification": posting.position.classification,
            "coefficient": posting.position.coefficient,
            "working_time": posting.working_time,
        }
    if requisition is not None:
        contract.update(
            {
                "fixed_term_reason": requisition.fixed_term_reason,
                "replaced_person": requisition.replaced_person,
            }
        )
        contract.setdefault("start_date", requisition.start_date)
    return employee, contract, terms


def _spread(error: ValidationError, *targets: forms.BaseForm) -> None:
    for field, messages_ in error.message_dict.items():
        target = next((f for f in targets if field in f.fields), targets[0])
        for message in messages_:
            target.add_error(field if field in target.fields else None, message)


@require(perms.can_edit_candidate)
def hire(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    candidate = candidate_get(request.user, pk)
    if candidate.status == CandidateStatus.HIRED:
        return _next_steps(request, candidate)
    if candidate.status == CandidateStatus.REJECTED:
        messages.error(request, _("Une candidature non retenue ne donne pas lieu à une embauche."))
        return redirect(candidate.get_absolute_url())
    employer = candidate.employer
    initial_employee, initial_contract, initial_terms = prefill(candidate)
    data = request.POST if request.method == "POST" else None
    templates = onboarding_templates_for(request.user).filter(employer=employer, is_active=True)
    best = best_template(
        employer, initial_terms.get("position"), initial_terms.get("establishment")
    )
    employee_form = HireEmployeeForm(
        data,
        prefix="s",
        instance=Employee(employer=employer),
        initial=initial_employee,
        departments=Department.objects.filter(employer=employer),
    )
    contract_form = HireContractForm(
        data, prefix="c", instance=Contract(), initial=initial_contract
    )
    terms_form = HireTermsForm(
        data,
        prefix="t",
        instance=ContractTerms(),
        initial=initial_terms,
        establishments=Establishment.objects.filter(employer=employer),
        positions=Position.objects.filter(employer=employer),
    )
    steps_form = HireStepsForm(
        data, prefix="e", templates=templates, initial={"onboarding_template": best}
    )
    forms_ = (employee_form, contract_form, terms_form, steps_form)
    if data is not None and all(f.is_valid() for f in forms_):
        try:
            done = candidate_hire(
                candidate=candidate,
                employee=employee_form.instance,
                contract=contract_form.instance,
                terms=terms_form.instance,
                hire_time=steps_form.cleaned_data["hire_time"],
                nir_absence_reason=steps_form.cleaned_data["nir_absence_reason"],
                onboarding_template=steps_form.cleaned_data["onboarding_template"],
                by=request.user,
            )
        except ValidationError as error:
            _spread(error, employee_form, contract_form, terms_form, steps_form)
        else:
            messages.success(
                request,
                _("%(name)s est embauché(e) : dossier et contrat créés, DPAE à faire.")
                % {"name": done.employee.display_name},
            )
            return redirect("hiring:hire", pk=candidate.pk)
    requisition = candidate.posting.requisition if candidate.posting else None
    return render(
        request,
        "hiring/hire_form.html",
        {
            "candidate": candidate,
            "employee_form": employee_form,
            "contract_form": contract_form,
            "terms_form": terms_form,
            "steps_form": steps_form,
            "requisition": requisition,
            "has_errors": any(f.errors for f in forms_),
        },
    )


def _next_steps(request: AuthenticatedRequest, candidate: Candidate) -> HttpResponse:
    contract = candidate.contract
    dpae = getattr(contract, "dpae", None) if contract is not None else None
    onboarding = (
        Onboarding.objects.filter(employee_id=candidate.employee_id).first()
        if candidate.employee_id
        else None
    )
    return render(
        request,
        "hiring/hire_done.html",
        {
            "candidate": candidate,
            "contract": contract,
            "dpae": dpae,
            "onboarding": onboarding,
            "template": suggested_template(request.user, contract) if contract else None,
        },
    )

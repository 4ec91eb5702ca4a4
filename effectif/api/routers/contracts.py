"""Contracts and their dated versions: read in the scope of the personnel files, written by HR
through `contract_create`, `contract_save` and `contract_amend` (validated and audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from effectif.accounts.models import User
from effectif.api.assignment import assign, unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden, renamed
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, Day, Id, ref
from effectif.api.schemas.contracts import (
    AmendmentIn,
    ContractDetail,
    ContractIn,
    ContractOut,
    ContractPatch,
    TermsOut,
)
from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.selectors import active_on, contract_get, contracts_for, terms_as_of
from effectif.contracts.services import contract_amend, contract_create, contract_save
from effectif.employees.permissions import can_edit_file, can_see_personal
from effectif.employees.selectors import employees_for
from effectif.organisation.selectors import establishments_for, positions_for

router = Router(tags=["Contrats"])

_TERMS_FIELDS = ("effective_date", "reason", *ContractTerms.VALUE_FIELDS)
#: A new contract's terms are nested under `terms`: its errors are named so.
_AS_TERMS = {
    name: f"terms.{name}" for name in (*_TERMS_FIELDS, "establishment", "position", "contract")
}


def terms_out(terms: ContractTerms, *, show_pay: bool) -> dict[str, Any]:
    """The terms as the API shows them; pay is left out for those who may not see it (a
    manager reading a team member's contract), as on the pages."""
    data: dict[str, Any] = {name: getattr(terms, name) for name in _TERMS_FIELDS}
    if not show_pay:
        data.update(dict.fromkeys(ContractTerms.PAY_FIELDS))
    data.update(id=terms.pk, establishment=ref(terms.establishment), position=ref(terms.position))
    return data


def _in_effect(versions: Iterable[ContractTerms], on: dt.date) -> ContractTerms | None:
    """The latest of versions (newest first) in effect on the date."""
    return next((v for v in versions if v.effective_date <= on), None)


def contract_out(
    contract: Contract, on: dt.date | None, *, user: User, with_versions: bool = False
) -> dict[str, Any]:
    """A contract with its terms on `on`, from its prefetched versions (newest first).

    Without a date, the terms of today, or of its first day for a contract yet to start.
    """
    versions = list(contract.versions.all())
    employee = contract.employee
    on = on or max(timezone.localdate(), contract.start_date)
    data: dict[str, Any] = {name: getattr(contract, name) for name in Contract.DESCRIBING_FIELDS}
    terms = _in_effect(versions, on)
    show_pay = can_see_personal(user, employee)
    data.update(
        id=contract.pk,
        employee={
            "id": employee.pk,
            "matricule": employee.matricule,
            "name": employee.display_name,
        },
        employer=ref(employee.employer),
        on=on,
        terms=None if terms is None else terms_out(terms, show_pay=show_pay),
    )
    if with_versions:
        data["versions"] = [terms_out(v, show_pay=show_pay) for v in versions]
    return data


def attach_versions(contracts: list[Contract]) -> list[Contract]:
    """Load the versions of the contracts, newest first, in one query."""
    versions = ContractTerms.objects.select_related("establishment", "position").order_by(
        "-effective_date"
    )
    prefetch_related_objects(contracts, Prefetch("versions", queryset=versions))
    return contracts


def _editable(user: User, contract: Contract) -> None:
    if not can_edit_file(user, contract.employee):
        raise forbidden()


def _terms_references(user: User) -> dict[str, Any]:
    return {"establishment": establishments_for(user), "position": positions_for(user)}


@router.get("", response={200: Page[ContractOut], **READ_ERRORS}, url_name="contracts")
def contract_list(
    request: HttpRequest,
    paging: Query[Paging],
    employee: Id | None = None,
    employer: Id | None = None,
    kind: str | None = None,
    active: Day | None = None,
    on: Day | None = None,
) -> Any:
    """Contracts of the files in scope, newest first. `active`: only those running that day;
    `on`: the date of the terms shown (by default today, or the first day of a future one)."""
    user = request_user(request)
    contracts = contracts_for(user).order_by("-start_date", "-id")
    if employee:
        contracts = contracts.filter(employee_id=employee)
    if employer:
        contracts = contracts.filter(employee__employer_id=employer)
    if kind:
        contracts = contracts.filter(kind=kind)
    if active:
        contracts = contracts.filter(active_on(active))
    return page_of(
        contracts,
        paging,
        present=lambda rows: [contract_out(c, on, user=user) for c in attach_versions(rows)],
    )


@router.get(
    "/{int:contract_id}", response={200: ContractDetail, **READ_ERRORS}, url_name="contract"
)
def contract_detail(request: HttpRequest, contract_id: int, on: Day | None = None) -> Any:
    """A contract with all its versions, and its terms on `on` (today by default)."""
    user = request_user(request)
    contract = contract_get(user, contract_id)
    return contract_out(attach_versions([contract])[0], on, user=user, with_versions=True)


@router.get(
    "/{int:contract_id}/terms",
    response={200: TermsOut, **READ_ERRORS},
    url_name="contract_terms",
)
def contract_terms(request: HttpRequest, contract_id: int, on: Day | None = None) -> Any:
    """The contract as it stood on a date: the version in effect then."""
    user = request_user(request)
    contract = contract_get(user, contract_id)
    terms = terms_as_of(contract, on or timezone.localdate())
    if terms is None:
        raise HttpError(404, _("Le contrat n'avait pas commencé à cette date."))
    return terms_out(terms, show_pay=can_see_personal(user, contract.employee))


@router.get(
    "/{int:contract_id}/versions",
    response={200: list[TermsOut], **READ_ERRORS},
    url_name="contract_versions",
)
def contract_versions(request: HttpRequest, contract_id: int) -> Any:
    """Every version of the contract, the latest first."""
    user = request_user(request)
    contract = contract_get(user, contract_id)
    versions = contract.versions.select_related("establishment", "position")
    show_pay = can_see_personal(user, contract.employee)
    return [terms_out(v, show_pay=show_pay) for v in versions.order_by("-effective_date")]


@router.post("", response={201: ContractDetail, **WRITE_ERRORS})
def contract_new(request: HttpRequest, payload: ContractIn) -> Any:
    """A new contract and its initial terms (HR). Errors of the terms are named `terms.…`."""
    user = request_user(request)
    employee = employees_for(user).filter(pk=payload.employee).first()
    if employee is None:
        raise ValidationError({"employee": [unknown_reference(payload.employee)]})
    if not can_edit_file(user, employee):
        raise forbidden()
    data = payload.model_dump(exclude_unset=True, exclude={"employee", "terms"})
    contract = Contract(employee=employee)
    assign(contract, {"number": "", **data})
    terms = ContractTerms()
    try:
        assign(terms, payload.terms.model_dump(exclude_unset=True), _terms_references(user))
        contract_create(contract=contract, terms=terms, by=user)
    except ValidationError as error:
        raise renamed(error, _AS_TERMS) from error
    return Status(
        201, contract_out(attach_versions([contract])[0], None, user=user, with_versions=True)
    )


@router.patch("/{int:contract_id}", response={200: ContractDetail, **WRITE_ERRORS})
def contract_update(request: HttpRequest, contract_id: int, payload: ContractPatch) -> Any:
    """A contract's own data: dates, reason, trial period, end (HR)."""
    user = request_user(request)
    contract = contract_get(user, contract_id)
    _editable(user, contract)
    assign(contract, payload.model_dump(exclude_unset=True))
    contract_save(contract=contract, by=user)
    return contract_out(attach_versions([contract])[0], None, user=user, with_versions=True)


@router.post(
    "/{int:contract_id}/versions",
    response={201: TermsOut, **WRITE_ERRORS},
    url_name="contract_amend",
)
def contract_amendment(request: HttpRequest, contract_id: int, payload: AmendmentIn) -> Any:
    """An amendment (avenant) from its effective date (HR). Terms left out keep the value
    they had the day before; the hourly rate is recomputed unless given."""
    user = request_user(request)
    contract = contract_get(user, contract_id)
    _editable(user, contract)
    terms = ContractTerms()
    # The terms of the day before, or the first ones for a date the service will refuse.
    previous = (
        terms_as_of(contract, payload.effective_date)
        or contract.versions.order_by("effective_date").first()
    )
    if previous is not None:
        for name in ContractTerms.COPIED_ON_AMENDMENT:
            setattr(terms, name, getattr(previous, name))
    assign(terms, payload.model_dump(exclude_unset=True), _terms_references(user))
    contract_amend(contract=contract, terms=terms, by=user)
    return Status(201, terms_out(terms, show_pay=True))

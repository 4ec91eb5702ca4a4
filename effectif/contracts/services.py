"""Writes to contracts: hiring contracts, amendments (dated versions), changes and ends."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.contracts.fixed_term import duration_errors, waiting_period_errors
from effectif.contracts.models import Contract, ContractTerms
from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.employees.models import Employee
from effectif.rules.contracts.kinds import Category, ContractKind, WorkingTime
from effectif.rules.contracts.trial_period import trial_period
from effectif.rules.parameters.contracts import LEGAL_MONTHLY_HOURS

RATE_PLACES = Decimal("0.0001")


def overlapping_contracts(contract: Contract) -> list[Contract]:
    """Other contracts of the same employee whose periods meet this one's."""
    others = Contract.objects.filter(employee_id=contract.employee_id).exclude(pk=contract.pk)
    if contract.end_date is not None:
        others = others.filter(start_date__lte=contract.end_date)
    return [c for c in others if c.end_date is None or c.end_date >= contract.start_date]


def _check_no_overlap(contract: Contract) -> None:
    clash = overlapping_contracts(contract)
    if clash:
        other = clash[0]
        period = other.start_date.strftime("%d/%m/%Y") + (
            f" au {other.end_date:%d/%m/%Y}" if other.end_date else _(" sans date de fin")
        )
        raise ValidationError(
            {
                "start_date": [
                    _(
                        "Ce contrat chevauche le contrat %(number)s du même salarié (du %(period)s). "
                        "Un salarié ne peut avoir deux contrats simultanés avec un employeur."
                    )
                    % {"number": other.number, "period": period}
                ]
            }
        )


def next_contract_number(employee: Employee) -> str:
    count = Contract.objects.filter(employee=employee).count()
    number = count + 1
    existing = set(Contract.objects.filter(employee=employee).values_list("number", flat=True))
    while f"{number:03d}" in existing:
        number += 1
    return f"{number:03d}"


def hourly_rate(terms: ContractTerms, on: Any) -> Decimal | None:
    """Monthly gross divided by monthly hours (151.67 at full time); none for a days package."""
    if terms.working_time == WorkingTime.DAYS_PACKAGE:
        return None
    hours = terms.monthly_hours if terms.working_time == WorkingTime.PART_TIME else None
    hours = hours or LEGAL_MONTHLY_HOURS.at(on)
    return (terms.monthly_gross_amount / hours).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def default_trial(contract: Contract, category: str) -> None:
    """Fill in the legal maximum trial period when none was entered."""
    if contract.trial_end_date is not None or not contract.start_date or not category:
        return
    if contract.kind not in ContractKind.__members__.values():
        return
    trial = trial_period(
        kind=ContractKind(contract.kind),
        category=Category(category),
        start_date=contract.start_date,
        end_date=contract.end_date,
    )
    if trial is not None:
        contract.trial_end_date = trial.end_date


def _collect(errors: dict[str, list[str]], call: Any, *args: Any, **kwargs: Any) -> None:
    try:
        call(*args, **kwargs)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)


@transaction.atomic
def contract_create(*, contract: Contract, terms: ContractTerms, by: User) -> Contract:
    """Record a new contract with its initial terms. Every error of both is reported at once;
    nothing is written unless all is valid."""
    Employee.objects.select_for_update().filter(pk=contract.employee_id).first()
    if not contract.number and contract.employee_id:
        contract.number = next_contract_number(contract.employee)
    default_trial(contract, terms.category)
    terms.contract = contract
    terms.effective_date = contract.start_date
    if terms.reason in ("", None):
        terms.reason = _("Embauche")
    if (
        terms.hourly_rate_amount is None
        and terms.monthly_gross_amount is not None
        and contract.start_date
    ):
        terms.hourly_rate_amount = hourly_rate(terms, contract.start_date)
    errors: dict[str, list[str]] = {}
    _collect(errors, contract.full_clean)
    _collect(errors, terms.full_clean, exclude=["contract"])
    if not errors:
        _collect(errors, _check_no_overlap, contract)
    if not errors:
        for found in (duration_errors(contract), waiting_period_errors(contract, terms)):
            for field, messages in found.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    contract.save()
    audit_creation(actor=by, target=contract, fields=audited_fields(Contract))
    terms.contract = contract
    terms.save()
    audit_creation(actor=by, target=terms, fields=ContractTerms.AMENDABLE_FIELDS)
    return contract


@transaction.atomic
def contract_save(*, contract: Contract, by: User) -> Contract:
    """Change a contract's own data (dates, trial period, end)."""
    Employee.objects.select_for_update().filter(pk=contract.employee_id).first()
    contract.full_clean()
    _check_no_overlap(contract)
    if errors := duration_errors(contract):
        raise ValidationError(errors)
    outside = contract.versions.filter(effective_date__lt=contract.start_date)
    if contract.end_date:
        outside = outside | contract.versions.filter(effective_date__gt=contract.end_date)
    if outside.exists():
        raise ValidationError(
            {"end_date": [_("Un avenant prend effet en dehors des nouvelles dates du contrat.")]}
        )
    saved = save_audited(instance=contract, by=by, fields=audited_fields(Contract))
    first = contract.versions.order_by("effective_date").first()
    if first is not None and first.effective_date != contract.start_date:
        ContractTerms.objects.filter(pk=first.pk).update(effective_date=contract.start_date)
    return saved


@transaction.atomic
def contract_amend(*, contract: Contract, terms: ContractTerms, by: User) -> ContractTerms:
    """An amendment (avenant): new terms from their effective date; earlier ones stay as they
    were, so the file shows the contract as it stood on any date."""
    terms.contract = contract
    if (
        terms.hourly_rate_amount is None
        and terms.monthly_gross_amount is not None
        and terms.effective_date
    ):
        terms.hourly_rate_amount = hourly_rate(terms, terms.effective_date)
    terms.full_clean()
    if terms.effective_date <= contract.start_date:
        raise ValidationError(
            {"effective_date": [_("Un avenant prend effet après le début du contrat.")]}
        )
    previous = (
        contract.versions.filter(effective_date__lte=terms.effective_date)
        .order_by("-effective_date")
        .first()
    )
    terms.save()
    if previous is None:
        audit_creation(actor=by, target=terms, fields=ContractTerms.AMENDABLE_FIELDS)
    else:
        audit_update(
            actor=by,
            target=terms,
            before=snapshot(previous, ContractTerms.AMENDABLE_FIELDS),
            after=snapshot(terms, ContractTerms.AMENDABLE_FIELDS),
            detail=_("Avenant du %(date)s : %(reason)s")
            % {"date": terms.effective_date.strftime("%d/%m/%Y"), "reason": terms.reason},
        )
    return terms


@transaction.atomic
def contract_terms_delete(*, terms: ContractTerms, by: User) -> None:
    """Withdraw an amendment entered by mistake (never the initial terms)."""
    first = terms.contract.versions.order_by("effective_date").first()
    if first is not None and first.pk == terms.pk:
        raise ValidationError(
            _("Les conditions initiales du contrat ne peuvent pas être supprimées.")
        )
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=terms,
        detail=_("Avenant du %(date)s supprimé")
        % {"date": terms.effective_date.strftime("%d/%m/%Y")},
    )
    terms.delete()

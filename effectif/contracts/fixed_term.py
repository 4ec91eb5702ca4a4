"""Legal limits of fixed-term contracts checked when one is recorded or changed: the maximum
total duration (C. trav. L1242-8-1) and the waiting period after a previous fixed-term contract
on the same post (L1244-3-1, exceptions L1244-4-1). The figures are the rules'."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract, ContractTerms, EndReason
from effectif.rules.contracts.fixed_term import fixed_term_breaches, waiting_period
from effectif.rules.contracts.kinds import REASON_REQUIRED_KINDS, ContractKind

Errors = dict[str, list[str]]


def _is_fixed_term(contract: Contract) -> bool:
    return contract.kind in {k.value for k in REASON_REQUIRED_KINDS}


def duration_errors(contract: Contract) -> Errors:
    if not _is_fixed_term(contract) or not contract.end_date or not contract.start_date:
        return {}
    breaches = fixed_term_breaches(
        reason=contract.fixed_term_reason,
        start=contract.start_date,
        end=contract.end_date,
        imprecise_term=contract.imprecise_term,
    )
    return {"end_date": [f"{b.message} ({b.article})." for b in breaches]} if breaches else {}


def previous_on_post(contract: Contract, terms: ContractTerms) -> Contract | None:
    """The last fixed-term contract on the same post (same establishment, same position or,
    without one, same job title) that ended before this one starts."""
    post = Q(versions__establishment_id=terms.establishment_id)
    if terms.position_id:
        post &= Q(versions__position_id=terms.position_id)
    else:
        post &= Q(versions__job_title__iexact=terms.job_title)
    return (
        Contract.objects.filter(
            post,
            kind__in=[ContractKind.CDD.value, ContractKind.INTERIM.value],
            end_date__lt=contract.start_date,
            employee__employer_id=contract.employee.employer_id,
        )
        .exclude(pk=contract.pk)
        .order_by("-end_date")
        .first()
    )


def waiting_period_errors(contract: Contract, terms: ContractTerms) -> Errors:
    if not _is_fixed_term(contract) or not contract.start_date or not terms.establishment_id:
        return {}
    previous = previous_on_post(contract, terms)
    if previous is None or previous.end_date is None:
        return {}
    wait = waiting_period(
        previous_start=previous.start_date,
        previous_end=previous.end_date,
        new_reason=contract.fixed_term_reason,
        ended_early_by_employee=previous.end_reason == EndReason.EARLY_END_BY_EMPLOYEE,
        department=terms.establishment.department,
    )
    if contract.start_date >= wait.earliest_start:
        return {}
    return {
        "start_date": [
            _(
                "Délai de carence non respecté : le poste a été pourvu en contrat à durée "
                "déterminée du %(start)s au %(end)s ; un nouveau CDD ou une mission sur ce "
                "poste ne peut commencer qu'après %(days)s jours d'ouverture, soit à partir "
                "du %(earliest)s (C. trav. art. L1244-3-1)."
            )
            % {
                "start": previous.start_date.strftime("%d/%m/%Y"),
                "end": previous.end_date.strftime("%d/%m/%Y"),
                "days": wait.open_days,
                "earliest": wait.earliest_start.strftime("%d/%m/%Y"),
            }
        ]
    }

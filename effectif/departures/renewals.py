"""Renewing a fixed-term contract: at most 2 renewals (C. trav. L1243-13-1) within the maximum
total duration (L1242-8-1); the contract keeps its reason (L1242-12), checked again by the
contracts service."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract, Kind
from effectif.contracts.services import contract_save
from effectif.core.audit import audit_creation
from effectif.departures.computing import fmt
from effectif.departures.models import FixedTermRenewal
from effectif.rules.contracts.fixed_term import fixed_term_breaches

if TYPE_CHECKING:
    from effectif.accounts.models import User


@transaction.atomic
def fixed_term_renew(*, contract: Contract, new_end_date: dt.date, by: User) -> FixedTermRenewal:
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.kind not in (Kind.CDD, Kind.INTERIM):
        raise ValidationError(_("Seuls un CDD ou une mission d'intérim se renouvellent."))
    if contract.end_reason or contract.end_date is None:
        raise ValidationError(_("Ce contrat est déjà terminé."))
    if new_end_date <= contract.end_date:
        raise ValidationError(
            {
                "new_end_date": [
                    _("Le nouveau terme doit suivre le terme actuel (%(day)s).")
                    % {"day": fmt(contract.end_date)}
                ]
            }
        )
    count = FixedTermRenewal.objects.filter(contract=contract).count() + 1
    breaches = fixed_term_breaches(
        reason=contract.fixed_term_reason,
        start=contract.start_date,
        end=new_end_date,
        renewals=count,
        imprecise_term=contract.imprecise_term,
    )
    if breaches:
        raise ValidationError({"new_end_date": [f"{b.message} ({b.article})." for b in breaches]})
    previous = contract.end_date
    contract.end_date = new_end_date
    contract_save(contract=contract, by=by)
    renewal = FixedTermRenewal.objects.create(
        contract=contract, previous_end_date=previous, new_end_date=new_end_date, created_by=by
    )
    audit_creation(actor=by, target=renewal, fields=["previous_end_date", "new_end_date"])
    return renewal

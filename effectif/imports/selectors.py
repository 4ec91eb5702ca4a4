"""Reads of import batches: a batch is seen by its author only, while they administer its
employer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from effectif.contracts.models import Contract
from effectif.employees.selectors import employees_for
from effectif.imports.models import ImportBatch
from effectif.organisation.selectors import hr_employers_for

if TYPE_CHECKING:
    from effectif.accounts.models import User


def batches_for(user: User) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(
        user=user, employer__in=hr_employers_for(user)
    ).select_related("employer")


def batch_get(user: User, pk: Any) -> ImportBatch:
    try:
        return batches_for(user).get(pk=pk)
    except (ImportBatch.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def created_contracts(user: User, batch: ImportBatch, ids: list[int]) -> list[Contract]:
    """Contracts the import created among `ids`, in the order of the file, within the files
    the user may see."""
    created = set(batch.created_contract_ids)
    wanted = [pk for pk in ids if pk in created]
    found = Contract.objects.filter(pk__in=wanted, employee__in=employees_for(user)).select_related(
        "employee"
    )
    by_pk = {contract.pk: contract for contract in found}
    return [by_pk[pk] for pk in wanted if pk in by_pk]

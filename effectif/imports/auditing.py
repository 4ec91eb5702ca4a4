"""The audit entries of an import, built in bulk.

Each created object gets the entry `audit_creation` would write; computing 30,000 of them with
`core.audit.snapshot` would look up the label of every choice field through Django's
`get_FOO_display` (which rebuilds the choices each time), so labels are computed once here.
The tests check that both give the same values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.audit import build_entry, format_value, mask
from effectif.core.models import AuditAction, AuditEntry, column

if TYPE_CHECKING:
    from effectif.accounts.models import User


class CreationEntries:
    """Unsaved creation entries of one model's objects, as `audit_creation` records them."""

    def __init__(
        self, model: type[models.Model], fields: Iterable[str], sensitive: Iterable[str] = ()
    ) -> None:
        self.fields = [column(model, name) for name in fields]
        self.labels: dict[str, dict[Any, str]] = {
            field.name: {code: str(label) for code, label in field.flatchoices}
            for field in self.fields
            if field.choices
        }
        self.hidden = set(sensitive)

    def label(self, field_name: str, value: Any) -> str:
        label = self.labels[field_name].get(value, value)
        return "" if label is None else str(label)

    def snapshot(self, instance: models.Model) -> dict[str, str]:
        """`core.audit.snapshot` of the instance."""
        values = {}
        for field in self.fields:
            name = field.name
            if name in self.labels:
                text = self.label(name, getattr(instance, field.attname))
            elif isinstance(field, models.ForeignKey):
                related = getattr(instance, name)
                text = "" if related is None else str(related)
            else:
                text = format_value(getattr(instance, name))
            values[name] = mask(text) if name in self.hidden and text else text
        return values

    def entry(
        self, instance: models.Model, *, by: User, detail: str, label: str = ""
    ) -> AuditEntry:
        return build_entry(
            actor=by,
            action=AuditAction.CREATE,
            target=instance,
            target_label=label,
            changes={name: ["", value] for name, value in self.snapshot(instance).items() if value},
            detail=detail,
        )


def contract_label(contract: Contract, kinds: CreationEntries) -> str:
    """`str(contract)`, with the kind's label computed once."""
    return (
        f"{kinds.label('kind', contract.kind)} n° {contract.number} — "
        f"{contract.employee.display_name}"
    )


def terms_label(terms: ContractTerms, contract_text: str) -> str:
    """`str(terms)`, given `str(terms.contract)`."""
    return f"{contract_text} — {terms.reason} ({terms.effective_date:%d/%m/%Y})"

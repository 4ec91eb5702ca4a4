"""The list of discriminatory wording, kept by HR."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.hiring.models import DiscriminatoryTerm

if TYPE_CHECKING:
    from effectif.accounts.models import User

TERM_FIELDS = ["term", "ground", "suggestion", "note", "is_active"]


@transaction.atomic
def term_save(*, term: DiscriminatoryTerm, by: User) -> DiscriminatoryTerm:
    term.term = " ".join(term.term.split())
    return save_audited(instance=term, by=by, fields=TERM_FIELDS)


@transaction.atomic
def term_delete(*, term: DiscriminatoryTerm, by: User) -> None:
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=term,
        changes={"term": [term.term, ""], "ground": [term.get_ground_display(), ""]},
    )
    term.delete()

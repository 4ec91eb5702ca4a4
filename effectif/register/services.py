"""Purging the register: entries are kept 5 years after the departure (C. trav. R1221-26).

The register is read live from the personnel files and contracts, so its entries are not
copies to delete. Past their retention, an entry is withdrawn from the register for good (a
`RegisterPurge` row, the proof of when) and never shown nor exported again. The personnel file
behind it follows its own retention schedule (privacy app): other obligations may keep parts
of it longer, and erasing it here would bypass them. The audit trail is never deleted: the
purge is recorded without names (counts per establishment), so that the trail does not become
the copy the purge removed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.register.models import RegisterPurge
from effectif.register.selectors import expired_contracts, retention_limit


@transaction.atomic
def register_purge(*, today: dt.date, by: User | None = None) -> int:
    """Withdraw the entries of people who left more than 5 years ago; returns how many."""
    limit = retention_limit(today)
    expired = expired_contracts(today).select_related("employee").prefetch_related("versions")
    purges: list[RegisterPurge] = []
    per_employer: Counter[int] = Counter()
    for contract in expired:
        assert contract.end_date is not None
        first = min(contract.versions.all(), key=lambda v: v.effective_date, default=None)
        purges.append(
            RegisterPurge(
                contract=contract,
                establishment_id=first.establishment_id if first else None,
                departure_date=contract.end_date,
            )
        )
        per_employer[contract.employee.employer_id] += 1
    RegisterPurge.objects.bulk_create(purges, batch_size=500)
    for employer_id, count in per_employer.items():
        audit(
            actor=by,
            action=AuditAction.DELETE,
            employer_id=employer_id,
            target_label=str(_("Registre unique du personnel")),
            detail=_(
                "%(count)s entrée(s) retirée(s) du registre : sorties avant le %(limit)s "
                "(conservation de 5 ans, C. trav. R1221-26)"
            )
            % {"count": count, "limit": limit.strftime("%d/%m/%Y")},
        )
    return len(purges)

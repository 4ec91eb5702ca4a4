"""Writing the gathered elements of a period: every collector's drafts replace the period's
previous gathered elements, in one transaction; manual and imported elements stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.payroll.collectors import collectors
from effectif.payroll.facts import Paid, paid_in
from effectif.payroll.models import (
    ElementSource,
    PayrollElement,
    PayrollPeriod,
    PeriodStatus,
)
from effectif.payroll.services import ensure_editable

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Sources whose elements are entered by people, never replaced by a collection.
KEPT_SOURCES = (ElementSource.MANUAL, ElementSource.IMPORT)


@transaction.atomic
def collect(period: PayrollPeriod, *, by: User | None, paid: list[Paid] | None = None) -> int:
    """Gather the period's elements from every source (for `paid`, the people paid in it, when
    the caller has them); returns how many were gathered. A validated or closed period is
    refused (its elements no longer change)."""
    locked = PayrollPeriod.objects.select_for_update().get(pk=period.pk)
    ensure_editable(locked)
    if paid is None:
        paid = paid_in(locked)
    drafts = [draft for collector in collectors() for draft in collector(locked, paid)]
    locked.elements.exclude(source__in=KEPT_SOURCES).delete()
    PayrollElement.objects.bulk_create(
        [
            PayrollElement(
                period=locked,
                employee_id=d.employee_id,
                code=d.code,
                label=d.label[:200],
                quantity=d.quantity,
                base_amount=d.base_amount,
                rate=d.rate,
                amount=d.amount,
                start_date=d.start_date,
                end_date=d.end_date,
                source=d.source,
                source_key=d.source_key[:60],
                source_label=d.source_label[:200],
                source_url=d.source_url[:200],
                detail=d.detail,
            )
            for d in drafts
        ],
        batch_size=1000,
    )
    status = locked.status
    if status == PeriodStatus.OPEN:
        status = PeriodStatus.COLLECTING
    PayrollPeriod.objects.filter(pk=locked.pk).update(collected_at=timezone.now(), status=status)
    period.status, period.collected_at = status, timezone.now()
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        detail=f"Éléments variables collectés : {len(drafts)}",
    )
    return len(drafts)

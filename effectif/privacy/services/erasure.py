"""Erasing one person's data, part by part, as far as the law lets go.

Each app's part (`core.personal_data.PersonPart`) erases what its kind's retention no longer
requires once that retention has run from the person's departure, and only what no text
requires before then (on a justified request, RGPD art. 17). The person's name goes last, once
no part keeps records that must still be tied to it. Every run is recorded in the audit trail
(action « pseudonymisation ») and on the person's `PersonErasure`, which tells the purge when
to look again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.personal_data import ErasureContext, PersonPart
from effectif.core.retention import NOTHING, DataKind, Outcome, retention
from effectif.employees.models import Employee
from effectif.privacy.models import PersonErasure, RightsRequest
from effectif.privacy.services.requests import request_record

if TYPE_CHECKING:
    from effectif.accounts.models import User


def pseudonym_of(employee: Employee) -> str:
    return _("Ancien salarié n° %(pk)s") % {"pk": employee.pk}


def departure_date(employee: Employee) -> dt.date | None:
    """The end of the person's last contract; None while a contract has no end. A file with
    no contract at all counts from its creation."""
    contracts = Contract.objects.filter(employee=employee)
    if contracts.filter(end_date__isnull=True).exists():
        return None
    last = contracts.aggregate(last=Max("end_date"))["last"]
    return last or timezone.localdate(employee.created_at)


def departed_before(limit: dt.date) -> QuerySet[Employee]:
    """The people whose last contract ended before `limit` (or with no contract, whose file
    was created before it)."""
    return Employee.objects.annotate(
        open_contracts=Count("contracts", filter=Q(contracts__end_date__isnull=True)),
        contract_count=Count("contracts"),
        last_end=Max("contracts__end_date"),
    ).filter(
        Q(open_contracts=0)
        & (Q(last_end__lt=limit) | Q(contract_count=0, created_at__date__lt=limit))
    )


@dataclass(frozen=True)
class PartPlan:
    part: PersonPart
    kind: DataKind
    #: end of the retention from the departure; None while employed, or when the part's
    #: records expire one by one (`per_record`)
    until: dt.date | None
    expired: bool
    rule: str  # the retention, e.g. « 5 ans après le départ du salarié »
    source: str

    @property
    def label(self) -> str:
        return str(self.part.label)

    @property
    def per_record(self) -> bool:
        return not self.kind.from_departure


@dataclass(frozen=True)
class Plan:
    employee: Employee
    departure: dt.date | None
    parts: list[PartPlan]
    identity_kept_until: dt.date | None  # records kept longer need the name until then
    today: dt.date

    @property
    def keep_identity(self) -> bool:
        return not all(p.expired for p in self.parts if not p.per_record) or (
            self.identity_kept_until is not None and self.identity_kept_until >= self.today
        )

    @property
    def next_review(self) -> dt.date | None:
        """When more may be erased: the next end of a retention, or the end of the records
        that keep the name."""
        days = [p.until for p in self.parts if not p.expired and p.until is not None]
        if self.identity_kept_until is not None and self.identity_kept_until >= self.today:
            days.append(self.identity_kept_until + dt.timedelta(days=1))
        if self.departure is None:
            return None
        return min(days) if days else None


def erasure_plan(employee: Employee, today: dt.date) -> Plan:
    """What each part may erase today, and until when the rest is kept."""
    departure = departure_date(employee)
    plans = []
    for part in retention.person_parts():
        kind = retention.kind(part.kind)
        until = None
        if departure is not None and kind.from_departure:
            until = kind.period(today).after(departure)
        expired = until is not None and until <= today
        plans.append(PartPlan(part, kind, until, expired, kind.describe(today), kind.source(today)))
    kept = [
        day
        for part in retention.person_parts()
        if part.keeps_identity_until is not None
        and (day := part.keeps_identity_until(employee)) is not None
    ]
    return Plan(employee, departure, plans, max(kept) if kept else None, today)


@dataclass(frozen=True)
class ErasureReport:
    plan: Plan
    outcomes: dict[str, Outcome]  # by part key
    identity_erased: bool

    @property
    def total(self) -> Outcome:
        return sum(self.outcomes.values(), NOTHING)

    def by_kind(self) -> dict[str, Outcome]:
        totals: dict[str, Outcome] = {}
        for item in self.plan.parts:
            outcome = self.outcomes.get(item.part.key, NOTHING)
            totals[item.kind.key] = totals.get(item.kind.key, NOTHING) + outcome
        return totals

    def summary(self) -> str:
        done = [
            _("%(part)s : %(erased)s effacé(s), %(pseudo)s pseudonymisé(s)")
            % {"part": item.label, "erased": outcome.erased, "pseudo": outcome.pseudonymised}
            for item in self.plan.parts
            if (outcome := self.outcomes.get(item.part.key, NOTHING)).total
        ]
        kept = [
            _("%(part)s conservé jusqu'au %(day)s") % {"part": item.label, "day": f"{d:%d/%m/%Y}"}
            for item in self.plan.parts
            if not item.expired and (d := item.until) is not None
        ]
        return " ; ".join(done or [_("rien à effacer")]) + (
            (" — " + " ; ".join(kept)) if kept else ""
        )


def person_erase(
    *,
    employee: Employee,
    by: User | None,
    today: dt.date | None = None,
    request: RightsRequest | None = None,
    reason: str = "",
) -> ErasureReport:
    """Erase what may be erased of a person's data today; idempotent."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Employee.objects.select_for_update().get(pk=employee.pk)
        record, _created = PersonErasure.objects.get_or_create(
            employee=locked, defaults={"pseudonym": pseudonym_of(locked)}
        )
        plan = erasure_plan(locked, today)
        outcomes: dict[str, Outcome] = {}
        for item in plan.parts:
            context = ErasureContext(
                today=today,
                by=by,
                pseudonym=record.pseudonym,
                expired=item.expired,
                keep_identity=plan.keep_identity,
                reason=reason,
            )
            outcomes[item.part.key] = item.part.erase(locked, context)
        report = ErasureReport(plan, outcomes, identity_erased=not plan.keep_identity)
        for key, outcome in outcomes.items():
            if outcome.total:
                record.parts[key] = today.isoformat()
        record.identity_erased = report.identity_erased
        record.next_review_date = plan.next_review
        record.save()
        if report.total.total or request is not None:
            detail = report.summary()
            if reason.strip():
                detail = f"{reason.strip()} — {detail}"
            audit(
                actor=by,
                action=AuditAction.REDACT,
                target=locked,
                target_label=record.pseudonym,
                detail=detail,
            )
        if request is not None:
            request_record(
                request=request, by=by, what=_("Effacement : %(s)s") % {"s": report.summary()}
            )
    return report

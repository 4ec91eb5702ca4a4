"""The facts the health rules need, gathered from the other apps: the employment (contracts and
their successive terms: post, establishment), the post's risks, night work, disability, the
absences with their cause, the visits already held, the employer's settings.

Night work: the timekeeping app does not expose a night-worker status, so a post whose job
description lists the « nuit » exposure is night work. Absences: approved ones of the sickness,
work-accident and maternity natures; an « accident du travail, maladie professionnelle » type
counts as a work accident unless its code or label names an occupational disease alone.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from effectif.contracts.models import Contract, ContractTerms
from effectif.employees.models import Employee
from effectif.health.models import FollowUpSettings, MedicalVisit, Status
from effectif.leave.models import Category, LeaveRequest, LeaveType
from effectif.leave.models import Status as LeaveStatus
from effectif.organisation.models import Establishment, Position, RiskExposure
from effectif.rules.health.facts import Absence, AbsenceKind, HealthFacts, PastVisit, VisitKind

#: Absences that ended longer ago, and employments that ended longer ago, are not looked at:
#: a return-to-work visit a year late is no longer organised (product choice, not the law).
LOOKBACK = dt.timedelta(days=366)
#: Obligations due further ahead are not kept as visits yet (the nightly run adds them).
HORIZON = dt.timedelta(days=365)
HEALTH_CATEGORIES = (Category.SICKNESS, Category.WORK_ACCIDENT, Category.MATERNITY)


@dataclass(frozen=True)
class Situation:
    facts: HealthFacts
    establishment: Establishment | None


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def absence_kind(leave_type: LeaveType) -> AbsenceKind | None:
    if leave_type.category == Category.MATERNITY:
        return AbsenceKind.MATERNITY
    if leave_type.category == Category.SICKNESS:
        return AbsenceKind.ILLNESS
    if leave_type.category == Category.WORK_ACCIDENT:
        label, code = _plain(leave_type.label), _plain(leave_type.code)
        disease = code == "mp" or ("maladie professionnelle" in label and "accident" not in label)
        return AbsenceKind.OCCUPATIONAL_DISEASE if disease else AbsenceKind.WORK_ACCIDENT
    return None


def with_related(employees: QuerySet[Employee], on: dt.date) -> QuerySet[Employee]:
    """Employees with what `situation_of` reads, in a fixed number of queries."""
    since = on - LOOKBACK
    return employees.select_related("employer", "employer__health_settings").prefetch_related(
        Prefetch(
            "contracts",
            queryset=Contract.objects.order_by("start_date").prefetch_related(
                Prefetch(
                    "versions",
                    queryset=ContractTerms.objects.select_related(
                        "position", "establishment", "establishment__health_service"
                    ).order_by("effective_date"),
                )
            ),
        ),
        Prefetch(
            "leave_requests",
            queryset=LeaveRequest.objects.filter(
                status=LeaveStatus.APPROVED,
                leave_type__category__in=HEALTH_CATEGORIES,
                end_date__gte=since,
            ).select_related("leave_type"),
            to_attr="health_absences",
        ),
        Prefetch(
            "medical_visits",
            queryset=MedicalVisit.objects.filter(status=Status.DONE),
            to_attr="held_visits",
        ),
    )


def _employment(contracts: Sequence[Contract], on: dt.date) -> list[Contract]:
    """The contracts of the current employment, oldest first: the one running on `on` (else
    the next to start, else the last ended within the look-back), and those it continues."""
    running = [
        c for c in contracts if c.start_date <= on and (c.end_date is None or c.end_date >= on)
    ]
    later = [c for c in contracts if c.start_date > on]
    ended = [c for c in contracts if c.end_date is not None and on - LOOKBACK <= c.end_date < on]
    candidates = running or later[:1] or ended[-1:]
    if not candidates:
        return []
    current = candidates[0]
    chain = [current]
    while True:
        first = chain[0].start_date
        before = [c for c in contracts if c.end_date == first - dt.timedelta(days=1)]
        if not before or before[0] in chain:
            return chain
        chain.insert(0, before[0])


def _run_since(
    versions: Sequence[ContractTerms], test: Callable[[Position], bool]
) -> dt.date | None:
    """Since when the last versions' posts all pass `test` (None if the current one does not)."""
    since = None
    for version in reversed(versions):
        if version.position is None or not test(version.position):
            break
        since = version.effective_date
    return since


def situation_of(employee: Employee, on: dt.date) -> Situation | None:
    """The employee's facts for the rules (None without an employment to follow)."""
    chain = _employment(list(employee.contracts.all()), on)
    if not chain:
        return None
    start, end = chain[0].start_date, chain[-1].end_date
    reference = max(start, min(on, end or on))
    versions = (
        sorted(
            (v for c in chain for v in c.versions.all() if v.effective_date <= reference),
            key=lambda v: v.effective_date,
        )
        or sorted((v for v in chain[0].versions.all()), key=lambda v: v.effective_date)[:1]
    )
    establishment = versions[-1].establishment if versions else None
    absences = getattr(employee, "health_absences", None)
    if absences is None:
        absences = LeaveRequest.objects.filter(
            employee=employee,
            status=LeaveStatus.APPROVED,
            leave_type__category__in=HEALTH_CATEGORIES,
            end_date__gte=on - LOOKBACK,
        ).select_related("leave_type")
    held = getattr(employee, "held_visits", None)
    if held is None:
        held = MedicalVisit.objects.filter(employee=employee, status=Status.DONE)
    disabled = employee.disability_recognised and (
        employee.disability_end_date is None or employee.disability_end_date >= on
    )
    return Situation(
        facts=HealthFacts(
            birth_date=employee.birth_date,
            start=start,
            end=end,
            reinforced_since=_run_since(versions, lambda p: p.needs_reinforced_follow_up),
            night_since=_run_since(
                versions, lambda p: RiskExposure.NIGHT_WORK in (p.risk_exposures or [])
            ),
            disabled=disabled,
            absences=tuple(_absences(absences)),
            visits=tuple(
                PastVisit(VisitKind(v.kind), v.held_on, v.next_visit_by)
                for v in held
                if v.held_on is not None
            ),
            mid_career_age=_mid_career_age(employee),
        ),
        establishment=establishment,
    )


def _absences(requests: Iterable[LeaveRequest]) -> Iterable[Absence]:
    for request in requests:
        kind = absence_kind(request.leave_type)
        if kind is not None:
            yield Absence(kind, request.start_date, request.end_date)


def _mid_career_age(employee: Employee) -> int | None:
    try:
        settings: FollowUpSettings = employee.employer.health_settings
    except FollowUpSettings.DoesNotExist:
        return None
    return settings.mid_career_age


def followed_employees(employees: QuerySet[Employee], on: dt.date) -> QuerySet[Employee]:
    """Open files with a contract running, to come, or ended within the look-back."""
    return employees.filter(
        Q(contracts__end_date__isnull=True) | Q(contracts__end_date__gte=on - LOOKBACK),
        file_closed_at__isnull=True,
    ).distinct()

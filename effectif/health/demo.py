"""Medical follow-up of the demo organisation, written through the services: the visits due are
computed, those that fell due in the past are recorded as held (fit, a few fit with
adaptations of the post), except one left overdue; two visits to come are planned with their
health service, the others are to plan. Loaded once: a second call finds the visits and does
nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from effectif.employees.models import Employee
from effectif.health.models import OPEN_STATUSES, MedicalVisit, Outcome
from effectif.health.recompute import visits_recompute_many
from effectif.health.services import visit_plan, visit_record_outcome
from effectif.organisation.models import Employer

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Adaptations of the post a health professional might propose (never a medical detail).
ADAPTATIONS = (
    "Pas de port de charges de plus de 15 kg.",
    "Poste assis-debout ; pauses de 5 minutes toutes les heures.",
    "Pas de travail en hauteur pendant 6 mois.",
)
#: Passes over the visits held: holding one may bring the next one due (an intermediate visit
#: two years after an aptitude exam long past).
PASSES = 4


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _weekday(day: dt.date, after: dt.date | None = None) -> dt.date:
    """The Friday before a weekend day, or the Monday after it when that Friday is too early."""
    if day.weekday() < 5:
        return day
    friday = day - dt.timedelta(days=day.weekday() - 4)
    if after is None or friday > after:
        return friday
    return day + dt.timedelta(days=7 - day.weekday())


def _held_on(visit: MedicalVisit, latest: dt.date) -> dt.date:
    """A working day a little before the due date (within the 8 days of a return to work,
    before an assignment), never after `latest`."""
    return _weekday(min(visit.due_date - dt.timedelta(days=1 + visit.pk % 7), latest))


@transaction.atomic
def load_health_demo(*, employers: QuerySet[Employer], today: dt.date, by: User) -> bool:
    """False when the demo employers already have medical visits."""
    if MedicalVisit.objects.filter(employee__employer__in=employers).exists():
        return False
    employees = Employee.objects.filter(employer__in=employers)
    visits_recompute_many(employees=employees, by=by, on=today)
    latest = min(today, timezone.localdate()) - dt.timedelta(days=3)
    open_visits = MedicalVisit.objects.filter(
        employee__employer__in=employers, status__in=OPEN_STATUSES
    ).select_related("employee", "health_service")
    overdue = open_visits.filter(due_date__lt=today).order_by("employee__matricule", "due_date")
    kept = overdue.order_by("-due_date", "employee__matricule").first()  # left for the to-do
    count = 0
    for _pass in range(PASSES):
        past = list(overdue.exclude(pk=kept.pk) if kept else overdue)
        if not past:
            break
        for visit in past:
            count += 1
            adapted = count % 9 == 4
            visit_record_outcome(
                visit=visit,
                held_on=_held_on(visit, latest),
                outcome=Outcome.FIT_WITH_RESTRICTIONS if adapted else Outcome.FIT,
                restrictions=ADAPTATIONS[count % len(ADAPTATIONS)] if adapted else "",
                by=by,
                recompute=False,
            )
        visits_recompute_many(
            employees=employees.filter(pk__in={v.employee_id for v in past}), by=by, on=today
        )
    for index, visit in enumerate(open_visits.filter(due_date__gte=today).order_by("due_date")[:2]):
        day = today + dt.timedelta(days=7 + 7 * index)
        if visit.due_date <= day:  # before its due date when it is near
            day = max(visit.due_date - dt.timedelta(days=1), today + dt.timedelta(days=1))
        day = _weekday(day, after=today)
        visit_plan(
            visit=visit,
            planned_at=_at(day, 10),
            place="",
            health_service=visit.health_service,
            by=by,
        )
    return True

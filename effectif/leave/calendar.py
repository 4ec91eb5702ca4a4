"""Absences day by day, for the planning grid: `absences_by_day(employees, start, end, viewer=)`.

One query, whatever the number of employees and days. Pending requests are included (marked
so); refused and cancelled ones are not. Each day names its type as the viewer may read it
(`visibility.TypeReader`): « Absence », without code, nature nor colour of its own, to those
who may not read the nature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from effectif.leave.models import HOLDING, LeaveRequest
from effectif.leave.visibility import TypeReader
from effectif.rules.leave.periods import days_between

if TYPE_CHECKING:
    from effectif.core.roles import Actor


FULL = ""
MORNING = "matin"
AFTERNOON = "apres_midi"


@dataclass(frozen=True)
class DayAbsence:
    label: str  # the type's label, « Congés payés », or « Absence »
    code: str  # the type's code, « cp » (empty when the nature is not shown)
    colour: str  # « #2e7d32 »
    category: str  # the type's nature (« conges_payes », « maladie »…, empty when not shown)
    part: str  # FULL, MORNING or AFTERNOON
    status: str  # « submitted » or « approved »
    request_id: int


def _part(request: Any, day: dt.date) -> str:
    if request.start_date == day and request.start_afternoon:
        return AFTERNOON
    if request.end_date == day and request.end_morning:
        return MORNING
    return FULL


def absences_by_day(
    employees: Iterable[Any], start: dt.date, end: dt.date, *, viewer: Actor | None = None
) -> dict[tuple[int, dt.date], DayAbsence]:
    """{(employee id, day): what they are away for}, from `start` to `end` inclusive, as
    `viewer` may read it (None: a reader without a session, who reads no sensitive nature).

    `employees` are employees or their ids, or a queryset of them (used as a subquery)."""
    reader = TypeReader(viewer)
    if hasattr(employees, "model"):
        employee_filter: dict[str, Any] = {"employee__in": employees}
    else:
        ids = [getattr(e, "pk", e) for e in employees]
        employee_filter = {"employee_id__in": ids}
    requests = (
        LeaveRequest.objects.filter(
            status__in=HOLDING, start_date__lte=end, end_date__gte=start, **employee_filter
        )
        .select_related("leave_type", "employee")
        .order_by("start_date", "id")
    )
    found: dict[tuple[int, dt.date], DayAbsence] = {}
    for request in requests:
        kind = reader.type_of(request.leave_type, employee_user_id=request.employee.user_id)
        for day in days_between(max(start, request.start_date), min(end, request.end_date)):
            found[(request.employee_id, day)] = DayAbsence(
                label=kind.label,
                code=kind.code,
                colour=kind.colour,
                category=kind.category,
                part=_part(request, day),
                status=request.status,
                request_id=request.pk,
            )
    return found

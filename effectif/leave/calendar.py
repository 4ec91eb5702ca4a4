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

from django.db.models import F

from effectif.leave.models import HOLDING, LeaveRequest
from effectif.leave.visibility import ShownType, TypeReader
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

    @property
    def look_key(self) -> tuple[str, ...]:
        """What the day looks like in a planning: all but the request it comes from (the days
        of many requests look alike)."""
        return (self.label, self.code, self.colour, self.category, self.part, self.status)


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
        .select_related("leave_type")
        .annotate(employee_user=F("employee__user_id"))
        .defer("days_detail", "comment", "decision_comment")
        .order_by("start_date", "id")
    )
    found: dict[tuple[int, dt.date], DayAbsence] = {}
    # How a type reads depends on the type and on whether the request is the viewer's own.
    kinds: dict[tuple[int, bool], ShownType] = {}
    viewer_id = reader.viewer.pk if reader.viewer is not None else None
    for request in requests:
        user_id = request.employee_user
        key = (request.leave_type_id, user_id is not None and user_id == viewer_id)
        kind = kinds.get(key)
        if kind is None:
            kind = kinds[key] = reader.type_of(request.leave_type, employee_user_id=user_id)
        parts: dict[str, DayAbsence] = {}  # one per part of the day, shared by its days
        for day in days_between(max(start, request.start_date), min(end, request.end_date)):
            part = _part(request, day)
            absence = parts.get(part)
            if absence is None:
                absence = parts[part] = DayAbsence(
                    label=kind.label,
                    code=kind.code,
                    colour=kind.colour,
                    category=kind.category,
                    part=part,
                    status=request.status,
                    request_id=request.pk,
                )
            found[(request.employee_id, day)] = absence
    return found

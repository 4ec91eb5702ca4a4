"""Minimum staffing: who of a team is present each day, against the minimum set for that day
of the week.

Someone counts as present on a day they are planned to work, under contract, and not away for
the whole day by approved leave; half a day away still counts as present. Pending leave is
counted apart: a day that would miss its minimum once the pending requests are approved is
« at risk ». A day that is a public holiday off for everyone of the team is not checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from effectif.leave.calendar import FULL, DayAbsence
from effectif.leave.models import Status
from effectif.timekeeping.selectors import PlannedDay

OK, MISS, RISK, CLOSED, NONE = "ok", "miss", "risk", "closed", ""


@dataclass(frozen=True, slots=True)
class StaffingDay:
    day: dt.date
    required: int | None
    present: int = 0
    present_if_granted: int = 0  # pending leave counted as approved
    closed: bool = False

    @property
    def status(self) -> str:
        if not self.required:
            return NONE
        if self.closed:
            return CLOSED
        if self.present < self.required:
            return MISS
        if self.present_if_granted < self.required:
            return RISK
        return OK


@dataclass(frozen=True)
class StaffingRow:
    department_id: int
    name: str
    days: list[StaffingDay]

    @property
    def misses(self) -> int:
        return sum(1 for d in self.days if d.status == MISS)


def presence(planned: PlannedDay, absence: DayAbsence | None) -> tuple[bool, bool]:
    """(present, present once the pending leave is approved)."""
    if not planned.under_contract or not planned.shift.works:
        return False, False
    if absence is None or absence.part != FULL:
        return True, True
    if absence.status == Status.APPROVED:
        return False, False
    return True, False


def staffing_rows(
    *,
    minimums: Mapping[int, Mapping[int, int]],
    names: Mapping[int, str],
    members: Mapping[int, list[int]],
    planned: Mapping[int, Mapping[dt.date, PlannedDay]],
    absences: Mapping[tuple[int, dt.date], DayAbsence],
    days: list[dt.date],
) -> list[StaffingRow]:
    """One row per department with minimums: `members` lists, for each, the people of the
    grid in it or below it."""
    rows = []
    for department_id, by_weekday in minimums.items():
        people = members.get(department_id, [])
        counted = []
        for day in days:
            required = by_weekday.get(day.weekday())
            if not required:
                counted.append(StaffingDay(day, None))
                continue
            present = granted = 0
            holiday_off = []
            for pk in people:
                day_of = planned[pk][day]
                now, later = presence(day_of, absences.get((pk, day)))
                present += now
                granted += later
                if day_of.under_contract:
                    holiday_off.append(day_of.holiday is not None and not day_of.shift.works)
            closed = bool(holiday_off) and all(holiday_off)
            counted.append(StaffingDay(day, required, present, granted, closed))
        rows.append(StaffingRow(department_id, names.get(department_id, ""), counted))
    return sorted(rows, key=lambda r: r.name.lower())

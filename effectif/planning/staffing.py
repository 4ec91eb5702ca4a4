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
    grid in it or below it. Each person's days are read once, then summed by department."""
    counted = {pk for department_id in minimums for pk in members.get(department_id, [])}
    now: dict[int, list[bool]] = {}
    later: dict[int, list[bool]] = {}
    off: dict[int, list[bool | None]] = {}  # None: not under contract, not counted
    for pk in counted:
        mine = planned[pk]
        now[pk], later[pk], off[pk] = [], [], []
        for day in days:
            day_of = mine[day]
            present, granted = presence(day_of, absences.get((pk, day)))
            now[pk].append(present)
            later[pk].append(granted)
            off[pk].append(
                (day_of.holiday is not None and not day_of.shift.works)
                if day_of.under_contract
                else None
            )
    rows = []
    for department_id, by_weekday in minimums.items():
        people = members.get(department_id, [])
        present_by_day = [sum(column) for column in zip(*(now[pk] for pk in people), strict=True)]
        granted_by_day = [sum(column) for column in zip(*(later[pk] for pk in people), strict=True)]
        off_by_day = list(zip(*(off[pk] for pk in people), strict=True))
        cells = []
        for index, day in enumerate(days):
            required = by_weekday.get(day.weekday())
            if not required:
                cells.append(StaffingDay(day, None))
                continue
            if not people:
                cells.append(StaffingDay(day, required))
                continue
            flags = [flag for flag in off_by_day[index] if flag is not None]
            cells.append(
                StaffingDay(
                    day,
                    required,
                    present_by_day[index],
                    granted_by_day[index],
                    bool(flags) and all(flags),
                )
            )
        rows.append(StaffingRow(department_id, names.get(department_id, ""), cells))
    return sorted(rows, key=lambda r: r.name.lower())

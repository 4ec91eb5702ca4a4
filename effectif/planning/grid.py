"""The planning grid: people by days, built in a fixed number of queries whatever their number
(the working calendar of `timekeeping`, the absences of `leave`, the minimum staffing), then
laid out in memory for the page, the print, the PDF and the spreadsheet alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.employees.models import Employee
from effectif.leave.calendar import absences_by_day
from effectif.planning.cells import STATIC_LEGEND, Cell, CellMaker, leave_code, tint
from effectif.planning.periods import long_date
from effectif.planning.permissions import EditRights
from effectif.planning.selectors import (
    Target,
    department_tree,
    minimums_of,
    staffed_departments,
)
from effectif.planning.staffing import MISS, StaffingRow, staffing_rows
from effectif.timekeeping.selectors import planned_days_many


def cell_id(employee_id: int, day: dt.date) -> str:
    return f"c-{employee_id}-{day:%Y%m%d}"


@dataclass(frozen=True)
class Column:
    day: dt.date
    id: str
    css: str
    weekday: str  # « lun. »
    label: str  # « lundi 2 mars 2026 »
    holiday: str  # the public holiday's name, when it is one for some of the people
    today: bool
    missing: list[str] = field(default_factory=list)  # teams below their minimum that day

    @property
    def misses(self) -> bool:
        return bool(self.missing)


@dataclass(frozen=True)
class Row:
    employee: Employee
    name: str
    cells: list[Cell]


@dataclass(frozen=True)
class Group:
    name: str
    rows: list[Row]


@dataclass(frozen=True)
class LegendItem:
    code: str
    label: str
    css: str = ""
    style: str = ""


@dataclass
class Grid:
    start: dt.date
    end: dt.date
    week: bool
    columns: list[Column]
    groups: list[Group]
    staffing: list[StaffingRow]
    legend: list[LegendItem]
    target: Target | None = None
    today: dt.date | None = None

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]

    @property
    def editable(self) -> bool:
        return any(cell.editable for row in self.rows for cell in row.cells)


def _columns(days: list[dt.date], today: dt.date) -> list[tuple[dt.date, str, bool]]:
    found = []
    for day in days:
        css = []
        if day.weekday() >= 5:
            css.append("pl-we")
        if day == today:
            css.append("pl-today")
        found.append((day, " ".join(css), day == today))
    return found


def build_grid(
    *,
    user: User,
    people: list[Employee],
    start: dt.date,
    end: dt.date,
    week: bool,
    target: Target | None = None,
    today: dt.date,
) -> Grid:
    """The grid of `people` (already scoped and sorted) from `start` to `end`; the team's or
    establishment's minimum staffing checked when a target is given."""
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    planned = planned_days_many(people, start, end)
    absences = absences_by_day([p.pk for p in people], start, end, viewer=user)
    rights = EditRights(user)
    make = CellMaker(week)
    columns = _columns(days, today)
    holidays: dict[dt.date, set[str]] = {day: set() for day in days}
    legend_leave: dict[tuple[str, str], LegendItem] = {}
    groups: list[Group] = []
    for person in people:
        pk = person.pk
        mine = planned[pk]
        editable = rights.can_edit(person)
        cells = []
        for day, css, _today in columns:
            planned_day = mine[day]
            absence = absences.get((pk, day)) if absences else None
            if planned_day.holiday is not None:
                holidays[day].add(planned_day.holiday.name)
            if absence is not None:
                key = (leave_code(absence), absence.label)
                if key not in legend_leave:
                    legend_leave[key] = LegendItem(
                        key[0],
                        absence.label,
                        "pl-leave",
                        f"--pl-c:{absence.colour};--pl-bg:#{tint(absence.colour)}",
                    )
            cells.append(make(day, planned_day, absence, css, editable))
        group_name = person.department.name if person.department is not None else _("Sans service")
        if not groups or groups[-1].name != group_name:
            groups.append(Group(group_name, []))
        groups[-1].rows.append(Row(person, person.display_name, cells))
    staffing = _staffing(target, people, planned, absences, days)
    missing: dict[dt.date, list[str]] = {day: [] for day in days}
    for staffing_row in staffing:
        for staffing_day in staffing_row.days:
            if staffing_day.status == MISS:
                missing[staffing_day.day].append(staffing_row.name)
    legend = [LegendItem(code, str(label), css) for code, label, css in STATIC_LEGEND]
    legend[:0] = sorted(legend_leave.values(), key=lambda item: item.label.lower())
    return Grid(
        start=start,
        end=end,
        week=week,
        columns=[
            Column(
                day=day,
                id=f"h-{day:%Y%m%d}",
                css=css,
                weekday=date_format(day, "D"),
                label=long_date(day),
                holiday=" / ".join(sorted(holidays[day])),
                today=is_today,
                missing=missing[day],
            )
            for day, css, is_today in columns
        ],
        groups=groups,
        staffing=staffing,
        legend=legend,
        target=target,
        today=today,
    )


def _staffing(
    target: Target | None,
    people: list[Employee],
    planned: dict[int, Any],
    absences: dict[Any, Any],
    days: list[dt.date],
) -> list[StaffingRow]:
    if target is None:
        return []
    tree = department_tree(target.employer_id)
    members = staffed_departments(target, people, tree)
    minimums = minimums_of(set(members))
    if not minimums:
        return []
    return staffing_rows(
        minimums=minimums,
        names={pk: name for pk, (_parent, name) in tree.items()},
        members=members,
        planned=planned,
        absences=absences,
        days=days,
    )

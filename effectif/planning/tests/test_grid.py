"""What the grid shows: shifts (times, or hours), rest, named public holidays, leave and
absences (type, half day, pending or approved), days outside the contract, changed days; who
may edit which row; the minimum staffing and the days that miss it."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import Status
from effectif.planning.cells import HOLIDAY, LEAVE, OUT, REST, SHIFT
from effectif.planning.grid import build_grid
from effectif.planning.models import StaffingMinimum
from effectif.planning.selectors import ESTABLISHMENT, TEAM, Target, planning_people
from effectif.planning.staffing import CLOSED, MISS, OK, RISK
from effectif.planning.tests.conftest import TODAY
from effectif.timekeeping.services import shift_set
from effectif.timekeeping.tests.factories import assign, days_package

pytestmark = pytest.mark.django_db

EASTER_MONDAY = dt.date(2026, 4, 6)
TUESDAY = dt.date(2026, 4, 7)


def team_of(world) -> Target:
    return Target(TEAM, world.team.pk, world.team.name, world.employer.pk, department=world.team)


def grid(user, people, start, end=None, *, week=True, target=None):
    return build_grid(
        user=user,
        people=people,
        start=start,
        end=end or start + dt.timedelta(days=6),
        week=week,
        target=target,
        today=TODAY,
    )


def cell_of(found, employee, day):
    row = next(r for r in found.rows if r.employee.pk == employee.pk)
    return next(c for c in row.cells if c.day == day)


def test_shifts_rest_and_named_holidays(world, hr_manager) -> None:
    week = grid(hr_manager, [world.member], EASTER_MONDAY)
    easter = cell_of(week, world.member, EASTER_MONDAY)
    assert easter.kind == HOLIDAY
    assert easter.lines == ("F", "Lundi de Pâques")
    assert easter.detail == "Férié : Lundi de Pâques"
    assert week.columns[0].holiday == "Lundi de Pâques"
    tuesday = cell_of(week, world.member, TUESDAY)
    assert tuesday.kind == SHIFT
    assert tuesday.lines == ("09:00–12:00", "13:00–17:00", "7 h")
    assert tuesday.detail == "09:00–12:00, 13:00–17:00 (7 h)"
    saturday = cell_of(week, world.member, dt.date(2026, 4, 11))
    assert (saturday.kind, saturday.lines, "pl-we" in saturday.css) == (REST, ("R",), True)
    month = grid(hr_manager, [world.member], TUESDAY, TUESDAY, week=False)
    assert cell_of(month, world.member, TUESDAY).lines == ("09:00", "17:00")


def test_a_day_known_by_its_hours(world, hr_manager) -> None:
    assign(world.member, days_package(world.employer))
    cell = cell_of(grid(hr_manager, [world.member], TUESDAY), world.member, TUESDAY)
    assert cell.lines == ("7 h",)
    assert cell.export_text == "7 h"


def test_leave_whole_half_and_pending(world, hr_manager, away) -> None:
    away(world.member, "cp", TUESDAY)
    away(world.member, "rtt", dt.date(2026, 4, 8), status=Status.SUBMITTED)
    away(world.member, "formation", dt.date(2026, 4, 9), end_morning=True)
    found = grid(hr_manager, [world.member], EASTER_MONDAY)
    paid = cell_of(found, world.member, TUESDAY)
    assert (paid.kind, paid.lines) == (LEAVE, ("CP", "Congés payés"))
    assert paid.detail == "Congés payés toute la journée (validé)"
    assert "--pl-c:#2e7d32" in paid.style
    pending = cell_of(found, world.member, dt.date(2026, 4, 8))
    assert pending.lines[0] == "RTT?"
    assert "pl-pending" in pending.css
    assert "(en attente)" in pending.detail
    half = cell_of(found, world.member, dt.date(2026, 4, 9))
    assert half.lines == ("FOR ½", "matin", "13:00–17:00", "4 h")
    assert half.detail == "Formation le matin (validé) ; travail 13:00–17:00 (4 h)"
    assert half.export_text == "FOR ½ matin / 13:00–17:00"
    legend = {(item.code, item.label) for item in found.legend}
    assert {("CP", "Congés payés"), ("RTT", "RTT"), ("F", "Jour férié chômé")} <= legend


def test_outside_the_contract_and_changed_days(world, hr_manager) -> None:
    newcomer = EmployeeFactory(employer=world.employer, department=world.team)
    hire(newcomer, start=dt.date(2026, 4, 8), establishment=world.establishment)
    shift_set(
        employee=newcomer,
        day=dt.date(2026, 4, 9),
        intervals=[(dt.time(8), dt.time(12)), (dt.time(13), dt.time(16))],
        by=hr_manager,
    )
    found = grid(hr_manager, [newcomer], EASTER_MONDAY)
    before = cell_of(found, newcomer, TUESDAY)
    assert (before.kind, before.lines, before.editable) == (OUT, ("—",), False)
    changed = cell_of(found, newcomer, dt.date(2026, 4, 9))
    assert changed.mark == "*"
    assert changed.lines == ("08:00–12:00", "13:00–16:00", "7 h")
    assert changed.editable


def test_who_may_edit_which_row(world, hr_manager, manager_user, employee_user) -> None:
    people = [world.member, world.manager_file, world.colleague]
    hr = grid(hr_manager, people, TUESDAY)
    assert [r.cells[0].editable for r in hr.rows] == [True, True, True]
    manager = grid(manager_user, people, TUESDAY)
    assert [r.cells[0].editable for r in manager.rows] == [True, False, False]
    own = grid(employee_user, [world.member], TUESDAY)
    assert not own.editable


def test_team_people_are_the_team_and_below_under_contract(world, hr_manager) -> None:
    from effectif.organisation.tests.factories import DepartmentFactory

    below = DepartmentFactory(employer=world.employer, name="Sous-équipe", parent=world.team)
    nested = EmployeeFactory(employer=world.employer, department=below, last_name="AAA")
    hire(nested, establishment=world.establishment)
    gone = EmployeeFactory(employer=world.employer, department=world.team)
    hire(gone, start=dt.date(2020, 1, 1), end=dt.date(2025, 12, 31), kind="cdd")
    people = planning_people(hr_manager, team_of(world), TODAY, TODAY)
    assert people == [world.member, nested]  # the team's own people first
    place = Target(
        ESTABLISHMENT,
        world.establishment.pk,
        world.establishment.name,
        world.employer.pk,
        establishment=world.establishment,
    )
    assert set(planning_people(hr_manager, place, TODAY, TODAY)) == {
        world.member,
        world.manager_file,
        world.colleague,
        nested,
    }


def test_minimum_staffing_misses_risks_and_holidays(world, hr_manager, away) -> None:
    teammate = EmployeeFactory(employer=world.employer, department=world.team)
    hire(teammate, establishment=world.establishment)
    for weekday in range(5):
        StaffingMinimum.objects.create(department=world.team, weekday=weekday, minimum=2)
    away(teammate, "cp", dt.date(2026, 4, 8))
    away(teammate, "rtt", dt.date(2026, 4, 9), status=Status.SUBMITTED)
    away(teammate, "rtt", dt.date(2026, 4, 10), start_afternoon=True)
    target = team_of(world)
    people = planning_people(hr_manager, target, EASTER_MONDAY, EASTER_MONDAY)
    found = grid(hr_manager, people, EASTER_MONDAY, target=target)
    (row,) = found.staffing
    assert row.name == world.team.name
    statuses = [(d.status, d.present, d.required) for d in row.days]
    assert statuses == [
        (CLOSED, 0, 2),  # Easter Monday, off for everyone
        (OK, 2, 2),
        (MISS, 1, 2),  # approved leave
        (RISK, 2, 2),  # pending leave: present today, missing once approved
        (OK, 2, 2),  # half a day away still counts as present
        ("", 0, None),
        ("", 0, None),
    ]
    assert row.misses == 1
    assert found.columns[2].missing == [world.team.name]
    assert not found.columns[3].missing


def test_minimums_of_a_parent_team_count_its_sub_teams(world, hr_manager) -> None:
    from effectif.organisation.tests.factories import DepartmentFactory

    below = DepartmentFactory(employer=world.employer, name="Sous-équipe", parent=world.team)
    nested = EmployeeFactory(employer=world.employer, department=below)
    hire(nested, establishment=world.establishment)
    StaffingMinimum.objects.create(department=world.team, weekday=1, minimum=3)
    StaffingMinimum.objects.create(department=below, weekday=1, minimum=1)
    target = team_of(world)
    people = planning_people(hr_manager, target, TUESDAY, TUESDAY)
    found = grid(hr_manager, people, TUESDAY, TUESDAY, target=target)
    counts = {row.name: (row.days[0].present, row.days[0].status) for row in found.staffing}
    assert counts == {"Sous-équipe": (1, OK), world.team.name: (2, MISS)}

"""The legal checks of working time see approved leave and recorded absences: a day off is not
worked (L3121-1), whether the checks run on the planning's day edit, the time sheets or the
legal-checks page. Paid leave alone still counts towards the thresholds of overtime and
complementary hours (Cass. soc., 10 septembre 2025, n° 23-14.455; see
`rules.working_time.overtime`).

The week checked is that of Monday 8 June 2026 (no public holiday); the world's employees have
no schedule assigned, so they work the legal week, 09:00–12:00 and 13:00–17:00 from Monday to
Friday.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import LeaveRequest, Status
from effectif.leave.services import (
    absence_record,
    leave_request_cancel,
    leave_request_refuse,
    leave_request_submit,
)
from effectif.leave.tests.factories import LeaveRequestFactory
from effectif.rules.leave.counting import Span
from effectif.rules.working_time.breaches import Rule
from effectif.timekeeping.checking import legal_check_many
from effectif.timekeeping.models import ShiftOverride
from effectif.timekeeping.services import LegalLimitBreached, shift_set
from effectif.timekeeping.services.sheets import DayEntry, timesheet_save
from effectif.timekeeping.tests.factories import assign, make_schedule

pytestmark = pytest.mark.django_db

MON = dt.date(2026, 6, 8)
TUE, WED, THU, FRI, SAT = (MON + dt.timedelta(days=n) for n in range(1, 6))
SUN = MON + dt.timedelta(days=6)
TEN_HOURS = [(dt.time(7), dt.time(12)), (dt.time(13), dt.time(18))]


def rules(employee) -> list[str]:
    return [b.rule for b in legal_check_many([employee], MON, SUN).get(employee.pk, [])]


def _seconds(hhmm: str) -> int:
    return (dt.time.fromisoformat(hhmm).hour * 60 + dt.time.fromisoformat(hhmm).minute) * 60


def plan(employee, day, *pairs: tuple[str, str]) -> None:
    hours = sum(
        (_seconds(b) - _seconds(a)) % 86400  # past midnight: the next day's
        for a, b in pairs
    )
    ShiftOverride.objects.create(
        employee=employee,
        day=day,
        intervals=[list(pair) for pair in pairs],
        hours=Decimal(hours) / 3600,
    )


def long_end_of_week(employee) -> None:
    """Thursday to Saturday at 10 h: with Monday to Wednesday planned at 7 h, 51 h."""
    for day in (THU, FRI, SAT):
        plan(employee, day, ("07:00", "12:00"), ("13:00", "18:00"))


def part_timer(world):
    """Part time, 24 h a week (104 h a month × 12 / 52): 6 h from Monday to Thursday; the
    planning adds 7 h days from Wednesday to Friday."""
    person = EmployeeFactory(employer=world.employer)
    hire(
        person,
        establishment=world.establishment,
        working_time="temps_partiel",
        monthly_hours=Decimal("104.00"),
    )
    hours = ("09:00", "16:00", "12:00", "13:00")
    assign(person, make_schedule(world.employer, "Temps partiel", dict.fromkeys(range(4), hours)))
    for day in (WED, THU, FRI):
        plan(person, day, ("09:00", "12:00"), ("13:00", "17:00"))
    return person


def test_paid_leave_days_are_not_counted_as_worked(world, types, hr_manager) -> None:
    long_end_of_week(world.member)
    # Without the leave: 3 × 7 h + 3 × 10 h = 51 h, beyond the 48 h of L3121-20.
    assert rules(world.member) == [Rule.WEEKLY_MAXIMUM]
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, WED), by=hr_manager
    )
    # On paid leave from Monday to Wednesday: 30 h worked in the week.
    assert rules(world.member) == []


def test_the_planning_accepts_a_day_it_refused_before_the_leave(
    world, types, hr_manager, manager_user
) -> None:
    for day in (THU, FRI):
        shift_set(employee=world.member, day=day, intervals=TEN_HOURS, by=manager_user)
    with pytest.raises(LegalLimitBreached) as refused:
        shift_set(employee=world.member, day=SAT, intervals=TEN_HOURS, by=manager_user)
    assert [b.rule for b in refused.value.breaches] == [Rule.WEEKLY_MAXIMUM]
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, WED), by=hr_manager
    )
    override = shift_set(employee=world.member, day=SAT, intervals=TEN_HOURS, by=manager_user)
    assert override.override_reason == ""


def test_refused_cancelled_and_pending_leave_is_still_worked(
    world, types, employee_user, hr_manager, manager_user
) -> None:
    long_end_of_week(world.member)
    refused = leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, WED), by=employee_user
    ).request
    leave_request_refuse(request=refused, by=manager_user, comment="Inventaire cette semaine.")
    cancelled = leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, WED), by=hr_manager
    ).request
    leave_request_cancel(request=cancelled, by=hr_manager)
    pending = leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, WED), by=employee_user
    ).request
    statuses = LeaveRequest.objects.filter(pk__in=[refused.pk, cancelled.pk, pending.pk])
    assert sorted(statuses.values_list("status", flat=True)) == sorted(
        [Status.CANCELLED, Status.SUBMITTED, Status.REJECTED]
    )
    # Only approved leave takes the days off: a pending request may yet be refused.
    assert rules(world.member) == [Rule.WEEKLY_MAXIMUM]


def test_a_recorded_sickness_frees_a_part_timer_from_complementary_hours(
    world, types, hr_manager
) -> None:
    person = part_timer(world)
    # Planned: 2 × 6 h + 3 × 7 h = 33 h, 9 h beyond the contract (a tenth is 2 h 24).
    assert rules(person) == [Rule.COMPLEMENTARY_HOURS]
    absence_record(employee=person, leave_type=types["maladie"], span=Span(MON, TUE), by=hr_manager)
    # Sick on Monday and Tuesday: 21 h worked, below the contract.
    assert rules(person) == []


def test_paid_leave_still_counts_towards_complementary_hours(world, types, hr_manager) -> None:
    # The conservative reading of Cass. soc. 10 septembre 2025, n° 23-14.455: the paid-leave
    # days count towards the threshold of complementary hours as they do towards overtime.
    person = part_timer(world)
    leave_request_submit(
        employee=person, leave_type=types["cp"], span=Span(MON, TUE), by=hr_manager
    )
    # 21 h worked + the 12 h the two days of paid leave would have been worked.
    assert rules(person) == [Rule.COMPLEMENTARY_HOURS]


def test_a_morning_off_leaves_the_rest_before_the_afternoon(world, types, hr_manager) -> None:
    plan(world.member, MON, ("13:00", "17:00"), ("17:30", "23:00"))
    # From 23:00 on Monday to 09:00 on Tuesday: 10 h of rest, not the 11 h of L3131-1.
    assert rules(world.member) == [Rule.DAILY_REST]
    leave_request_submit(
        employee=world.member,
        leave_type=types["cp"],
        span=Span(TUE, TUE, end_morning=True),
        by=hr_manager,
    )
    # Tuesday morning off: work resumes at 13:00, 14 h after Monday's end.
    assert rules(world.member) == []


def test_an_afternoon_off_ends_the_day_at_noon(world, types, hr_manager) -> None:
    plan(world.member, MON, ("07:00", "12:00"), ("13:00", "16:00"), ("16:20", "19:20"))
    assert rules(world.member) == [Rule.DAILY_MAXIMUM]  # 11 h
    leave_request_submit(
        employee=world.member,
        leave_type=types["cp"],
        span=Span(MON, MON, start_afternoon=True),
        by=hr_manager,
    )
    assert rules(world.member) == []  # 5 h, until noon


def test_hours_off_shorten_the_day(world, types, hr_manager) -> None:
    plan(world.member, MON, ("07:00", "12:00"), ("13:00", "19:00"))
    assert rules(world.member) == [Rule.DAILY_MAXIMUM]  # 11 h
    LeaveRequestFactory(
        employee=world.member,
        leave_type=types["repos"],
        start_date=MON,
        hours=Decimal(2),
        amount=Decimal(2),
    )
    assert rules(world.member) == []  # 9 h: the employee leaves at 17:00


def test_what_a_time_sheet_records_is_worked_leave_or_not(
    world, types, hr_manager, employee_user
) -> None:
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=hr_manager
    )
    timesheet_save(
        employee=world.member,
        week_start=MON,
        days={MON: DayEntry(hours=Decimal(11))},
        by=employee_user,
    )
    assert rules(world.member) == [Rule.DAILY_MAXIMUM]


def test_the_planned_week_of_a_time_sheet_leaves_the_leave_days_empty(
    client_for, world, types, hr_manager, employee_user
) -> None:
    leave_request_submit(
        employee=world.member,
        leave_type=types["cp"],
        span=Span(MON, TUE, end_morning=True),
        by=hr_manager,
    )
    page = client_for(employee_user).get(f"/temps/mes-heures/?semaine={MON.isoformat()}&prevu=1")
    form = page.context["form"]
    assert not form[f"{MON.isoformat()}_in1"].value()
    assert form[f"{TUE.isoformat()}_in1"].value() == dt.time(13, 0)
    assert not form[f"{TUE.isoformat()}_in2"].value()
    assert form[f"{WED.isoformat()}_in1"].value() == dt.time(9, 0)

"""Closing the leave year, the planning's day-by-day absences, the commands."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.calendar import AFTERNOON, FULL, absences_by_day
from effectif.leave.closing import closing_preview, leave_year_close
from effectif.leave.ledger import available, period_of
from effectif.leave.models import EntryKind, LedgerEntry
from effectif.leave.services import leave_request_submit
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db
D = Decimal


def test_closing_rounds_credits_fractionnement_and_expires(world, types, hr_manager):
    cp = types["cp"]
    acquisitions_post(leave_type=cp, up_to=date(2026, 5, 31))
    # During 2025-2026: 7–26 July is 17 jours ouvrables (3 × 6, less 14 July, a holiday), in
    # the main period; 2–7 February is 6, outside it → +2 (L3141-23).
    for start, end in ((date(2025, 7, 7), date(2025, 7, 26)), (date(2026, 2, 2), date(2026, 2, 7))):
        leave_request_submit(
            employee=world.member, leave_type=cp, span=Span(start, end), by=hr_manager
        )
    period = period_of(cp, date(2026, 5, 31))
    preview = {line.employee_id: line for line in closing_preview(cp, period)}
    mine = preview[world.member.pk]
    assert mine.acquired == D(30)
    assert mine.splitting == D(2)
    # 2024-2025: 30 acquired, 23 taken in 2025-2026 (drawn from it first) → 7 lost.
    assert mine.expiring == D(7)
    with pytest.raises(ValidationError, match="ne se termine que"):
        leave_year_close(leave_type=cp, period=period, by=hr_manager, today=date(2026, 5, 31))
    leave_year_close(leave_type=cp, period=period, by=hr_manager, today=date(2026, 6, 1))
    kinds = set(LedgerEntry.objects.filter(employee=world.member).values_list("kind", flat=True))
    assert {EntryKind.SPLITTING, EntryKind.EXPIRY} <= kinds
    assert available(world.member, cp, date(2026, 6, 1)) == D(32)  # 30 + 2 to take by 31/05/2027
    with pytest.raises(ValidationError, match="déjà clôturée"):
        leave_year_close(leave_type=cp, period=period, by=hr_manager, today=date(2026, 6, 1))


def test_illness_carries_days_over_instead_of_losing_them(world, types, hr_manager):
    cp = types["cp"]
    acquisitions_post(leave_type=cp, up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member,
        leave_type=types["maladie"],
        span=Span(date(2026, 3, 1), date(2026, 6, 30)),
        by=hr_manager,
    )
    period = period_of(cp, date(2026, 5, 31))
    line = next(x for x in closing_preview(cp, period) if x.employee_id == world.member.pk)
    assert line.carried_over == D(30)
    assert line.carried_until == date(2027, 9, 30)  # back on 1 July 2026 + 15 months
    leave_year_close(leave_type=cp, period=period, by=hr_manager, today=date(2026, 6, 1))
    assert available(world.member, cp, date(2027, 9, 30)) >= D(30)


def test_absences_by_day_in_a_constant_number_of_queries(world, types, hr_manager):
    for person in (world.member, world.colleague, world.manager_file):
        leave_request_submit(
            employee=person,
            leave_type=types["cp"],
            span=Span(date(2026, 6, 8), date(2026, 6, 10), start_afternoon=True),
            by=hr_manager,
        )
    employees = [world.member, world.colleague, world.manager_file]
    with CaptureQueriesContext(connection) as queries:
        days = absences_by_day(employees, date(2026, 6, 1), date(2026, 6, 30))
    assert len(queries) == 1
    assert len(days) == 9
    first = days[(world.member.pk, date(2026, 6, 8))]
    assert (first.code, first.part, first.status) == ("cp", AFTERNOON, "approved")
    assert days[(world.member.pk, date(2026, 6, 9))].part == FULL
    from effectif.employees.models import Employee

    with CaptureQueriesContext(connection) as queries:
        absences_by_day(
            Employee.objects.filter(employer=world.employer), date(2026, 6, 1), date(2026, 6, 30)
        )
    assert len(queries) == 1


def test_commands(world, types, capsys):
    call_command("post_leave_acquisitions", "--date", "2026-05-31")
    assert "mouvement" in capsys.readouterr().out
    assert available(world.member, types["cp"], date(2026, 5, 31)) == D(60)
    call_command("close_leave_year", "--date", "2026-06-01", "--employer", str(world.employer.pk))
    assert "clôturée" in capsys.readouterr().out
    call_command("close_leave_year", "--date", "2026-06-01", "--employer", str(world.employer.pk))
    assert "déjà clôturée" in capsys.readouterr().out


def test_a_short_illness_long_before_the_deadline_carries_nothing(world, types, hr_manager):
    cp = types["cp"]
    acquisitions_post(leave_type=cp, up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member,
        leave_type=types["maladie"],
        span=Span(date(2026, 3, 2), date(2026, 3, 6)),
        by=hr_manager,
    )
    period = period_of(cp, date(2026, 5, 31))
    line = next(x for x in closing_preview(cp, period) if x.employee_id == world.member.pk)
    assert (line.carried_over, line.expiring) == (D(0), D(30))


def test_leave_to_take_in_the_hr_to_do(world, types, hr_manager, manager_user):
    from effectif.core.deadlines import deadlines

    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    found = deadlines.collect(hr_manager, date(2026, 5, 1), date(2026, 6, 30), kinds=["leave"])
    mine = [d for d in found if d.employee_id == world.member.pk]
    assert [(d.due_date, d.title) for d in mine] == [
        (date(2026, 5, 31), f"{world.member.display_name} : 30,00 j de congés payés à prendre")
    ]
    assert (
        deadlines.collect(manager_user, date(2026, 5, 1), date(2026, 6, 30), kinds=["leave"]) == []
    )


def test_leave_to_take_keeps_the_deadlines_of_the_window(world, types, hr_manager):
    """The to-do lists the buckets whose deadline falls in its window, no other (the database
    keeps those alone); a window where none falls reads no employee."""
    from effectif.core.deadlines import deadlines
    from effectif.employees.models import Employee
    from effectif.leave.selectors import must_take_before

    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    before = deadlines.collect(hr_manager, date(2026, 5, 1), date(2026, 5, 30), kinds=["leave"])
    assert before == []
    found = deadlines.collect(hr_manager, date(2026, 5, 31), date(2026, 5, 31), kinds=["leave"])
    assert {d.due_date for d in found} == {date(2026, 5, 31)}
    assert world.member.pk in {d.employee_id for d in found}
    employees = Employee.objects.filter(employer=world.employer)
    everyone = must_take_before(employees, types["cp"], date(2026, 6, 1))
    assert {bucket.available_until for _employee, bucket in everyone} == {date(2027, 5, 31)}
    with CaptureQueriesContext(connection) as captured:
        assert must_take_before(employees, types["cp"], date(2026, 6, 1), date(2027, 5, 30)) == []
    assert len(captured.captured_queries) == 1  # the ledger's buckets, no employee

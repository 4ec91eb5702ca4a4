"""Trips and expense reports in the to-do: what each approver must decide, and what HR must
check and reimburse; nothing for the employee, nothing outside one's scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from effectif.core.deadlines import deadlines
from effectif.travel.services.expenses import report_approve, report_check, report_submit
from effectif.travel.tests.builders import meal, report_with

pytestmark = pytest.mark.django_db


def kinds(user, *wanted):
    today = timezone.localdate()
    return [
        d
        for d in deadlines.collect(
            user, today - dt.timedelta(days=400), today + dt.timedelta(days=60)
        )
        if d.kind in wanted
    ]


def test_registered_kinds():
    keys = dict(deadlines.choices())
    assert {"trip_approval", "expense_report", "expense_payment"} <= set(keys)


def test_reports_to_approve_check_and_reimburse(
    world, employee_user, manager_user, hr_manager, outsider
):
    report = report_with(world.member, employee_user, meal("18"))
    report_submit(report=report, by=employee_user)
    to_approve = kinds(manager_user, "expense_report")
    assert [d.url for d in to_approve] == [report.get_absolute_url()]
    assert "à valider" in to_approve[0].title
    assert kinds(hr_manager, "expense_report") == []  # the manager decides first
    assert kinds(employee_user, "expense_report") == []
    report_approve(report=report, by=manager_user)
    to_check = kinds(hr_manager, "expense_report")
    assert "à contrôler" in to_check[0].title
    assert kinds(manager_user, "expense_report") == []
    report_check(report=report, by=hr_manager)
    to_pay = kinds(hr_manager, "expense_payment")
    assert to_pay[0].employee_id == world.member.pk
    assert "18,00" in to_pay[0].title
    assert kinds(outsider, "expense_report", "expense_payment") == []


def test_trips_awaiting_approval(world, employee_user, manager_user, hr_manager):
    from effectif.travel.tests.test_trips_services import submitted

    trip = submitted(world, employee_user)
    found = kinds(manager_user, "trip_approval")
    assert [d.url for d in found] == [trip.get_absolute_url()]
    assert found[0].due_date == trip.start_date - dt.timedelta(days=1)
    assert kinds(hr_manager, "trip_approval") == []

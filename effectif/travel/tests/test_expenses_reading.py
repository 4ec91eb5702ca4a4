"""Reading an expense report writes nothing: the page shows the approver the lines' checks run
again (a duplicate may have come in with another report), computed for display, neither stored
nor audited. The stored anomalies stay right because the writes that change them re-check
what they affect: submitting a report re-checks the same employee's reports awaiting a
decision over the same dates, refusing one re-checks them too (its lines no longer count)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import ExpenseLine
from effectif.travel.services.expenses import (
    report_approve,
    report_check,
    report_reject,
    report_submit,
)
from effectif.travel.services.policy import policy_ensure, policy_save
from effectif.travel.tests.builders import meal, report_with

pytestmark = pytest.mark.django_db

ROLES = ("employee_user", "manager_user", "hr_manager", "hr_assistant")


def codes(line: ExpenseLine) -> set[str]:
    return {anomaly["code"] for anomaly in line.anomalies}


@pytest.fixture
def stale(world, employee_user):
    """A submitted report whose over-limit meal has lost its stored anomaly (as if checked
    under older rules): reading it again finds the anomaly."""
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    ExpenseLine.objects.filter(report=report).update(anomalies=[])
    return report


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_report_writes_no_audit_update(stale, client_for, request, role):
    user = request.getfixturevalue(role)
    line = stale.lines.get()
    before = AuditEntry.objects.filter(action=AuditAction.UPDATE).count()
    response = client_for(user).get(reverse("travel:report", args=[stale.pk]))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE).count() == before
    # Nothing written at all: the stored anomalies and the line are as they were.
    stored = ExpenseLine.objects.get(pk=line.pk)
    assert (stored.anomalies, stored.updated_at, stored.version) == (
        [],
        line.updated_at,
        line.version,
    )


@pytest.mark.parametrize("role", ["hr_manager", "hr_assistant"])
def test_reading_the_report_at_hr_s_check_writes_nothing(
    world, employee_user, manager_user, client_for, request, role
):
    report = report_with(world.member, employee_user, meal("32.00"))
    report_submit(report=report, by=employee_user)
    report_approve(report=report, by=manager_user)
    ExpenseLine.objects.filter(report=report).update(anomalies=[])
    before = AuditEntry.objects.count()
    page = client_for(request.getfixturevalue(role)).get(reverse("travel:report", args=[report.pk]))
    assert page.context["deciding"]  # HR decide the lines at this step
    assert "au-delà de la limite URSSAF de 21,40" in page.content.decode()
    assert AuditEntry.objects.count() == before
    assert report.lines.get().anomalies == []


def test_the_approver_sees_the_checks_of_today(stale, manager_user, client_for):
    page = client_for(manager_user).get(reverse("travel:report", args=[stale.pk]))
    assert "au-delà de la limite URSSAF de 21,40" in page.content.decode()
    assert page.context["anomalies"] == 1


def test_a_duplicate_submitted_later_flags_the_first_report_too(world, employee_user):
    first = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=first, by=employee_user)
    assert codes(first.lines.get()) == set()
    second = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=second, by=employee_user)
    assert codes(second.lines.get()) == {"doublon"}
    assert codes(first.lines.get()) == {"doublon"}  # stored, at the second's submission
    audit = AuditEntry.objects.filter(
        target_type="travel.ExpenseReport", target_id=str(first.pk), action=AuditAction.UPDATE
    ).latest("pk")
    assert audit.detail == "Contrôle automatique des lignes"


def test_refusing_the_duplicate_clears_the_first_report(world, employee_user, manager_user):
    first = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=first, by=employee_user)
    second = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=second, by=employee_user)
    assert codes(first.lines.get()) == {"doublon"}
    report_reject(report=second, by=manager_user, comment="Déjà déclaré")
    assert codes(first.lines.get()) == set()


def test_a_decided_report_is_not_checked_again(world, employee_user, manager_user, hr_manager):
    """Only reports awaiting a decision are re-checked: once checked by HR, a report's
    anomalies are those its approvers saw."""
    first = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=first, by=employee_user)
    report_approve(report=first, by=manager_user)
    report_check(report=first, by=hr_manager)
    second = report_with(world.member, employee_user, meal("18.00"))
    report_submit(report=second, by=employee_user)
    assert codes(second.lines.get()) == {"doublon"}
    assert codes(first.lines.get()) == set()


def test_a_new_policy_cap_is_stored_on_the_reports_awaiting_a_decision(
    world, employee_user, hr_manager
):
    report = report_with(world.member, employee_user, meal("18.50"))
    report_submit(report=report, by=employee_user)
    assert codes(report.lines.get()) == set()
    policy = policy_ensure(employer=world.employer, by=hr_manager)
    policy.meal_cap_amount = Decimal("17")
    policy_save(policy=policy, by=hr_manager)
    assert codes(report.lines.get()) == {"hors_politique"}

"""The write path of leave: requests, decisions, cancellation, the ledger and its balances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.core.models import AuditEntry
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.ledger import available
from effectif.leave.models import EntryKind, LedgerEntry, Notification, Status
from effectif.leave.selectors import statement
from effectif.leave.services import (
    leave_request_approve,
    leave_request_cancel,
    leave_request_refuse,
    leave_request_submit,
    ledger_adjust,
    notifications_mark_read,
)
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db
D = Decimal
MON = date(2026, 6, 8)  # a Monday with no public holiday in its week


def submit(world, types, user, start, end, code="cp", **extra):
    return leave_request_submit(
        employee=world.member, leave_type=types[code], span=Span(start, end), by=user, **extra
    )


def test_default_types_are_installed_once(world, types, hr_manager):
    assert {"cp", "rtt", "maladie", "at_mp", "famille_mariage"} <= set(types)
    assert leave_types_install_defaults(employer=world.employer, by=hr_manager) == []


def test_a_year_of_acquisitions_is_posted_once(world, types):
    report = acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    # Hired 01/01/2024: 12 full months in 2024-2025 and in 2025-2026, for 3 people of A.
    assert report.entries == 3 * 24
    assert available(world.member, types["cp"], date(2026, 5, 31)) == D(60)
    # From 1 June the days of 2024-2025 are past their deadline (lost at the closing).
    assert available(world.member, types["cp"], date(2026, 6, 1)) == D(30)
    again = acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    assert again.entries == 0
    assert not LedgerEntry.objects.filter(employee=world.stranger).exists()


def test_a_sick_note_recorded_late_is_regularised(world, types, hr_manager):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member,
        leave_type=types["maladie"],
        span=Span(date(2026, 3, 1), date(2026, 3, 31)),
        by=hr_manager,
    )
    report = acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    # March entirely sick: 2 days instead of 2.5 (L3141-5-1): −0.5 posted as a correction.
    assert report.entries == 1
    entry = LedgerEntry.objects.get(employee=world.member, month=date(2026, 3, 1), amount__lt=0)
    assert entry.amount == D("-0.5")
    assert entry.label.startswith("Régularisation")


def test_employee_asks_manager_approves_balance_drops(world, types, employee_user, manager_user):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    submission = submit(world, types, employee_user, MON, MON.replace(day=12))
    request = submission.request
    assert request.status == Status.SUBMITTED
    assert request.amount == D(6)  # Monday to Friday: six jours ouvrables
    assert submission.evaluation.after == D(24)
    assert Notification.objects.filter(user=manager_user).count() == 1
    assert mail.outbox == [] or mail.outbox[0].to == [manager_user.email]
    leave_request_approve(request=request, by=manager_user, comment="Bonnes vacances")
    request.refresh_from_db()
    assert request.status == Status.APPROVED
    assert available(world.member, types["cp"], MON) == D(24)
    # Drawn from 2025-2026: the days of 2024-2025 had to be taken by 31/05/2026.
    takings = LedgerEntry.objects.filter(request=request, kind=EntryKind.TAKING)
    assert [t.period_start for t in takings] == [date(2025, 6, 1)]
    assert Notification.objects.filter(user=employee_user, message__contains="validée").exists()
    assert AuditEntry.objects.filter(target_type="leave.LeaveRequest").count() == 2


def _ledger_reads(captured: CaptureQueriesContext) -> int:
    return sum(
        1
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT") and '"leave_ledgerentry"' in query["sql"]
    )


def test_a_decision_draws_from_the_balance_it_checked(world, types, employee_user, manager_user):
    """Approving checks the balance and draws the days from the same buckets: the ledger is
    read once (the employee's leave is locked in between, nothing is written to it)."""
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    request = submit(world, types, employee_user, MON, MON.replace(day=12)).request
    with CaptureQueriesContext(connection) as captured:
        leave_request_approve(request=request, by=manager_user)
    assert _ledger_reads(captured) == 1
    takings = LedgerEntry.objects.filter(request=request, kind=EntryKind.TAKING)
    assert [(t.period_start, t.amount) for t in takings] == [(date(2025, 6, 1), D(-6))]
    with CaptureQueriesContext(connection) as captured:
        leave_request_submit(
            employee=world.member,
            leave_type=types["cp"],
            span=Span(MON.replace(day=15), MON.replace(day=15)),
            by=manager_user,
        )
    assert _ledger_reads(captured) == 1
    assert available(world.member, types["cp"], MON) == D(23)


def test_statement_as_of_a_date(world, types, employee_user, hr_manager):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=hr_manager
    )
    before = statement(world.member, date(2026, 6, 1)).balances[0]
    assert before.remaining == D(60)
    assert before.total("planned") == D(1)
    after = statement(world.member, date(2026, 6, 30)).balances[0]
    assert after.remaining == D(59)
    assert after.total("taken") == D(1)


def test_overlaps_are_refused_in_french(world, types, employee_user):
    submit(world, types, employee_user, MON, MON.replace(day=10))
    with pytest.raises(ValidationError) as caught:
        submit(world, types, employee_user, MON.replace(day=10), MON.replace(day=11))
    assert "chevauche une autre absence" in caught.value.messages[0]
    # The afternoon of a day whose morning is taken does not overlap.
    leave_request_submit(
        employee=world.member,
        leave_type=types["cp"],
        span=Span(MON.replace(day=11), MON.replace(day=11), end_morning=True),
        by=employee_user,
    )
    leave_request_submit(
        employee=world.member,
        leave_type=types["cp"],
        span=Span(MON.replace(day=11), MON.replace(day=11), start_afternoon=True),
        by=employee_user,
    )


@pytest.mark.parametrize(
    ("span", "message"),
    [
        (Span(MON.replace(day=12), MON), "La date de fin ne peut pas précéder"),
        (Span(date(2026, 6, 13), date(2026, 6, 13), start_afternoon=True), "pas un jour travaillé"),
        (Span(date(2026, 6, 13), date(2026, 6, 14)), "Aucun jour de travail"),
    ],
)
def test_bad_input_is_refused(world, types, employee_user, span, message):
    with pytest.raises(ValidationError) as caught:
        leave_request_submit(
            employee=world.member, leave_type=types["cp"], span=span, by=employee_user
        )
    assert message in " ".join(caught.value.messages)
    assert not world.member.leave_requests.exists()


def test_beyond_balance_warns_or_refuses(world, types, employee_user, hr_manager):
    # Paid leave warns (no day acquired yet), RTT refuses.
    warned = submit(world, types, employee_user, MON, MON)
    assert "dépasse le solde" in warned.warnings[0]
    with pytest.raises(ValidationError, match="Solde insuffisant"):
        submit(world, types, employee_user, MON.replace(day=9), MON.replace(day=9), "rtt")
    ledger_adjust(
        employee=world.member,
        leave_type=types["rtt"],
        amount=D(10),
        entry_date=date(2026, 1, 1),
        label="RTT 2026 (accord)",
        by=hr_manager,
    )
    ok = submit(world, types, employee_user, MON.replace(day=9), MON.replace(day=9), "rtt")
    assert ok.evaluation.after == D(9)


def test_refusal_needs_a_reason_and_cancellation_reverses(world, types, employee_user, hr_manager):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    request = submit(world, types, employee_user, MON, MON).request
    with pytest.raises(ValidationError, match="motif du refus"):
        leave_request_refuse(request=request, by=hr_manager, comment=" ")
    # The cancellation acts on the request as approved (a stale copy is refused: it changed).
    approved = leave_request_approve(request=request, by=hr_manager)
    leave_request_cancel(request=approved, by=hr_manager)
    entries = LedgerEntry.objects.filter(request=request).order_by("id")
    # A Monday alone: one jour ouvrable (back on Tuesday); the reversal gives it back.
    assert [(e.kind, e.amount) for e in entries] == [
        (EntryKind.TAKING, D(-1)),
        (EntryKind.REVERSAL, D(1)),
    ]
    assert entries[1].reverses == entries[0]
    assert available(world.member, types["cp"], MON) == D(30)
    with pytest.raises(ValidationError):
        leave_request_approve(request=request, by=hr_manager)


def test_hr_records_on_behalf_approved_at_once(world, types, hr_assistant, employee_user):
    request = submit(world, types, hr_assistant, MON, MON).request
    assert request.status == Status.APPROVED
    assert Notification.objects.filter(user=employee_user, message__contains="pour vous").exists()


def test_marking_notifications_read_touches_only_the_users_unread_ones(
    world, types, employee_user, manager_user, hr_manager
):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    submit(world, types, employee_user, MON, MON)
    others = Notification.objects.exclude(user=manager_user).filter(read_at__isnull=True).count()
    assert Notification.objects.filter(user=manager_user, read_at__isnull=True).exists()
    assert notifications_mark_read(user=manager_user) >= 1
    assert not Notification.objects.filter(user=manager_user, read_at__isnull=True).exists()
    assert Notification.objects.exclude(user=manager_user).filter(read_at__isnull=True).count() == (
        others
    )
    assert notifications_mark_read(user=manager_user) == 0

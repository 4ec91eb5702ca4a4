"""The kinds whose records expire one by one, run by the one purge command, and the older
commands of single kinds kept under their names."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from effectif.accounts.models import ApiToken, LoginAttempt, LoginThrottleKey, TotpFailure
from effectif.core.audit import audit
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.personal_data import REDACTED
from effectif.core.purging import purge_kinds
from effectif.leave.models import Notification
from effectif.privacy.models import DataExport, RequestStatus, RightsRequest
from effectif.privacy.services.exports import export_request
from effectif.privacy.services.requests import request_answer, request_create
from effectif.timekeeping.models import ClockImport, TimeSheet

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), tzinfo=PARIS)


def test_connection_traces_lose_who_and_where_after_a_year(time_machine, admin_user, world):
    time_machine.move_to(_at(dt.date(2025, 5, 2)), tick=False)
    from effectif.core.audit import reset_client_ip, set_client_ip

    token = set_client_ip("192.0.2.7")
    login = audit(actor=admin_user, action=AuditAction.LOGIN, target=admin_user)
    update = audit(actor=admin_user, action=AuditAction.UPDATE, target=world.member, detail="x")
    reset_client_ip(token)
    time_machine.move_to(_at(dt.date(2025, 7, 1)), tick=False)
    recent = audit(actor=admin_user, action=AuditAction.LOGIN, target=admin_user)
    time_machine.move_to(_at(dt.date(2026, 6, 1)), tick=False)
    (report,) = purge_kinds(only=["audit_connections"])
    assert report.outcome.pseudonymised == 2
    login.refresh_from_db()
    update.refresh_from_db()
    recent.refresh_from_db()
    assert (login.actor_label, login.target_label, login.ip_address) == (REDACTED, REDACTED, None)
    assert update.ip_address is None
    assert update.actor_label == admin_user.username
    assert recent.actor_label == admin_user.username
    (again,) = purge_kinds(only=["audit_connections"])
    assert again.outcome.total == 0
    assert (
        AuditEntry.objects.filter(
            action=AuditAction.REDACT, target_label="Journal d'audit : connexions et adresses IP"
        ).count()
        == 1
    )


def test_login_attempts_and_expired_tokens_go_after_six_months(admin_user):
    now = timezone.now()
    LoginAttempt.objects.create(username="x", at=now - dt.timedelta(days=200))
    LoginAttempt.objects.create(username="y", at=now - dt.timedelta(days=20))
    ApiToken.objects.create(
        user=admin_user, key_hash="a" * 64, expires_at=now - dt.timedelta(days=200)
    )
    ApiToken.objects.create(
        user=admin_user, key_hash="b" * 64, expires_at=now + dt.timedelta(hours=1)
    )
    reports = {r.kind.key: r for r in purge_kinds(only=["login_attempts", "api_tokens"])}
    assert reports["login_attempts"].outcome.erased == 1
    assert reports["api_tokens"].outcome.erased == 1
    assert list(LoginAttempt.objects.values_list("username", flat=True)) == ["y"]
    assert list(ApiToken.objects.values_list("key_hash", flat=True)) == ["b" * 64]


def test_wrong_codes_and_lock_rows_go_with_the_login_attempts(admin_user):
    now = timezone.now()
    LoginAttempt.objects.create(
        username="x", ip_address="192.0.2.1", at=now - dt.timedelta(days=200)
    )
    LoginAttempt.objects.create(
        username="y", ip_address="192.0.2.2", at=now - dt.timedelta(days=20)
    )
    for key in ("account:x", "address:192.0.2.1", "account:y", "address:192.0.2.2"):
        LoginThrottleKey.objects.create(key=key)
    TotpFailure.objects.create(user=admin_user, at=now - dt.timedelta(days=200))
    recent = TotpFailure.objects.create(user=admin_user, at=now - dt.timedelta(days=1))

    (report,) = purge_kinds(only=["login_attempts"])

    assert report.outcome.erased == 4  # one attempt, one wrong code, two lock rows
    assert list(TotpFailure.objects.values_list("pk", flat=True)) == [recent.pk]
    assert sorted(LoginThrottleKey.objects.values_list("key", flat=True)) == [
        "account:y",
        "address:192.0.2.2",
    ]


def test_time_sheets_go_three_years_after_their_week(world):
    old = TimeSheet.objects.create(employee=world.member, week_start=dt.date(2023, 5, 22))
    kept = TimeSheet.objects.create(employee=world.member, week_start=dt.date(2023, 6, 5))
    (report,) = purge_kinds(only=["time_records"], dry_run=True)
    assert report.outcome.erased == 1
    assert TimeSheet.objects.filter(pk=old.pk).exists()
    purge_kinds(only=["time_records"])
    assert list(TimeSheet.objects.values_list("pk", flat=True)) == [kept.pk]


def test_notifications_and_clock_import_details(time_machine, world, employee_user, hr_manager):
    time_machine.move_to(_at(dt.date(2025, 1, 10)), tick=False)
    Notification.objects.create(user=employee_user, message="Congé validé")
    batch = ClockImport.objects.create(
        user=hr_manager,
        employer=world.employer,
        original_name="badges.csv",
        days=[{"matricule": world.member.matricule, "day": "2025-01-09"}],
    )
    time_machine.move_to(_at(dt.date(2026, 6, 1)), tick=False)
    Notification.objects.create(user=employee_user, message="Récent")
    reports = {r.kind.key: r for r in purge_kinds(only=["notifications", "clock_imports"])}
    assert reports["notifications"].outcome.erased == 1
    assert reports["clock_imports"].outcome.pseudonymised == 1
    batch.refresh_from_db()
    assert batch.days == []
    assert batch.original_name == "badges.csv"
    assert list(Notification.objects.values_list("message", flat=True)) == ["Récent"]


def test_answered_requests_and_prepared_archives_go(time_machine, world, hr_manager):
    time_machine.move_to(_at(dt.date(2021, 3, 1)), tick=False)
    old = request_create(
        employee=world.member,
        kind="acces",
        received_date=dt.date(2021, 3, 1),
        details="",
        by=hr_manager,
    )
    time_machine.move_to(_at(dt.date(2021, 3, 10)), tick=False)
    request_answer(
        request=old,
        status=RequestStatus.ANSWERED,
        answer="Remise.",
        answered_date=dt.date(2021, 3, 10),
        by=hr_manager,
    )
    time_machine.move_to(_at(dt.date(2026, 5, 20)), tick=False)
    export = export_request(employee=world.member, by=hr_manager)
    time_machine.move_to(_at(dt.date(2026, 6, 1)), tick=False)
    reports = {r.kind.key: r for r in purge_kinds(only=["rights_requests", "data_exports"])}
    assert reports["rights_requests"].outcome.erased == 1
    assert reports["data_exports"].outcome.erased == 1
    assert not RightsRequest.objects.exists()
    assert not DataExport.objects.filter(pk=export.pk).exists()


def test_the_older_commands_run_their_kind(world):
    out = io.StringIO()
    call_command("purge_imports", stdout=out)
    assert out.getvalue() == "0 import(s) annulé(s).\n"
    out = io.StringIO()
    call_command("purge_personnel_register", "--date", "2026-06-01", stdout=out)
    assert out.getvalue() == "0 entrée(s) retirée(s) du registre.\n"
    out = io.StringIO()
    call_command("purge_candidates", "--dry-run", stdout=out)
    assert out.getvalue() == "0 candidat(s) à effacer (simulation).\n"


def test_a_vehicle_and_an_amount_are_not_lost_by_accident(world):
    """Nothing of a person still employed is touched by the record purges."""
    from effectif.travel.models import Vehicle

    Vehicle.objects.create(employee=world.member, label="Clio", registration="AA", fiscal_power=4)
    purge_kinds()
    assert Vehicle.objects.filter(employee=world.member).exists()
    assert world.contract.versions.get().monthly_gross_amount == Decimal("2200.00")

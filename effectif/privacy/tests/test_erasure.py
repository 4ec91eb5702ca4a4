"""Erasing people's data past their retention (the purge) and on a justified request."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from effectif.accounts.models import User
from effectif.contracts.models import Contract
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.personal_data import REDACTED
from effectif.employees.models import ChangeRequest, Employee, EmployeeDocument
from effectif.health.models import MedicalVisit
from effectif.leave.models import LeaveRequest
from effectif.planning.models import CalendarFeed
from effectif.privacy.models import PersonErasure
from effectif.privacy.services.erasure import departure_date, erasure_plan, person_erase
from effectif.privacy.services.purge import purge_personal_data
from effectif.privacy.tests.conftest import TODAY
from effectif.timekeeping.models import TimeSheet
from effectif.travel.models import ExpenseLine, ExpenseReport, Trip, Vehicle

pytestmark = pytest.mark.django_db


def _stored(field_file) -> Path:
    return Path(settings.MEDIA_ROOT, field_file.name)


def test_a_file_five_years_after_the_departure_is_emptied_but_vouchers_keep_the_name(
    gone, django_capture_on_commit_callbacks
):
    document_path = _stored(gone.document.file)
    assert document_path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        purge_personal_data()

    person = Employee.objects.get(pk=gone.employee.pk)
    for field in ("address", "city", "nir", "iban", "personal_email", "emergency_contact_name"):
        assert getattr(person, field) == "", field
    assert person.children_count == 0
    assert person.family_status == ""
    # The 2020 expense report is an accounting voucher until 31/12/2030: the name stays.
    assert person.last_name == "Ancienne"
    assert ExpenseReport.objects.filter(pk=gone.report.pk).exists()
    assert _stored(ExpenseLine.objects.get(report=gone.report).receipt).exists()
    # The rest of the file goes.
    assert not EmployeeDocument.objects.filter(employee=person).exists()
    assert not document_path.exists()
    assert not ChangeRequest.objects.filter(employee=person).exists()
    assert not MedicalVisit.objects.filter(employee=person).exists()
    assert not CalendarFeed.objects.filter(employee=person).exists()
    assert not TimeSheet.objects.filter(employee=person).exists()  # three years
    assert Contract.objects.get(pk=gone.contract.pk).replaced_person == ""
    assert LeaveRequest.objects.get(employee=person).comment == ""
    account = User.objects.get(pk=gone.user.pk)
    assert account.username == f"ancien-{account.pk}"
    assert not account.is_active
    assert account.email == ""
    assert not account.has_usable_password()
    # The trail keeps what happened, not the values.
    update = AuditEntry.objects.get(employee_id=person.pk, action=AuditAction.UPDATE)
    assert update.changes == {"address": [REDACTED, REDACTED]}
    assert update.detail == REDACTED
    record = PersonErasure.objects.get(employee=person)
    assert not record.identity_erased
    assert record.next_review_date == dt.date(2031, 1, 1)
    redaction = AuditEntry.objects.get(action=AuditAction.REDACT, target_id=str(person.pk))
    assert "Dossier du personnel" in redaction.detail
    assert "Déplacements et notes de frais conservé" not in redaction.detail


def test_the_purge_is_idempotent_and_audited_per_kind(gone, long_gone):
    first = {r.kind.key: r for r in purge_personal_data()}
    assert first["personnel_file"].people == 2
    assert first["personnel_file"].outcome.erased == 4  # a document and a change request each
    assert first["medical"].outcome.erased == 2
    kinds_audited = AuditEntry.objects.filter(detail__startswith="Purge des données personnelles")
    assert kinds_audited.filter(target_label="Dossier du personnel").count() == 1
    assert kinds_audited.filter(target_label="Feuilles de temps et modifications du planning")
    count = AuditEntry.objects.count()
    again = purge_personal_data()
    assert all(report.outcome.total == 0 for report in again)
    assert AuditEntry.objects.count() == count


def test_with_nothing_kept_longer_the_name_goes_too(long_gone):
    purge_personal_data()
    person = Employee.objects.get(pk=long_gone.employee.pk)
    pseudonym = f"Ancien salarié n° {person.pk}"
    assert (person.last_name, person.first_names) == ("Ancien salarié", f"n° {person.pk}")
    assert person.matricule == f"ANC-{person.pk}"
    assert person.birth_date == dt.date(1990, 1, 1)  # the year stays for statistics
    assert person.sex == "F"
    about = AuditEntry.objects.filter(employee_id=person.pk).exclude(action=AuditAction.REDACT)
    assert about
    assert all(entry.target_label == pseudonym for entry in about)
    login = AuditEntry.objects.get(action=AuditAction.LOGIN, actor_id=long_gone.user.pk)
    assert login.actor_label == pseudonym
    assert not AuditEntry.objects.filter(target_label__icontains="Partie").exists()
    assert not AuditEntry.objects.filter(detail__icontains="Partie").exists()
    assert PersonErasure.objects.get(employee=person).identity_erased
    assert PersonErasure.objects.get(employee=person).next_review_date is None


def test_vouchers_go_ten_years_after_their_year_and_the_name_with_them(
    gone, django_capture_on_commit_callbacks
):
    receipt = _stored(ExpenseLine.objects.get(report=gone.report).receipt)
    purge_personal_data()
    later = dt.datetime(2031, 1, 2, 9, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        reports = {r.kind.key: r for r in purge_personal_data(now=later)}
    assert reports["travel"].outcome.erased == 2  # the report and its trip
    assert not ExpenseReport.objects.filter(pk=gone.report.pk).exists()
    assert not Trip.objects.filter(employee=gone.employee).exists()
    assert not receipt.exists()
    assert Employee.objects.get(pk=gone.employee.pk).last_name == "Ancien salarié"


def test_the_dry_run_counts_and_changes_nothing(gone):
    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Simulation" in text
    assert "Dossier du personnel (5 ans après le départ du salarié) : 1 personne(s)" in text
    assert Employee.objects.get(pk=gone.employee.pk).address == "12 rue des Acacias"
    assert not PersonErasure.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.REDACT).exists()


def test_the_command_reports_each_kind(gone):
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    text = out.getvalue()
    assert "Candidats non retenus (2 ans après le dernier contact) : 0 effacé(s)" in text
    assert "Visites médicales" not in text  # kinds are named, not parts
    assert (
        "Suivi de santé au travail (visites et avis) (5 ans après le départ du salarié) : " in text
    )
    out = io.StringIO()
    call_command("purge_personal_data", "--only", "medical", stdout=out)
    assert "Rien à effacer." in out.getvalue()


def test_an_unknown_kind_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Catégorie inconnue : salaires"):
        call_command("purge_personal_data", "--only", "salaires", stdout=io.StringIO())


def test_people_still_employed_or_recently_gone_are_not_touched(world, make_user, hr_manager):
    from effectif.privacy.tests.conftest import person_with_everything

    world.hr = hr_manager
    recent = person_with_everything(
        world, make_user, left=dt.date(2024, 6, 30), name="Recente", with_travel=False
    )
    purge_personal_data()
    assert Employee.objects.get(pk=recent.employee.pk).address == "12 rue des Acacias"
    assert Employee.objects.get(pk=world.member.pk).nir == world.member.nir
    assert not PersonErasure.objects.exists()
    assert departure_date(world.member) is None
    assert departure_date(recent.employee) == dt.date(2024, 6, 30)


def test_a_justified_request_erases_only_what_no_text_requires(world, hr_manager):
    member = world.member
    Employee.objects.filter(pk=member.pk).update(
        emergency_contact_name="Paul Martin", education_level="6", address="3 rue Haute"
    )
    Vehicle.objects.create(employee=member, label="Clio", registration="AB-123-CD", fiscal_power=4)
    CalendarFeed.objects.create(employee=member, token_hash="f" * 64)
    plan = erasure_plan(member, TODAY)
    assert not any(item.expired for item in plan.parts)
    assert plan.keep_identity
    report = person_erase(employee=member, by=hr_manager, reason="Demande justifiée (art. 17)")
    person = Employee.objects.get(pk=member.pk)
    assert person.emergency_contact_name == ""
    assert person.education_level == ""
    assert person.address == "3 rue Haute"
    assert person.nir == member.nir
    assert not Vehicle.objects.filter(employee=member).exists()
    assert not CalendarFeed.objects.filter(employee=member).exists()
    assert report.outcomes["personnel_file"].pseudonymised == 1
    entry = AuditEntry.objects.get(action=AuditAction.REDACT)
    assert entry.actor == hr_manager
    assert entry.detail.startswith("Demande justifiée (art. 17) — Dossier du personnel")
    # The purge will still look at this person once they leave.
    assert PersonErasure.objects.get(employee=member).identity_erased is False


def test_a_vehicle_a_mileage_line_refers_to_stays(world, hr_manager, gone):
    car = Vehicle.objects.create(
        employee=gone.employee, label="Clio", registration="AB-123-CD", fiscal_power=4
    )
    ExpenseLine.objects.create(
        report=gone.report,
        category="kilometres",
        expense_date=dt.date(2020, 1, 20),
        amount=0,
        vehicle=car,
    )
    purge_personal_data()
    assert Vehicle.objects.filter(pk=car.pk).exists()

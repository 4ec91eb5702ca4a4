"""The demo organisation: loaded once per module (about 2 s), checked from every side."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import transaction
from django.test import override_settings

from effectif.accounts.models import User
from effectif.contracts.models import Contract, ContractTerms, Kind
from effectif.contracts.services import overlapping_contracts
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.demo.loading import DEMO_PASSWORD, DEMO_USERS, load_demo
from effectif.demo.staff import plan_staff
from effectif.employees.models import Employee, EmployeeDocument
from effectif.employees.selectors import employees_for
from effectif.organisation.models import (
    Department,
    Employer,
    EmployerAccess,
    Establishment,
    HealthService,
    Position,
)
from effectif.organisation.selectors import employers_for

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for the module, inside a transaction rolled back at its end; each
    test runs in a savepoint of it."""
    media = tmp_path_factory.mktemp("media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers),
        transaction.atomic(),
    ):
        assert load_demo(today=TODAY) is True
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_a_second_load_changes_nothing(demo):
    models = [m for m in apps.get_models() if m._meta.app_label not in {"sessions"}]
    before = {m._meta.label: m._default_manager.count() for m in models}
    assert load_demo(today=TODAY) is False
    assert load_demo(today=TODAY + timedelta(days=40)) is False
    assert {m._meta.label: m._default_manager.count() for m in models} == before


def test_the_five_demo_users_with_their_roles_and_grants(demo):
    for username, role, first_name, last_name in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.role == role
        assert (user.first_name, user.last_name) == (first_name, last_name)
        assert user.check_password(DEMO_PASSWORD)
    grants = Counter(EmployerAccess.objects.values_list("user__username", flat=True))
    assert grants == {"rh": 2, "gestionnaire": 1}
    assert employers_for(User.objects.get(username="admin")).count() == 2
    assert employers_for(User.objects.get(username="rh")).count() == 2
    assert employers_for(User.objects.get(username="gestionnaire")).count() == 1


def test_two_employers_three_establishments_one_in_alsace_moselle(demo):
    employers = {e.idcc: e for e in Employer.objects.all()}
    assert set(employers) == {"1486", "0413"}
    association = employers["0413"]
    assert association.legal_form == "ASSO"
    assert association.subject_to_payroll_tax
    assert not employers["1486"].subject_to_payroll_tax
    establishments = list(Establishment.objects.all())
    assert len(establishments) == 3
    assert [e.department for e in establishments if e.alsace_moselle] == ["67"]
    assert all(e.at_rate > 0 and e.mobility_rate > 0 for e in establishments)
    assert all(e.health_service_id for e in establishments)
    assert HealthService.objects.count() == 3


def test_departments_form_trees_with_managers(demo):
    departments = list(Department.objects.all())
    assert len(departments) >= 10
    assert all(d.manager_id for d in departments)
    roots = [d for d in departments if d.parent_id is None]
    assert len(roots) == 2
    assert any(d.parent and d.parent.parent for d in departments)  # at least three levels


def test_job_descriptions(demo):
    positions = list(Position.objects.all())
    assert 15 <= len(positions) <= 20
    assert all(p.purpose and p.tasks and p.required_skills for p in positions)
    assert sum(bool(p.pcs_ese) for p in positions) >= 15
    assert sum(p.needs_reinforced_follow_up for p in positions) >= 2


def test_about_eighty_employees_with_every_contract_kind(demo):
    assert 75 <= Employee.objects.count() <= 85
    assert set(Contract.objects.values_list("kind", flat=True)) == set(Kind.values)
    reasons = set(Contract.objects.values_list("end_reason", flat=True))
    assert {"031", "032", "034", "035", "039", "043", "059", "081", "084"} <= reasons
    replacements = Contract.objects.filter(fixed_term_reason="remplacement")
    assert replacements.count() >= 3
    assert all(c.replaced_person for c in replacements)
    assert "Claire Dubois" in replacements.get(kind="cdd", imprecise_term=False).replaced_person
    assert Contract.objects.filter(imprecise_term=True).exists()


def test_three_years_of_history(demo):
    starts = list(Contract.objects.values_list("start_date", flat=True))
    window = TODAY - timedelta(days=3 * 365)
    assert sum(window <= d <= TODAY for d in starts) >= 30  # hires over the last three years
    assert sum(d < window for d in starts) >= 20  # and people hired before
    ended = Contract.objects.filter(end_date__lt=TODAY, end_date__gte=window)
    assert ended.count() >= 15
    amendments = ContractTerms.objects.exclude(reason="Embauche")
    assert amendments.count() >= 30
    assert amendments.filter(working_time="temps_partiel").exists()
    assert amendments.filter(reason__startswith="Promotion").exists()
    assert amendments.filter(reason__startswith="Mutation").exists()
    assert not amendments.filter(effective_date__gt=TODAY).exists()


def test_full_personnel_files(demo):
    employees = list(Employee.objects.all())
    nirs = [e.nir for e in employees if e.nir]
    assert len(nirs) == len(set(nirs)) == len(employees) - 1  # one awaits their NIR (NTT)
    assert Employee.objects.exclude(temporary_number="").count() == 1
    assert all(e.iban and e.bic and e.address and e.emergency_contact_phone for e in employees)
    assert all(e.family_status and e.education_level for e in employees)
    assert Employee.objects.filter(disability_recognised=True).count() >= 3
    foreign = Employee.objects.exclude(work_permit_type="")
    assert foreign.count() >= 3
    assert foreign.filter(work_permit_expiry__lte=TODAY + timedelta(days=90)).count() >= 2
    assert Employee.objects.exclude(nationality="Française").count() >= 5
    assert EmployeeDocument.objects.count() >= 5


def test_the_manager_sees_a_team_with_the_employee_in_it(demo):
    manager = User.objects.get(username="manager")
    salarie = User.objects.get(username="salarie")
    assert manager.role == Role.MANAGER
    assert Employee.objects.filter(user=manager).exists()
    team = employees_for(manager)
    assert team.count() >= 10
    assert team.filter(user=salarie).exists()
    assert list(employees_for(salarie)) == [Employee.objects.get(user=salarie)]


def test_every_object_is_valid(demo):
    labels = {"accounts", "organisation", "employees", "contracts"}
    checked = 0
    for model in apps.get_models():
        if model._meta.app_label not in labels:
            continue
        for instance in model._default_manager.all():
            instance.full_clean()
            checked += 1
    assert checked > 300
    assert not any(overlapping_contracts(c) for c in Contract.objects.all())


def test_the_audit_trail_looks_real(demo):
    created = AuditEntry.objects.filter(action=AuditAction.CREATE)
    assert created.filter(target_type="employees.Employee").count() == Employee.objects.count()
    assert created.filter(target_type="contracts.Contract").count() == Contract.objects.count()
    updates = AuditEntry.objects.filter(action=AuditAction.UPDATE)
    assert updates.filter(target_type="contracts.ContractTerms").count() >= 30
    actors = set(AuditEntry.objects.values_list("actor_label", flat=True))
    assert {"admin", "rh", "gestionnaire"} <= actors


def test_the_plan_is_deterministic():
    def fingerprint(today):
        return [
            (p.matricule, p.identity.nir, p.identity.iban, [(c.kind, c.start) for c in p.contracts])
            for p in plan_staff(today).staff
        ]

    assert fingerprint(TODAY) == fingerprint(TODAY)


def test_leave_for_the_demo(demo):
    from effectif.leave.models import LeaveRequest, LeaveType, LedgerEntry, Status

    assert LeaveType.objects.filter(code="cp").count() == 2
    assert LedgerEntry.objects.filter(kind="acquisition").count() > 500  # ~70 people × 17 months
    salarie = Employee.objects.get(user__username="salarie")
    assert LeaveRequest.objects.filter(employee=salarie, status=Status.SUBMITTED).exists()
    assert LeaveRequest.objects.filter(status=Status.APPROVED, leave_type__code="maladie").exists()

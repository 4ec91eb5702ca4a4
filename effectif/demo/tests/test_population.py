"""`generate_population`: N valid synthetic employees, fast, and again on the next run."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.services import overlapping_contracts
from effectif.core.models import AuditEntry
from effectif.demo.population import SYNTHETIC_SIREN, generate_population
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.organisation.tests.factories import EmployerFactory, EstablishmentFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


def _check_valid(employer):
    employees = list(Employee.objects.filter(employer=employer))
    for employee in employees:
        employee.full_clean()
    contracts = list(Contract.objects.filter(employee__employer=employer))
    for contract in contracts:
        contract.full_clean()
        assert not overlapping_contracts(contract)
        assert contract.versions.filter(effective_date=contract.start_date).exists()
    for terms in ContractTerms.objects.filter(contract__employee__employer=employer):
        terms.full_clean()
    return employees, contracts


def test_creates_n_valid_employees_with_contracts_and_audit():
    report = generate_population(employees=120, today=TODAY)
    assert report.employer.siren == SYNTHETIC_SIREN
    employees, contracts = _check_valid(report.employer)
    assert len(employees) == report.employees == 120
    assert len(contracts) == report.contracts >= 120
    assert ContractTerms.objects.count() == report.versions > report.contracts  # amendments
    assert AuditEntry.objects.filter(detail__startswith="Population synthétique").count() == (
        report.audit_entries
    )
    assert report.audit_entries == report.employees + report.contracts + report.versions
    assert len({e.nir for e in employees}) == 120
    assert len({c.kind for c in contracts}) >= 4
    assert Contract.objects.filter(end_date__lt=TODAY).exclude(end_reason="").exists()


def test_can_be_run_several_times():
    generate_population(employees=30, today=TODAY)
    report = generate_population(employees=30, today=TODAY)
    matricules = sorted(Employee.objects.values_list("matricule", flat=True))
    assert matricules == [f"SYN{n:07d}" for n in range(1, 61)]
    nirs = list(Employee.objects.values_list("nir", flat=True))
    assert len(set(nirs)) == 60
    assert Employer.objects.filter(siren=SYNTHETIC_SIREN).count() == 1
    _check_valid(report.employer)


def test_is_deterministic():
    def generate():
        with transaction.atomic():
            generate_population(employees=15, today=TODAY)
            rows = list(
                Employee.objects.order_by("matricule").values_list("last_name", "nir", "iban")
            )
            transaction.set_rollback(True)
        return rows

    assert generate() == generate()
    generate_population(employees=15, today=TODAY)
    generate_population(employees=15, today=TODAY)
    # A second run continues the sequence: new people, not the same ones again.
    assert Employee.objects.values("nir").distinct().count() == 30


def test_adds_to_an_existing_employer():
    employer = EmployerFactory()
    EstablishmentFactory(employer=employer)
    generate_population(employees=10, employer=employer, today=TODAY)
    _check_valid(employer)
    assert Employee.objects.filter(employer=employer).count() == 10


def test_refuses_an_employer_without_establishment():
    with pytest.raises(ValueError, match="aucun établissement"):
        generate_population(employees=1, employer=EmployerFactory(), today=TODAY)


def test_command(capsys):
    call_command("generate_population", "--employees", "5")
    assert "5 salariés synthétiques ajoutés" in capsys.readouterr().out
    with pytest.raises(CommandError, match="SIREN"):
        call_command("generate_population", "--employees", "5", "--employer", "123456789")

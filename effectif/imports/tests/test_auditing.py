"""The bulk audit entries of an import say exactly what `audit_creation` would say."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.tests.factories import hire
from effectif.core.audit import snapshot
from effectif.core.services import audited_fields
from effectif.employees.models import MASKED_IN_AUDIT, Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.imports.auditing import CreationEntries, contract_label, terms_label
from effectif.organisation.tests.factories import DepartmentFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_snapshots_and_labels_match_the_core_ones(employer, establishment, hr):
    employee = EmployeeFactory(
        employer=employer,
        department=DepartmentFactory(employer=employer),
        family_status="pacse",
        education_level="5",
        work_permit_type="salarie",
        work_permit_number="A1",
        work_permit_expiry=dt.date(2030, 1, 1),
    )
    contract = hire(
        employee,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 6, 30),
        kind="cdd",
        establishment=establishment,
    )
    contract.fixed_term_reason = "remplacement"
    terms = contract.versions.get()
    terms.position = PositionFactory(employer=employer)

    employees = CreationEntries(Employee, audited_fields(Employee), MASKED_IN_AUDIT)
    contracts = CreationEntries(Contract, audited_fields(Contract))
    versions = CreationEntries(ContractTerms, ContractTerms.AMENDABLE_FIELDS)
    assert employees.snapshot(employee) == snapshot(
        employee, audited_fields(Employee), MASKED_IN_AUDIT
    )
    assert contracts.snapshot(contract) == snapshot(contract, audited_fields(Contract))
    assert versions.snapshot(terms) == snapshot(terms, ContractTerms.AMENDABLE_FIELDS)
    label = contract_label(contract, contracts)
    assert label == str(contract)
    assert terms_label(terms, label) == str(terms)
    entry = contracts.entry(contract, by=hr, detail="Import", label=label)
    assert entry.target_label == str(contract)
    assert entry.employee_id == employee.pk
    assert entry.employer_id == employer.pk

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.contracts.headcount import employer_headcount
from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.selectors import terms_as_of
from effectif.contracts.services import contract_amend, contract_create, contract_save
from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db


def _terms(establishment, **overrides) -> ContractTerms:
    values = {
        "establishment": establishment,
        "job_title": "Comptable",
        "category": "employe",
        "working_time": "temps_plein",
        "monthly_gross_amount": Decimal("2300.00"),
    }
    values.update(overrides)
    return ContractTerms(**values)


@pytest.fixture
def employee():
    return EmployeeFactory()


@pytest.fixture
def establishment(employee):
    return EstablishmentFactory(employer=employee.employer)


def test_a_cdi_gets_its_trial_period_number_and_hourly_rate(employee, establishment, hr_manager):
    contract = contract_create(
        contract=Contract(employee=employee, kind="cdi", start_date=date(2026, 3, 2)),
        terms=_terms(establishment, category="cadre"),
        by=hr_manager,
    )
    assert contract.number == "001"
    assert contract.trial_end_date == date(2026, 7, 1)  # 4 months for a cadre (L1221-19)
    terms = contract.versions.get()
    assert terms.effective_date == date(2026, 3, 2)
    assert terms.hourly_rate_amount == Decimal("15.1645")  # 2300 / 151.67
    assert (
        AuditEntry.objects.filter(action=AuditAction.CREATE, employee_id=employee.pk).count() == 2
    )


def test_a_cdd_without_reason_nor_end_is_refused_with_both_errors(
    employee, establishment, hr_manager
):
    with pytest.raises(ValidationError) as error:
        contract_create(
            contract=Contract(employee=employee, kind="cdd", start_date=date(2026, 3, 2)),
            terms=_terms(establishment),
            by=hr_manager,
        )
    assert set(error.value.message_dict) == {"end_date", "fixed_term_reason"}
    assert "L1242-2" in error.value.message_dict["fixed_term_reason"][0]
    assert not Contract.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_replacement_cdd_names_the_replaced_person(employee, establishment, hr_manager):
    with pytest.raises(ValidationError) as error:
        contract_create(
            contract=Contract(
                employee=employee,
                kind="cdd",
                start_date=date(2026, 3, 2),
                end_date=date(2026, 8, 31),
                fixed_term_reason="remplacement",
            ),
            terms=_terms(establishment),
            by=hr_manager,
        )
    assert "replaced_person" in error.value.message_dict


def test_end_before_start_is_refused(employee, establishment, hr_manager):
    with pytest.raises(ValidationError) as error:
        contract_create(
            contract=Contract(
                employee=employee,
                kind="cdd",
                start_date=date(2026, 3, 2),
                end_date=date(2026, 3, 1),
                fixed_term_reason="accroissement",
            ),
            terms=_terms(establishment),
            by=hr_manager,
        )
    assert error.value.message_dict["end_date"] == [
        "La date de fin ne peut pas précéder la date de début."
    ]


def test_overlapping_contracts_are_refused(employee, establishment, hr_manager):
    hire(employee, start=date(2025, 1, 1), end=None, establishment=establishment)
    with pytest.raises(ValidationError) as error:
        contract_create(
            contract=Contract(
                employee=employee,
                kind="cdd",
                start_date=date(2026, 1, 5),
                end_date=date(2026, 6, 30),
                fixed_term_reason="accroissement",
            ),
            terms=_terms(establishment),
            by=hr_manager,
        )
    assert "chevauche" in error.value.message_dict["start_date"][0]
    assert Contract.objects.count() == 1


def test_establishment_of_another_employer_is_refused(employee, hr_manager):
    other = EstablishmentFactory()
    with pytest.raises(ValidationError) as error:
        contract_create(
            contract=Contract(employee=employee, kind="cdi", start_date=date(2026, 3, 2)),
            terms=_terms(other),
            by=hr_manager,
        )
    assert "establishment" in error.value.message_dict


def test_amendments_show_the_contract_as_it_stood_on_any_date(employee, establishment, hr_manager):
    contract = hire(
        employee,
        start=date(2024, 1, 1),
        establishment=establishment,
        monthly_gross_amount=Decimal("2000.00"),
    )
    contract_amend(
        contract=contract,
        terms=_terms(
            establishment,
            effective_date=date(2025, 7, 1),
            reason="Augmentation",
            monthly_gross_amount=Decimal("2150.00"),
        ),
        by=hr_manager,
    )
    contract_amend(
        contract=contract,
        terms=_terms(
            establishment,
            effective_date=date(2026, 1, 1),
            reason="Temps partiel",
            working_time="temps_partiel",
            monthly_hours=Decimal("121.33"),
            monthly_gross_amount=Decimal("1720.00"),
        ),
        by=hr_manager,
    )
    assert terms_as_of(contract, date(2024, 6, 1)).monthly_gross_amount == Decimal("2000.00")
    assert terms_as_of(contract, date(2025, 12, 31)).monthly_gross_amount == Decimal("2150.00")
    latest = terms_as_of(contract, date(2026, 2, 1))
    assert latest.working_time == "temps_partiel"
    assert latest.hourly_rate_amount == Decimal("14.1762")  # 1720 / 121.33
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE).order_by("-id").first()
    assert entry.changes["monthly_gross_amount"] == ["2150,00", "1720,00"]
    assert entry.changes["working_time"] == ["Temps plein", "Temps partiel"]


def test_amendment_outside_the_contract_is_refused(employee, establishment, hr_manager):
    contract = hire(
        employee,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        kind="cdd",
        establishment=establishment,
    )
    with pytest.raises(ValidationError):
        contract_amend(
            contract=contract,
            terms=_terms(establishment, effective_date=date(2026, 9, 1), reason="x"),
            by=hr_manager,
        )


def test_ending_a_contract_is_audited(employee, establishment, hr_manager):
    contract = hire(employee, start=date(2024, 1, 1), establishment=establishment)
    contract.end_date = date(2026, 2, 28)
    contract.end_reason = "059"
    contract_save(contract=contract, by=hr_manager)
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, target_id=str(contract.pk))
    assert entry.changes["end_date"] == ["", "28/02/2026"]
    assert entry.changes["end_reason"] == ["", "Démission"]


def test_headcount_is_computed_from_contracts(establishment):
    employer = establishment.employer
    for _ in range(3):
        hire(
            EmployeeFactory(employer=employer), start=date(2025, 1, 1), establishment=establishment
        )
    hire(
        EmployeeFactory(employer=employer),
        start=date(2025, 1, 1),
        establishment=establishment,
        working_time="temps_partiel",
        monthly_hours=Decimal("75.84"),
    )
    hire(
        EmployeeFactory(employer=employer),
        start=date(2025, 9, 1),
        kind="apprentissage",
        end=date(2027, 8, 31),
        establishment=establishment,
    )
    count = employer_headcount(employer, date(2026, 3, 31))
    assert count.people == 5
    assert count.full_time_equivalent == Decimal("3.50")
    assert count.annual_average == Decimal("3.50")

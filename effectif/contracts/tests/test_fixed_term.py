"""Fixed-term limits checked when a contract is recorded: 18 months at most (L1242-8-1), the
waiting period between successive contracts on one post (L1244-3-1); nothing half-written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.services import contract_create, contract_save
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _cdd(world, person, start, end, reason="accroissement", replaced=""):
    contract = Contract(
        employee=person,
        kind="cdd",
        fixed_term_reason=reason,
        replaced_person=replaced,
        start_date=start,
        end_date=end,
    )
    terms = ContractTerms(
        establishment=world.establishment,
        position=world.position,
        job_title="Préparateur",
        category="employe",
        working_time="temps_plein",
        monthly_gross_amount=Decimal("2100.00"),
    )
    return contract, terms


def test_a_cdd_beyond_eighteen_months_is_refused(world, hr_manager):
    person = EmployeeFactory(employer=world.employer)
    contract, terms = _cdd(world, person, date(2026, 1, 1), date(2027, 7, 1))
    with pytest.raises(ValidationError) as error:
        contract_create(contract=contract, terms=terms, by=hr_manager)
    assert "L1242-8-1" in error.value.message_dict["end_date"][0]
    assert not Contract.objects.filter(employee=person).exists()


def test_extending_a_cdd_past_eighteen_months_is_refused(world, hr_manager):
    person = EmployeeFactory(employer=world.employer)
    contract = contract_create(
        contract=_cdd(world, person, date(2026, 1, 1), date(2026, 12, 31))[0],
        terms=_cdd(world, person, date(2026, 1, 1), date(2026, 12, 31))[1],
        by=hr_manager,
    )
    contract.end_date = date(2027, 9, 30)
    with pytest.raises(ValidationError, match="L1242-8-1"):
        contract_save(contract=contract, by=hr_manager)
    contract.refresh_from_db()
    assert contract.end_date == date(2026, 12, 31)


def test_the_waiting_period_on_one_post_is_enforced(world, hr_manager):
    first = EmployeeFactory(employer=world.employer)
    contract, terms = _cdd(world, first, date(2026, 3, 2), date(2026, 3, 11))
    contract_create(contract=contract, terms=terms, by=hr_manager)
    second = EmployeeFactory(employer=world.employer)
    # 10 days → half, 5 open days (12, 13, 16, 17, 18 March): not before the 19th.
    early, early_terms = _cdd(world, second, date(2026, 3, 16), date(2026, 4, 30))
    with pytest.raises(ValidationError) as error:
        contract_create(contract=early, terms=early_terms, by=hr_manager)
    message = error.value.message_dict["start_date"][0]
    assert "L1244-3-1" in message
    assert "19/03/2026" in message
    assert not Contract.objects.filter(employee=second).exists()
    ok, ok_terms = _cdd(world, second, date(2026, 3, 19), date(2026, 4, 30))
    assert contract_create(contract=ok, terms=ok_terms, by=hr_manager).pk


def test_a_new_replacement_needs_no_waiting_period(world, hr_manager):
    first = EmployeeFactory(employer=world.employer)
    contract, terms = _cdd(world, first, date(2026, 3, 2), date(2026, 3, 11))
    contract_create(contract=contract, terms=terms, by=hr_manager)
    second = EmployeeFactory(employer=world.employer)
    replacing, replacing_terms = _cdd(
        world, second, date(2026, 3, 12), date(2026, 4, 30), "remplacement", "M. X, employé"
    )
    assert contract_create(contract=replacing, terms=replacing_terms, by=hr_manager).pk


def test_agency_only_for_temporary_work_and_tutor_only_for_interns(world):
    contract = Contract(
        employee=world.member,
        number="009",
        kind="cdi",
        start_date=date(2020, 1, 1),
        temp_agency_name="Intérim 2000",
        tutor=world.colleague,
    )
    with pytest.raises(ValidationError) as error:
        contract.full_clean()
    assert set(error.value.message_dict) >= {"temp_agency_name", "tutor"}

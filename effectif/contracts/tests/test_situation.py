from __future__ import annotations

from datetime import date

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.selectors import EmployeeFilters, employee_list
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EmployerFactory, EstablishmentFactory, grant

pytestmark = pytest.mark.django_db


def test_employee_list_filters_presence_kind_and_search(hr_manager):
    employer = EmployerFactory()
    grant(hr_manager, employer)
    present = EmployeeFactory(employer=employer, last_name="Durand")
    hire(present, start=date(2024, 1, 1))
    gone = EmployeeFactory(employer=employer, last_name="Martin")
    hire(gone, start=date(2024, 1, 1), end=date(2025, 6, 30), kind="cdd")
    on = date(2026, 1, 15)
    assert list(employee_list(hr_manager, EmployeeFilters(on=on))) == [present]
    assert list(employee_list(hr_manager, EmployeeFilters(on=on, presence="gone"))) == [gone]
    assert list(employee_list(hr_manager, EmployeeFilters(on=date(2025, 1, 1), kind="cdd"))) == [
        gone
    ]
    found = list(employee_list(hr_manager, EmployeeFilters(on=on, presence="all", q="mart")))
    assert found == [gone]
    assert found[0].situation_kind == "cdd"


def test_the_situation_reads_each_employees_own_terms(hr_manager):
    """Ids of employees, contracts and terms that do not line up (a nested OuterRef once
    compared a contract's employee with the terms' own id)."""
    employer = EmployerFactory()
    grant(hr_manager, employer)
    EstablishmentFactory(employer=employer)
    EmployeeFactory(employer=employer, last_name="Sans contrat")
    north = EstablishmentFactory(employer=employer, name="Nord")
    welder = EmployeeFactory(employer=employer, last_name="Soudeur")
    hire(welder, start=date(2023, 5, 1), establishment=north, job_title="Soudeur")
    on = date(2025, 1, 1)
    [row] = employee_list(hr_manager, EmployeeFilters(on=on))
    assert (row.situation_job_title, row.situation_establishment) == ("Soudeur", "Nord")
    assert row.hire_date == date(2023, 5, 1)
    assert list(employee_list(hr_manager, EmployeeFilters(on=on, establishment_id=north.pk))) == [
        welder
    ]

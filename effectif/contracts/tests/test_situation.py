from __future__ import annotations

from datetime import date

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.selectors import EmployeeFilters, employee_list
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EmployerFactory, grant

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

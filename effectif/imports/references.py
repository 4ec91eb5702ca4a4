"""What an import is checked against, loaded in a few queries before the rows are read.

Establishments, departments and positions of the employer; the existing files whose
matricules the file mentions, and their contracts. Checking 10,000 rows then costs no query
per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import QuerySet

from effectif.contracts.models import Contract
from effectif.core.cells import normalise
from effectif.employees.models import Employee
from effectif.organisation.models import Department, Employer, Establishment, Position

V = TypeVar("V")

#: Values per `IN (...)` clause, well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500

#: The fields of an existing file an import reads: matching a row to it, and the audit label.
EMPLOYEE_FIELDS = (
    "id",
    "employer_id",
    "matricule",
    "last_name",
    "usage_name",
    "first_names",
    "birth_date",
    "nir",
)


@dataclass(frozen=True)
class ExistingContract:
    number: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass
class References:
    employer: Employer
    establishments: dict[str, Establishment] = field(default_factory=dict)  # by SIRET
    departments: dict[str, Department] = field(default_factory=dict)  # by name or code
    positions: dict[str, Position] = field(default_factory=dict)  # by title
    employees: dict[str, Employee] = field(default_factory=dict)  # by matricule
    contracts: dict[int, list[ExistingContract]] = field(default_factory=dict)  # by employee


def chunked(values: Iterable[V], size: int = CHUNK) -> Iterator[list[V]]:
    batch: list[V] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_references(
    employer: Employer, matricules: Iterable[str], *, lock: bool = False
) -> References:
    """The employer's records an import needs. With `lock`, the existing files are locked
    until the transaction ends (as `contract_create` does), so that no contract is added to
    them meanwhile."""
    refs = References(employer=employer)
    for establishment in Establishment.objects.filter(employer=employer):
        establishment.employer = employer
        refs.establishments[establishment.siret] = establishment
    for department in Department.objects.filter(employer=employer):
        department.employer = employer
        refs.departments.setdefault(normalise(department.name), department)
        if department.code:
            refs.departments.setdefault(normalise(department.code), department)
    for position in Position.objects.filter(employer=employer):
        position.employer = employer
        refs.positions.setdefault(normalise(position.title), position)
    for names in chunked(sorted(set(matricules))):
        employees: QuerySet[Employee] = Employee.objects.filter(
            employer=employer, matricule__in=names
        ).only(*EMPLOYEE_FIELDS)
        if lock:
            employees = employees.select_for_update()
        for employee in employees.order_by("pk"):
            employee.employer = employer
            refs.employees[employee.matricule] = employee
    ids = [employee.pk for employee in refs.employees.values()]
    contracts: dict[int, list[ExistingContract]] = defaultdict(list)
    for chunk in chunked(ids):
        rows = Contract.objects.filter(employee_id__in=chunk).values_list(
            "employee_id", "number", "start_date", "end_date"
        )
        for employee_id, number, start, end in rows:
            contracts[employee_id].append(ExistingContract(number, start, end))
    refs.contracts = dict(contracts)
    return refs

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from effectif.contracts.models import Contract, ContractTerms
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EstablishmentFactory


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    employee = factory.SubFactory(EmployeeFactory)
    number = factory.Sequence(lambda n: f"{n + 1:03d}")
    kind = "cdi"
    start_date = date(2024, 1, 1)


class ContractTermsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContractTerms

    contract = factory.SubFactory(ContractFactory)
    effective_date = factory.LazyAttribute(lambda o: o.contract.start_date)
    establishment = factory.SubFactory(
        EstablishmentFactory, employer=factory.SelfAttribute("..contract.employee.employer")
    )
    job_title = "Assistant(e) administratif(ve)"
    category = "employe"
    working_time = "temps_plein"
    monthly_gross_amount = Decimal("2200.00")
    hourly_rate_amount = Decimal("14.5052")


def hire(employee, *, start=date(2024, 1, 1), end=None, kind="cdi", establishment=None, **terms):
    """An employee with a contract and its initial terms."""
    contract = ContractFactory(
        employee=employee,
        start_date=start,
        end_date=end,
        kind=kind,
        fixed_term_reason="accroissement" if kind == "cdd" else "",
    )
    extra = {"establishment": establishment} if establishment is not None else {}
    ContractTermsFactory(contract=contract, **extra, **terms)
    return contract

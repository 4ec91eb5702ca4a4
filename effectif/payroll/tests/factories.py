from __future__ import annotations

from datetime import date

import factory

from effectif.organisation.tests.factories import EmployerFactory
from effectif.payroll.models import PayrollPeriod


class PayrollPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayrollPeriod

    employer = factory.SubFactory(EmployerFactory)
    month = date(2026, 5, 1)
    pay_date = date(2026, 5, 29)
    cutoff_date = date(2026, 5, 20)

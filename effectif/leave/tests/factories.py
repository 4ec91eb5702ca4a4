"""Leave rows built directly, for tests that need one in a given state without the services'
checks (an approved absence on a day, a type of a given nature)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import Category, LeaveRequest, LeaveType, Status
from effectif.organisation.tests.factories import EmployerFactory


class LeaveTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeaveType
        django_get_or_create = ("employer", "code")

    employer = factory.SubFactory(EmployerFactory)
    code = factory.Sequence(lambda n: f"type{n}")
    label = "Congés payés"
    category = Category.PAID_LEAVE


class LeaveRequestFactory(factory.django.DjangoModelFactory):
    """A request as the leave app stores it: approved, one day, unless told."""

    class Meta:
        model = LeaveRequest

    employee = factory.SubFactory(EmployeeFactory)
    leave_type = factory.SubFactory(
        LeaveTypeFactory, employer=factory.SelfAttribute("..employee.employer")
    )
    start_date = date(2026, 6, 8)
    end_date = factory.SelfAttribute("start_date")
    amount = Decimal(1)
    status = Status.APPROVED

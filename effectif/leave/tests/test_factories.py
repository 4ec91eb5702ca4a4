"""The leave factories build rows the leave app could have stored."""

from __future__ import annotations

import pytest

from effectif.leave.models import Status
from effectif.leave.tests.factories import LeaveRequestFactory, LeaveTypeFactory

pytestmark = pytest.mark.django_db


def test_a_request_is_one_approved_day_of_a_type_of_the_employees_employer() -> None:
    request = LeaveRequestFactory()
    request.full_clean()
    assert request.leave_type.employer_id == request.employee.employer_id
    assert (request.status, request.start_date) == (Status.APPROVED, request.end_date)
    assert request.is_holding


def test_a_type_is_found_again_by_its_employer_and_code() -> None:
    first = LeaveTypeFactory(code="cp")
    assert LeaveTypeFactory(employer=first.employer, code="cp") == first

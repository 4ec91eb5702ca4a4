"""Fetching one row in scope: an identifier the database cannot hold is a 404, not a 500."""

from __future__ import annotations

import pytest
from django.http import Http404

from effectif.core.scoping import get_in_scope
from effectif.organisation.models import Department, Employer
from effectif.organisation.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("pk", [2**63, 2**70, -(2**70), "9" * 30, "abc", None])
def test_an_identifier_out_of_range_or_malformed_is_not_found(pk):
    DepartmentFactory()
    with pytest.raises(Http404):
        get_in_scope(Employer.objects.all(), pk)
    with pytest.raises(Http404):
        get_in_scope(Department.objects.filter(employer__in=Employer.objects.all()), pk)


def test_a_row_in_scope_is_found():
    department = DepartmentFactory()
    assert get_in_scope(Department.objects.all(), department.pk) == department
    assert get_in_scope(Department.objects.all(), str(department.pk)) == department

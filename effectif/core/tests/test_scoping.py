"""Fetching one row in scope: an identifier the database cannot hold is a 404, not a 500."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404

from effectif.core.roles import Role
from effectif.core.scoping import get_in_scope

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("pk", [2**63, 2**70, -(2**70), "9" * 30, "abc", None])
def test_an_identifier_out_of_range_or_malformed_is_not_found(make_user, pk):
    make_user(Role.EMPLOYEE)
    users = get_user_model().objects.all()
    with pytest.raises(Http404):
        get_in_scope(users, pk)
    with pytest.raises(Http404):
        get_in_scope(users.filter(pk__in=users.values("pk")), pk)


def test_a_row_in_scope_is_found(make_user):
    user = make_user(Role.EMPLOYEE)
    users = get_user_model().objects.all()
    assert get_in_scope(users, user.pk) == user
    assert get_in_scope(users, str(user.pk)) == user

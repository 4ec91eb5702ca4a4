"""A manager's departments are worked out once per request, and worked out again when the
request itself changes who runs a department or who is granted an employer."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.core.request_cache import request_scope
from effectif.organisation.selectors import managed_department_ids


def test_a_managers_departments_are_read_once_per_request(world, manager_user):
    with request_scope():
        first = managed_department_ids(manager_user)
        with CaptureQueriesContext(connection) as queries:
            again = managed_department_ids(manager_user)
    assert first == again == {world.team.pk}
    assert len(queries) == 0


def test_a_department_given_to_the_manager_during_the_request_is_in_their_scope(
    world, manager_user
):
    with request_scope():
        assert managed_department_ids(manager_user) == {world.team.pk}
        world.elsewhere.manager = manager_user
        world.elsewhere.save()
        assert managed_department_ids(manager_user) == {world.team.pk, world.elsewhere.pk}


def test_a_department_taken_from_the_manager_during_the_request_leaves_their_scope(
    world, manager_user, hr_manager
):
    with request_scope():
        assert managed_department_ids(manager_user) == {world.team.pk}
        world.team.manager = hr_manager
        world.team.save()
        assert managed_department_ids(manager_user) == frozenset()

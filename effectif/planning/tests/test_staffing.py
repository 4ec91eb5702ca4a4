"""Minimum staffing: set by day of the week through its service (audited, empty days removed),
and the rights of the grid agreeing with the timekeeping rule of who plans whom."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from effectif.core.models import AuditEntry
from effectif.planning.models import StaffingMinimum
from effectif.planning.permissions import EditRights
from effectif.planning.services import staffing_minimums_save
from effectif.timekeeping.permissions import can_edit_planning

pytestmark = pytest.mark.django_db


def minimums(department) -> dict[int, int]:
    return dict(
        StaffingMinimum.objects.filter(department=department).values_list("weekday", "minimum")
    )


def test_minimums_are_set_changed_and_removed_with_one_audit_entry_each(world, hr_manager):
    staffing_minimums_save(department=world.team, minimums={0: 3, 1: 2}, by=hr_manager)
    staffing_minimums_save(department=world.team, minimums={0: 4, 1: None, 2: 0}, by=hr_manager)
    assert minimums(world.team) == {0: 4}
    entries = list(AuditEntry.objects.filter(target_type="organisation.Department").order_by("id"))
    assert [e.changes for e in entries] == [
        {"Lundi": ["", "3"], "Mardi": ["", "2"]},
        {"Lundi": ["3", "4"], "Mardi": ["2", ""]},
    ]
    assert entries[0].employer_id == world.employer.pk
    assert entries[0].detail == "Effectif minimum par jour"


def test_nothing_changed_writes_no_audit_entry(world, hr_manager) -> None:
    staffing_minimums_save(department=world.team, minimums={}, by=hr_manager)
    assert not AuditEntry.objects.filter(target_type="organisation.Department").exists()


def test_one_minimum_per_team_and_day(world) -> None:
    StaffingMinimum.objects.create(department=world.team, weekday=0, minimum=2)
    with pytest.raises(IntegrityError):
        StaffingMinimum.objects.create(department=world.team, weekday=0, minimum=3)


def test_the_grid_rights_agree_with_the_timekeeping_rule(
    world, hr_manager, hr_assistant, manager_user, employee_user, outsider
) -> None:
    people = [world.member, world.manager_file, world.colleague, world.stranger]
    for user in (hr_manager, hr_assistant, manager_user, employee_user, outsider):
        rights = EditRights(user)
        for person in people:
            in_scope_rule = can_edit_planning(user, person)
            # The grid only ever holds people in the user's scope; there both rules agree.
            if person.employer_id == world.employer.pk:
                assert rights.can_edit(person) == in_scope_rule, (user, person)

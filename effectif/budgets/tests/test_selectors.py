"""Scope of the budgets, and the follow-up figures read from trips and expense reports."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from effectif.budgets.selectors import (
    budgets_for,
    committed_amounts,
    editable_budgets_for,
    followup,
    followup_employers,
    spent_amounts,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("admin_user", {"team", "sub_team", "elsewhere", "team_2025", "other"}),
        ("hr_manager", {"team", "sub_team", "elsewhere", "team_2025"}),
        ("hr_assistant", {"team", "sub_team", "elsewhere", "team_2025"}),
        ("manager_user", {"team", "sub_team", "team_2025"}),  # the team and below it
        ("employee_user", set()),
        ("outsider", set()),
    ],
)
def test_who_reads_which_budgets(request, travel, fixture, expected):
    user = request.getfixturevalue(fixture)
    assert set(budgets_for(user)) == {travel.budgets[name] for name in expected}


def test_a_manager_reads_but_does_not_edit(travel, manager_user, hr_manager):
    assert not editable_budgets_for(manager_user).exists()
    assert editable_budgets_for(hr_manager).count() == 4


def test_committed_and_spent_per_department_and_month(world, travel):
    committed = committed_amounts(world.employer, 2026)
    assert committed == {
        world.team.pk: {3: D("800.00"), 6: D("400.00")},  # the reimbursed trip left March
        travel.sub_team.pk: {5: D("300.00")},
    }
    assert spent_amounts(world.employer, 2026) == {
        world.team.pk: {4: D("650.00")},
        world.elsewhere.pk: {7: D("120.50")},
    }
    # Reimbursed at 23:30 on 31 December 2025 in Paris: December 2025.
    assert spent_amounts(world.employer, 2025) == {world.elsewhere.pk: {12: D("55.00")}}


def test_the_follow_up_of_the_employer(world, travel, hr_manager, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        data = followup(hr_manager, employer=world.employer, year=2026)
    total = data.total
    assert (total.budget, total.committed, total.spent) == (
        D("19200.00"),
        D("1500.00"),
        D("770.50"),
    )
    assert total.variance == D("19200") - D("1500") - D("770.50")
    march = total.months[2]
    assert (march.budget, march.committed, march.variance) == (
        D("1600.00"),
        D("800.00"),
        D("800.00"),
    )
    assert march.variance_cumulative == D("4800.00") - D("800.00")
    rows = {(r.department.name if r.department else None): r for r in data.rows}
    assert list(rows) == ["Ailleurs", "Équipe", "Sous-équipe"]  # tree order, by name
    team = rows["Équipe"]
    # The team's figures include its sub-team's; its own budget stays its own.
    assert (team.figures.budget, team.figures.committed, team.figures.spent) == (
        D("13200.00"),
        D("1500.00"),
        D("650.00"),
    )
    assert team.own_budget == travel.budgets["team"]
    assert (rows["Sous-équipe"].depth, rows["Sous-équipe"].figures.committed) == (1, D("300.00"))
    assert rows["Ailleurs"].figures.spent == D("120.50")


def test_filtered_on_a_department_and_seen_by_its_manager(world, travel, manager_user):
    data = followup(manager_user, employer=world.employer, year=2026)
    assert [r.department for r in data.rows] == [world.team, travel.sub_team]
    assert (data.total.budget, data.total.spent) == (D("13200.00"), D("650.00"))
    only_sub = followup(
        manager_user, employer=world.employer, year=2026, department=travel.sub_team
    )
    assert (only_sub.total.budget, only_sub.total.committed) == (D("1200.00"), D("300.00"))
    assert [r.department for r in only_sub.rows] == [travel.sub_team]


def test_what_is_charged_to_no_department_is_hr_only(world, travel, hr_manager):
    from effectif.budgets.tests.conftest import make_trip
    from effectif.employees.tests.factories import EmployeeFactory

    nowhere = EmployeeFactory(employer=world.employer, department=None)
    make_trip(nowhere, start=world.contract.start_date.replace(year=2026, month=9), cost="90")
    data = followup(hr_manager, employer=world.employer, year=2026)
    assert data.rows[-1].department is None
    assert data.rows[-1].figures.committed == D("90.00")
    assert data.total.committed == D("1590.00")


def test_follow_up_employers(world, travel, hr_manager, manager_user, employee_user, outsider):
    assert list(followup_employers(hr_manager)) == [world.employer]
    assert list(followup_employers(manager_user)) == [world.employer]
    assert not followup_employers(employee_user).exists()
    assert not followup_employers(outsider).exists()
    # An ungranted HR sees no department of the employer.
    assert followup(outsider, employer=world.employer, year=2026).rows == []

"""Every page for every role: HR sees its employers' teams and establishments, a manager their
team only, an employee their own row; others get 403 or 404. The page's SQL queries do not
grow with the number of people."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import Status
from effectif.planning.models import StaffingMinimum

pytestmark = pytest.mark.django_db

GRID = reverse("planning:grid")
MINE = reverse("planning:mine")


def team(world) -> str:
    return f"service-{world.team.pk}"


def status_for(request, client_for, role, url, method="get", data=None):
    return getattr(client_for(request.getfixturevalue(role)), method)(url, data or {}).status_code


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("manager_user", 200),
        ("employee_user", 403),
        ("outsider", 404),
    ],
)
def test_team_planning(request, client_for, world, role, expected) -> None:
    assert status_for(request, client_for, role, f"{GRID}?pour={team(world)}") == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("manager_user", 404),  # a manager sees teams, not establishments
        ("employee_user", 403),
        ("outsider", 404),
    ],
)
def test_establishment_planning(request, client_for, world, role, expected) -> None:
    url = f"{GRID}?pour=etablissement-{world.establishment.pk}"
    assert status_for(request, client_for, role, url) == expected


def test_nobody_sees_a_team_out_of_scope(client_for, world, hr_manager, manager_user) -> None:
    assert (
        client_for(manager_user).get(f"{GRID}?pour=service-{world.elsewhere.pk}").status_code == 404
    )
    other = f"{GRID}?pour=service-{world.other_department.pk}"
    assert client_for(hr_manager).get(other).status_code == 404
    assert client_for(hr_manager).get(f"{GRID}?pour=nimporte-quoi").status_code == 404


def test_the_manager_sees_their_team_by_default(client_for, world, manager_user) -> None:
    page = client_for(manager_user).get(GRID).content.decode()
    assert world.member.display_name in page
    assert world.colleague.display_name not in page
    assert world.stranger.display_name not in page


def test_hr_sees_the_establishment_by_default_with_everyone(client_for, world, hr_manager) -> None:
    page = client_for(hr_manager).get(GRID).content.decode()
    for person in (world.member, world.colleague, world.manager_file):
        assert person.display_name in page
    assert world.stranger.display_name not in page
    assert 'aria-current="date"' in page  # today, Monday 2 March
    assert "mars 2026" in page


def test_an_hr_user_without_employers_sees_nobody(client_for, world, outsider) -> None:
    response = client_for(outsider).get(GRID)
    assert response.status_code == 200
    assert world.member.display_name not in response.content.decode()


def test_the_mount_point_leads_to_the_grid(client_for, world, hr_manager) -> None:
    response = client_for(hr_manager).get("/planning/?periode=semaine")
    assert response.status_code == 302
    assert response["Location"] == f"{GRID}?periode=semaine"


def test_navigation_between_periods(client_for, world, hr_manager) -> None:
    page = client_for(hr_manager).get(f"{GRID}?pour={team(world)}&periode=semaine&date=2026-03-04")
    text = page.content.decode()
    assert "semaine du 2 au 8 mars 2026" in text
    assert "date=2026-02-23" in text  # previous week
    assert "date=2026-03-09" in text  # next week
    month = client_for(hr_manager).get(f"{GRID}?pour={team(world)}&date=2026-03-04").content
    assert b"date=2026-02-01" in month
    assert b"date=2026-04-01" in month


def test_the_grid_page_shows_leave_and_a_missed_minimum(client_for, world, hr_manager, away):
    away(world.member, "cp", dt.date(2026, 3, 3), status=Status.SUBMITTED)
    StaffingMinimum.objects.create(department=world.team, weekday=2, minimum=1)
    away(world.member, "maladie", dt.date(2026, 3, 4))
    page = client_for(hr_manager).get(f"{GRID}?pour={team(world)}").content.decode()
    assert "CP?" in page
    assert "Congés payés toute la journée (en attente)" in page
    assert "MAL" in page
    assert "0 présents pour 1 requis : effectif insuffisant" in page
    assert f'id="s-{world.team.pk}-20260304"' in page
    assert "pl-hmissing" in page


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 302),  # no file of their own: sent to the teams' planning
        ("manager_user", 200),
        ("employee_user", 200),
        ("outsider", 302),
    ],
)
def test_my_planning(request, client_for, world, role, expected) -> None:
    assert status_for(request, client_for, role, MINE) == expected


def test_my_planning_is_only_mine_and_read_only(client_for, world, employee_user) -> None:
    page = client_for(employee_user).get(MINE).content.decode()
    assert world.member.display_name in page
    assert world.colleague.display_name not in page
    assert "pl-edit" not in page
    assert "abonner à mon planning" in page


def test_an_account_without_a_file_has_no_own_planning(client_for, make_user) -> None:
    assert client_for(make_user()).get(MINE).status_code == 404


def day_url(employee, day="2026-03-03") -> str:
    return reverse("planning:day", args=[employee.pk, day])


@pytest.mark.parametrize(
    ("role", "who", "expected"),
    [
        ("hr_manager", "member", 200),
        ("hr_assistant", "colleague", 200),
        ("manager_user", "member", 200),
        ("manager_user", "colleague", 404),  # not their team
        ("manager_user", "manager_file", 403),  # never one's own planning
        ("employee_user", "member", 403),
        ("employee_user", "colleague", 404),
        ("outsider", "member", 404),
        ("hr_manager", "stranger", 404),
    ],
)
def test_day_editor(request, client_for, world, role, who, expected) -> None:
    url = day_url(getattr(world, who))
    assert status_for(request, client_for, role, url) == expected
    assert status_for(request, client_for, role, url, "post", {"stretches": "repos"}) in {
        expected,
        302,
    }


def test_a_refused_post_writes_nothing(client_for, world, employee_user, outsider) -> None:
    for user in (employee_user, outsider):
        client_for(user).post(day_url(world.member), {"stretches": "repos"})
    assert not AuditEntry.objects.filter(target_type="timekeeping.ShiftOverride").exists()


def test_a_malformed_day_is_not_found(client_for, world, hr_manager) -> None:
    assert client_for(hr_manager).get(day_url(world.member, "2026-13-45")).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("manager_user", 200),
        ("employee_user", 403),
        ("outsider", 200),
    ],
)
def test_staffing_list(request, client_for, world, role, expected) -> None:
    response = client_for(request.getfixturevalue(role)).get(reverse("planning:staffing"))
    assert response.status_code == expected
    if role == "outsider":
        page = response.content.decode()
        assert reverse("planning:staffing_edit", args=[world.team.pk]) not in page


@pytest.mark.parametrize(
    ("role", "department", "expected"),
    [
        ("hr_manager", "team", 200),
        ("hr_assistant", "elsewhere", 200),
        ("manager_user", "team", 200),
        ("manager_user", "elsewhere", 404),
        ("hr_manager", "other_department", 404),
        ("employee_user", "team", 403),
        ("outsider", "team", 404),
    ],
)
def test_staffing_edit(request, client_for, world, role, department, expected) -> None:
    url = reverse("planning:staffing_edit", args=[getattr(world, department).pk])
    assert status_for(request, client_for, role, url) == expected


def test_a_manager_sets_their_team_minimum(client_for, world, manager_user) -> None:
    url = reverse("planning:staffing_edit", args=[world.team.pk])
    data = {f"day_{d}": "" for d in range(7)} | {"day_0": "2", "day_5": "1"}
    response = client_for(manager_user).post(url, data)
    assert response.status_code == 302
    assert dict(
        StaffingMinimum.objects.filter(department=world.team).values_list("weekday", "minimum")
    ) == {0: 2, 5: 1}
    entry = AuditEntry.objects.get(target_type="organisation.Department")
    assert entry.changes == {"Lundi": ["", "2"], "Samedi": ["", "1"]}
    listing = client_for(manager_user).get(reverse("planning:staffing")).content.decode()
    assert reverse("planning:staffing_edit", args=[world.team.pk]) in listing
    assert reverse("planning:staffing_edit", args=[world.elsewhere.pk]) not in listing


def test_a_negative_minimum_is_refused(client_for, world, hr_manager) -> None:
    url = reverse("planning:staffing_edit", args=[world.team.pk])
    response = client_for(hr_manager).post(url, {"day_0": "-1"})
    assert response.status_code == 200
    assert "supérieure ou égale à 0" in response.content.decode()
    assert not StaffingMinimum.objects.exists()


def test_queries_do_not_grow_with_the_people(client_for, world, hr_manager, away) -> None:
    """The month's page of an establishment: the same queries for 5 people as for 50."""

    def queries(people: int) -> int:
        current = len(list(world.establishment.contract_terms.values("pk")))
        for n in range(people - current):
            person = EmployeeFactory(
                employer=world.employer, department=world.team if n % 2 else world.elsewhere
            )
            hire(person, establishment=world.establishment)
            if n % 3 == 0:
                away(person, "cp", dt.date(2026, 3, 10 + n % 5))
        client = client_for(hr_manager)
        url = f"{GRID}?pour=etablissement-{world.establishment.pk}"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count('class="pl-person"') >= people
        return len(captured)

    StaffingMinimum.objects.create(department=world.team, weekday=0, minimum=3)
    assert queries(5) == queries(50)


def test_a_manager_lands_on_the_team_they_head(client_for, world, manager_user) -> None:
    from effectif.organisation.tests.factories import DepartmentFactory

    DepartmentFactory(employer=world.employer, name="Aaa sous-équipe", parent=world.team)
    page = client_for(manager_user).get(GRID).content.decode()
    assert f'<option value="service-{world.team.pk}" selected>' in page
    assert "Équipe Équipe (avec ses sous-services)" in page

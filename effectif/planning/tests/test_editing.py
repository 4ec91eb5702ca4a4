"""Changing a day in place: the stretches as people type them, saved through `shift_set`; a
change that breaks a limit is refused with each breach (rule and article) until a reason is
given, and the reason is kept in the audit trail with the breaches."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.planning.forms import parse_stretches
from effectif.planning.models import StaffingMinimum
from effectif.timekeeping.models import ShiftOverride

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "pl-editor-body"}
LATE = "14:00-18:00, 18:30-23:00"  # Monday until 23:00, Tuesday from 09:00: 10 h of rest


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("08:00–12:00, 13:00–16:30", [("08:00", "12:00"), ("13:00", "16:30")]),
        ("8h-12h et 13h30-17h", [("08:00", "12:00"), ("13:30", "17:00")]),
        ("8h à 12h ; 14:00 - 18:00", [("08:00", "12:00"), ("14:00", "18:00")]),
        ("08:00-12:00 13:00-17:00", [("08:00", "12:00"), ("13:00", "17:00")]),
        ("21:00–05:00", [("21:00", "05:00")]),
        ("9-12", [("09:00", "12:00")]),
        ("Repos", []),
        ("  repos ", []),
    ],
)
def test_stretches_as_people_type_them(typed, expected) -> None:
    assert parse_stretches(typed) == [(t(a), t(b)) for a, b in expected]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("le matin", "invalid"),
        ("08:00-12:00, et puis", "invalid"),
        ("25:00-26:00", "invalid_time"),
        (", ".join(["08:00-09:00"] * 7), "too_many"),
    ],
)
def test_unreadable_stretches_are_refused_in_french(typed, code) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_stretches(typed)
    assert refused.value.code == code


def url(employee, day=MONDAY) -> str:
    return reverse("planning:day", args=[employee.pk, day.isoformat()])


def test_the_editor_shows_the_day_and_its_usual_hours(client_for, world, manager_user) -> None:
    response = client_for(manager_user).get(url(world.member) + "?pour=x&periode=mois", **HTMX)
    page = response.content.decode()
    assert world.member.display_name in page
    assert "Lundi 2 mars 2026" in page
    assert 'value="09:00–12:00, 13:00–17:00"' in page
    assert "<html" not in page  # the fragment only, for the dialog


def test_a_lawful_change_is_saved_and_the_cell_updated(client_for, world, manager_user) -> None:
    StaffingMinimum.objects.create(department=world.team, weekday=0, minimum=1)
    response = client_for(manager_user).post(
        url(world.member),
        {"stretches": "08:00-12:00, 13:00-16:00", "pour": f"service-{world.team.pk}"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Trigger-After-Swap"] == "planning-saved"
    page = response.content.decode()
    assert f'id="c-{world.member.pk}-20260302"' in page
    assert 'hx-swap-oob="true"' in page
    assert "08:00" in page
    assert "16:00" in page
    assert f'id="s-{world.team.pk}-20260302"' in page  # the team's staffing that day
    override = ShiftOverride.objects.get(employee=world.member, day=MONDAY)
    assert override.intervals == [["08:00", "12:00"], ["13:00", "16:00"]]
    entry = AuditEntry.objects.get(target_type="timekeeping.ShiftOverride")
    assert entry.actor == manager_user
    assert entry.detail == ""


def test_without_javascript_the_editor_is_a_page(client_for, world, hr_manager) -> None:
    client = client_for(hr_manager)
    assert "<html" in client.get(url(world.member)).content.decode()
    response = client.post(url(world.member), {"stretches": "repos", "periode": "semaine"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("planning:grid"))
    assert ShiftOverride.objects.get(employee=world.member, day=MONDAY).intervals == []


def test_a_change_breaking_a_limit_lists_each_breach(client_for, world, manager_user) -> None:
    response = client_for(manager_user).post(url(world.member), {"stretches": LATE}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Cette modification enfreint la réglementation du temps de travail" in page
    assert "Repos quotidien" in page
    assert "C. trav. art. L3131-1" in page
    assert "Repos de 10\u00a0h seulement" in page
    assert "Motif de la dérogation" in page
    assert "Enregistrer malgré tout" in page
    assert not ShiftOverride.objects.exists()


def test_saving_anyway_needs_a_reason(client_for, world, manager_user) -> None:
    response = client_for(manager_user).post(
        url(world.member), {"stretches": LATE, "override": "1", "override_reason": " "}, **HTMX
    )
    assert "Indiquez le motif de la dérogation" in response.content.decode()
    assert not ShiftOverride.objects.exists()


def test_an_override_is_saved_with_its_reason_in_the_audit(client_for, world, manager_user):
    response = client_for(manager_user).post(
        url(world.member),
        {"stretches": LATE, "override": "1", "override_reason": "Inventaire annuel"},
        **HTMX,
    )
    assert response["HX-Trigger-After-Swap"] == "planning-saved"
    override = ShiftOverride.objects.get(employee=world.member, day=MONDAY)
    assert override.override_reason == "Inventaire annuel"
    entry = AuditEntry.objects.get(target_type="timekeeping.ShiftOverride")
    assert entry.action == AuditAction.UPDATE
    assert entry.actor == manager_user
    assert entry.employee_id == world.member.pk
    assert entry.detail.startswith("Dérogation : Inventaire annuel — Repos quotidien")
    assert entry.changes["intervals"] == ["horaire habituel", "14:00–18:00, 18:30–23:00"]


def test_back_to_the_usual_hours(client_for, world, hr_manager) -> None:
    client = client_for(hr_manager)
    client.post(url(world.member), {"stretches": "10:00-12:00"}, **HTMX)
    editor = client.get(url(world.member), **HTMX).content.decode()
    assert "Revenir à l&#x27;horaire habituel" in editor or "Revenir à l'horaire habituel" in editor
    response = client.post(url(world.member), {"reset": "1"}, **HTMX)
    assert response["HX-Trigger-After-Swap"] == "planning-saved"
    assert not ShiftOverride.objects.exists()
    assert AuditEntry.objects.filter(
        target_type="timekeeping.ShiftOverride", action=AuditAction.DELETE
    ).exists()


def test_a_day_outside_the_contract_cannot_be_planned(client_for, world, hr_manager) -> None:
    newcomer = EmployeeFactory(employer=world.employer, department=world.team)
    hire(newcomer, start=dt.date(2026, 3, 9), establishment=world.establishment)
    client = client_for(hr_manager)
    assert "pas sous contrat ce jour-là" in client.get(url(newcomer), **HTMX).content.decode()
    response = client.post(url(newcomer), {"stretches": "09:00-12:00"}, **HTMX)
    assert "sous contrat le 02/03/2026" in response.content.decode()
    assert not ShiftOverride.objects.exists()


def test_overlapping_stretches_are_refused(client_for, world, hr_manager) -> None:
    response = client_for(hr_manager).post(
        url(world.member), {"stretches": "08:00-12:00, 11:00-14:00"}, **HTMX
    )
    assert "sans se chevaucher" in response.content.decode()
    assert not ShiftOverride.objects.exists()

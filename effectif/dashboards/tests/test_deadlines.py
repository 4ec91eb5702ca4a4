"""The HR to-do (échéancier): deadlines from the apps, scoped, on the page, by e-mail and API."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core import mail
from django.urls import reverse

from effectif.contracts.tests.factories import hire
from effectif.core.deadlines import deadlines
from effectif.core.navigation import menu_for
from effectif.core.roles import Role
from effectif.dashboards.digest import send_deadline_digests
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 10)


@pytest.fixture
def dated(world, time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC), tick=False)
    newcomer = EmployeeFactory(employer=world.employer, department=world.team, last_name="Essai")
    trial = hire(newcomer, start=dt.date(2026, 3, 2), establishment=world.establishment)
    trial.trial_end_date = dt.date(2026, 7, 1)  # a cadre's 4 months
    trial.save()
    temp = EmployeeFactory(employer=world.employer, department=world.elsewhere, last_name="Terme")
    hire(
        temp,
        start=dt.date(2026, 1, 5),
        end=dt.date(2026, 6, 30),
        kind="cdd",
        establishment=world.establishment,
    )
    permit = world.colleague
    permit.work_permit_type = "salarie"
    permit.work_permit_number = "7512345678"
    permit.work_permit_expiry = dt.date(2026, 7, 15)
    permit.save()
    abroad = EmployeeFactory(employer=world.other_employer, last_name="Ailleurs")
    hire(abroad, start=dt.date(2026, 6, 20), establishment=world.other_establishment)
    return world


def test_deadlines_of_each_kind_with_their_rule(dated, hr_manager):
    items = deadlines.collect(
        hr_manager, TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=60)
    )
    by_kind = {d.kind: d for d in items}
    trial = by_kind["trial"]
    # Trial 02/03 → 01/07: from 02/06 the notice is a month, so the last day is 01/06 — overdue.
    assert trial.due_date == dt.date(2026, 6, 1)
    assert trial.overdue(TODAY)
    assert "L1221-25" in trial.rule
    assert by_kind["fixed_term"].due_date == dt.date(2026, 6, 30)
    assert "L1243-8" in by_kind["fixed_term"].rule
    assert by_kind["work_permit"].due_date == dt.date(2026, 7, 15)
    assert all("Ailleurs" not in d.title for d in items)  # not a granted employer


def test_a_manager_sees_the_team_only(dated, manager_user):
    titles = " ".join(
        d.title
        for d in deadlines.collect(
            manager_user, TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=60)
        )
    )
    assert "ESSAI" in titles
    assert "TERME" not in titles


def test_deadlines_page_and_export(dated, client_for, hr_manager, employee_user):
    page = html.unescape(client_for(hr_manager).get("/echeancier/").content.decode())
    assert "Période d'essai de ESSAI" in page
    assert "en retard" in page
    csv = b"".join(
        client_for(hr_manager).get("/echeancier/", {"export": "csv"}).streaming_content
    ).decode()
    assert "L1221-25" in csv
    assert client_for(employee_user).get("/echeancier/").status_code == 403


def test_home_shows_the_next_deadlines(dated, client_for, hr_assistant):
    page = client_for(hr_assistant).get("/").content.decode()
    assert "Échéances des 30 prochains jours" in page
    assert "Fin du contrat de TERME" in page


def test_weekly_digest(dated, hr_manager, hr_assistant, employee_user):
    sent = send_deadline_digests(today=TODAY, base_url="https://rh.example")
    recipients = {m.to[0] for m in mail.outbox}
    assert hr_manager.email in recipients
    assert employee_user.email not in recipients
    assert sent == len(mail.outbox)
    body = next(m.body for m in mail.outbox if m.to == [hr_manager.email])
    assert "EN RETARD" in body
    assert "https://rh.example/contrats/" in body


def test_api_deadlines(dated, client_for, hr_manager, employee_user):
    response = client_for(hr_manager).get("/api/v1/deadlines", {"kind": "trial"})
    assert response.status_code == 200
    body = response.json()
    assert [d["kind"] for d in body] == ["trial"]
    assert body[0]["overdue"] is True
    assert client_for(employee_user).get("/api/v1/deadlines").status_code == 403


def test_a_long_to_do_is_shown_a_hundred_lines_at_a_time_and_exported_whole(
    dated, client_for, hr_manager, monkeypatch
):
    """A large employer's to-do holds hundreds of lines: the page shows 100, soonest first,
    with the pages to the others; the count and the export cover them all."""
    from effectif.core.deadlines import Deadline, _Kind

    def many(user, start, end):
        for n in range(130):
            yield Deadline(
                due_date=TODAY + dt.timedelta(days=n % 40),
                kind="essai-long",
                title=f"Échéance n° {n:03d}",
                rule="Règle",
                url="/",
            )

    monkeypatch.setitem(deadlines.kinds, "essai-long", _Kind("essai-long", "Essai", many))
    client = client_for(hr_manager)

    first = client.get("/echeancier/", {"type": "essai-long"}).content.decode()
    second = client.get("/echeancier/", {"type": "essai-long", "page": 2}).content.decode()
    export = client.get("/echeancier/", {"type": "essai-long", "export": "csv"})

    assert first.count("Échéance n° ") == 100
    assert second.count("Échéance n° ") == 30
    assert "130 échéances" in first
    assert "1–100 sur 130" in first
    assert "Échéance n° 000" in first  # due today, the soonest
    assert b"".join(export.streaming_content).decode().count("Échéance n° ") == 130


def test_the_menu_offers_the_to_do_and_the_budgets_to_hr_and_managers_only(make_user):
    readers = {Role.ADMIN, Role.HR_MANAGER, Role.HR_ASSISTANT, Role.MANAGER}
    for role in Role.values:
        paths = {
            item["url"] for section in menu_for(make_user(role), "/") for item in section.items
        }
        assert (reverse("dashboards:deadlines") in paths) == (role in readers), role
        assert (reverse("budgets:list") in paths) == (role in readers), role

"""Budget pages per role: HR write, a manager reads their departments' budgets, others get
403 or 404; the follow-up's figures and its .xlsx export."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.budgets.models import Budget

pytestmark = pytest.mark.django_db

LIST = reverse("budgets:list")
FOLLOWUP = reverse("budgets:followup")
CREATE = reverse("budgets:create")


@pytest.mark.parametrize(
    ("fixture", "status"),
    [
        ("admin_user", 200),
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("manager_user", 200),
        ("employee_user", 403),
        ("outsider", 200),  # an HR role with no grant: the page, with nothing in it
    ],
)
def test_list_and_follow_up_per_role(request, client_for, travel, fixture, status):
    client = client_for(request.getfixturevalue(fixture))
    listed = client.get(LIST)
    assert listed.status_code == status
    assert client.get(FOLLOWUP).status_code == status
    if status == 200 and fixture == "outsider":
        assert "Aucun budget." in listed.content.decode()


def test_anonymous_is_sent_to_log_in(client, travel):
    assert client.get(LIST).status_code == 302
    assert client.get(FOLLOWUP).status_code == 302


def test_out_of_scope_is_404(client_for, world, travel, outsider, manager_user):
    team_budget = travel.budgets["team"]
    outsider_client = client_for(outsider)
    assert outsider_client.get(f"{FOLLOWUP}?employeur={world.employer.pk}").status_code == 404
    assert outsider_client.get(reverse("budgets:edit", args=[team_budget.pk])).status_code == 404
    assert outsider_client.post(reverse("budgets:delete", args=[team_budget.pk])).status_code == 404
    # A manager filtering on a department they do not manage.
    manager = client_for(manager_user)
    url = f"{FOLLOWUP}?employeur={world.employer.pk}&service={world.elsewhere.pk}"
    assert manager.get(url).status_code == 404
    assert manager.get(f"{FOLLOWUP}?employeur={world.other_employer.pk}").status_code == 404
    assert Budget.objects.filter(pk=team_budget.pk).exists()


def test_a_manager_reads_only(client_for, world, travel, manager_user):
    client = client_for(manager_user)
    page = client.get(LIST).content.decode()
    assert "Équipe" in page
    assert "Sous-équipe" in page
    assert "Ailleurs" not in page
    assert reverse("budgets:edit", args=[travel.budgets["team"].pk]) not in page
    response = client.get(f"{FOLLOWUP}?employeur={world.employer.pk}&annee=2026")
    assert response.context["data"].total.budget == D("13200.00")  # the team and its sub-team
    followup = response.content.decode()
    assert "Définir un budget" not in followup
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("budgets:edit", args=[travel.budgets["team"].pk])).status_code == 403
    assert (
        client.post(reverse("budgets:delete", args=[travel.budgets["team"].pk])).status_code == 403
    )


def test_hr_creates_edits_and_deletes(client_for, world, hr_assistant):
    client = client_for(hr_assistant)
    assert client.get(CREATE).status_code == 200
    response = client.post(
        CREATE, {"department": world.team.pk, "year": 2026, "amount": "12 000,50", "comment": ""}
    )
    budget = Budget.objects.get()
    assert budget.amount == D("12000.50")
    assert response.status_code == 302
    assert response["Location"].startswith(FOLLOWUP)
    edit = reverse("budgets:edit", args=[budget.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, {"year": 2026, "amount": "9000", "comment": "Révisé"})
    budget.refresh_from_db()
    assert (budget.amount, budget.comment, budget.department) == (D("9000"), "Révisé", world.team)
    assert client.get(reverse("budgets:delete", args=[budget.pk])).status_code == 405
    assert client.post(reverse("budgets:delete", args=[budget.pk])).status_code == 302
    assert not Budget.objects.exists()


def test_bad_input_gets_a_french_error_and_writes_nothing(client_for, world, hr_manager):
    client = client_for(hr_manager)
    Budget.objects.create(department=world.team, year=2026, amount=D("100"))
    duplicate = client.post(CREATE, {"department": world.team.pk, "year": 2026, "amount": "5"})
    assert duplicate.status_code == 200
    assert "Ce service a déjà un budget de cette nature pour 2026." in duplicate.content.decode()
    negative = client.post(CREATE, {"department": world.team.pk, "year": 2027, "amount": "-5"})
    assert "Le montant du budget ne peut pas être négatif." in negative.content.decode()
    other = client.post(
        CREATE, {"department": world.other_department.pk, "year": 2027, "amount": "5"}
    )
    assert other.status_code == 200  # not among the choices
    assert Budget.objects.count() == 1


def test_follow_up_page_shows_the_chart_and_figures(client_for, world, travel, hr_manager):
    response = client_for(hr_manager).get(f"{FOLLOWUP}?employeur={world.employer.pk}&annee=2026")
    page = response.content.decode()
    assert 'id="budget-monthly"' in page
    assert 'id="budget-cumulative"' in page
    assert "vendor/chart.js/chart.umd.min.js" in page
    assert "budgets/followup.js" in page
    assert 'id="budget-chart-data"' in page
    chart = response.context["chart"]
    assert chart["committed"][2] == D("800.00")
    assert chart["spent"][3] == D("650.00")
    assert [r.department.name for r in response.context["data"].rows] == [
        "Ailleurs",
        "Équipe",
        "Sous-équipe",
    ]


def test_export_has_the_same_figures(client_for, world, travel, hr_manager):
    url = f"{FOLLOWUP}?employeur={world.employer.pk}&annee=2026&service={world.team.pk}&export=xlsx"
    response = client_for(hr_manager).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Service", "Mois", "Budget", "Engagé", "Dépensé", "Écart")
    march = next(r for r in rows if r[0] == "Équipe" and r[1] == "Mars")
    assert march[2:6] == (1100, 800, 0, 300)  # 13 200 / 12, the team with its sub-team
    year = next(r for r in rows if r[0] == "Équipe" and r[1] == "Année")
    assert year[2:6] == (13200, 1500, 650, 11050)
    total = next(r for r in rows if r[0] == "Total" and r[1] == "Année")
    assert total[2:6] == year[2:6]
    assert any(r[0].strip() == "Sous-équipe" for r in rows[1:])
    assert len(rows) == 1 + 13 * 3  # total, the team, the sub-team

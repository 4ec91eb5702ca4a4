"""Contracts through the API: the terms as of a date, amendments, changes of the contract."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.contracts.models import ContractTerms
from effectif.contracts.services import contract_amend
from effectif.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def amended(world, hr_manager):
    """The employee's contract, raised on 1 January 2025."""
    contract = world.employee_contract
    previous = contract.versions.get()
    terms = ContractTerms(
        effective_date=date(2025, 1, 1),
        reason="Augmentation",
        establishment=previous.establishment,
        job_title=previous.job_title,
        category=previous.category,
        working_time=previous.working_time,
        monthly_gross_amount=Decimal("2500.00"),
    )
    contract_amend(contract=contract, terms=terms, by=hr_manager)
    return contract


def test_the_terms_as_they_stood_on_any_date(amended, api_for):
    client = api_for("hr_assistant")
    path = f"/api/v1/contracts/{amended.pk}/terms"
    assert client.get(f"{path}?on=2024-06-30").json()["monthly_gross_amount"] == "2200.00"
    assert client.get(f"{path}?on=2025-01-01").json()["monthly_gross_amount"] == "2500.00"
    before = client.get(f"{path}?on=2023-12-31")
    assert before.status_code == 404
    assert before.json() == {"detail": "Le contrat n'avait pas commencé à cette date."}


def test_the_detail_has_every_version_and_the_terms_on_the_date(amended, api_for):
    data = api_for("hr_assistant").get(f"/api/v1/contracts/{amended.pk}?on=2024-03-01").json()
    assert [v["reason"] for v in data["versions"]] == ["Augmentation", "Embauche"]
    assert data["on"] == "2024-03-01"
    assert data["terms"]["monthly_gross_amount"] == "2200.00"
    versions = api_for("hr_assistant").get(f"/api/v1/contracts/{amended.pk}/versions").json()
    assert [v["effective_date"] for v in versions] == ["2025-01-01", "2024-01-01"]


def test_the_list_shows_each_contracts_terms_on_the_date(amended, world, api_for):
    client = api_for("hr_manager")
    items = client.get(f"/api/v1/contracts?employee={world.employee_file.pk}&on=2025-02-01")
    [item] = items.json()["items"]
    assert item["terms"]["monthly_gross_amount"] == "2500.00"
    assert item["employee"] == {
        "id": world.employee_file.pk,
        "matricule": world.employee_file.matricule,
        "name": world.employee_file.display_name,
    }
    running = client.get("/api/v1/contracts?active=2021-01-01").json()
    assert [c["employee"]["id"] for c in running["items"]] == [world.manager_file.pk]
    assert client.get("/api/v1/contracts?kind=cdd").json()["count"] == 0


def test_an_amendment_keeps_what_it_does_not_change_and_recomputes_the_rate(world, api_for):
    contract = world.employee_contract
    response = api_for("hr_manager").post(
        f"/api/v1/contracts/{contract.pk}/versions",
        {
            "effective_date": "2025-04-01",
            "reason": "Temps partiel",
            "working_time": "temps_partiel",
            "monthly_hours": "121.33",
            "monthly_gross_amount": "1760.00",
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["job_title"] == "Assistant(e) administratif(ve)"  # kept from the hiring terms
    assert data["establishment"]["id"] == world.establishment.pk
    assert data["hourly_rate_amount"] == "14.5059"  # 1760 / 121.33
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE, employee_id=world.employee_file.pk)
    assert entry.changes["working_time"] == ["Temps plein", "Temps partiel"]


def test_an_amendment_before_the_start_is_refused(world, api_for):
    response = api_for("hr_manager").post(
        f"/api/v1/contracts/{world.employee_contract.pk}/versions",
        {"effective_date": "2023-01-01", "reason": "Erreur"},
        content_type=JSON,
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "field": "effective_date",
            "message": "La date d'effet doit être comprise dans la durée du contrat.",
        }
    ]


def test_ending_a_contract(world, api_for):
    response = api_for("hr_manager").patch(
        f"/api/v1/contracts/{world.employee_contract.pk}",
        {"end_date": "2026-01-31", "end_reason": "059"},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    assert response.json()["end_date"] == "2026-01-31"
    gone = api_for("hr_manager").get("/api/v1/employees?presence=gone&on=2026-02-01").json()
    assert [item["id"] for item in gone["items"]] == [world.employee_file.pk]


def test_a_contract_to_come_shows_its_first_terms(world, api_for):
    from effectif.employees.tests.factories import EmployeeFactory

    newcomer = EmployeeFactory(employer=world.employer)
    response = api_for("hr_manager").post(
        "/api/v1/contracts",
        {
            "employee": newcomer.pk,
            "kind": "cdd",
            "fixed_term_reason": "accroissement",
            "start_date": "2099-01-04",
            "end_date": "2099-06-30",
            "terms": {
                "establishment": world.establishment.pk,
                "job_title": "Renfort",
                "category": "employe",
                "working_time": "temps_plein",
                "monthly_gross_amount": "2100",
            },
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    assert response.json()["on"] == "2099-01-04"
    assert response.json()["terms"]["job_title"] == "Renfort"


def test_a_manager_reads_team_contracts_without_pay(client_for, manager_user, world):
    contract = world.employee_contract
    response = client_for(manager_user).get(f"/api/v1/contracts/{contract.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["terms"]["job_title"]
    assert body["terms"]["monthly_gross_amount"] is None
    assert all(v["monthly_gross_amount"] is None for v in body["versions"])
    listing = client_for(manager_user).get("/api/v1/contracts").json()
    item = next(i for i in listing["items"] if i["id"] == contract.pk)
    assert item["terms"]["monthly_gross_amount"] is None
    terms = client_for(manager_user).get(f"/api/v1/contracts/{contract.pk}/terms").json()
    assert terms["monthly_gross_amount"] is None


def test_hr_reads_pay(client_for, hr_manager, world):
    body = client_for(hr_manager).get(f"/api/v1/contracts/{world.employee_contract.pk}").json()
    assert body["terms"]["monthly_gross_amount"] == "2200.00"

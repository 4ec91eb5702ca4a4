"""Refused input: HTTP 422 naming each field with its French message, whether the schema or a
service refused it; nothing is written."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import fields_of
from effectif.contracts.models import Contract
from effectif.core.models import AuditEntry
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.models import Establishment
from effectif.rules.identity.generate import make_siret

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.fixture
def hr(api_for):
    return api_for("hr_manager")


def _employee(world, **overrides):
    body = {
        "employer": world.employer.pk,
        "matricule": "N0001",
        "last_name": "Nouveau",
        "first_names": "Noé",
        "sex": "M",
        "birth_date": "1995-06-15",
    }
    body.update(overrides)
    return body


def _contract(world, employee, **overrides):
    body = {
        "employee": employee.pk,
        "kind": "cdi",
        "start_date": "2026-03-02",
        "terms": {
            "establishment": world.establishment.pk,
            "job_title": "Cariste",
            "category": "ouvrier",
            "working_time": "temps_plein",
            "monthly_gross_amount": "2100.00",
        },
    }
    body.update(overrides)
    return body


def test_bad_nir(world, hr):
    response = hr.post(
        "/api/v1/employees", _employee(world, nir="195067511800145"), content_type=JSON
    )
    errors = fields_of(response)
    assert errors["nir"].startswith("La clé du NIR est incorrecte : ")
    assert not Employee.objects.filter(matricule="N0001").exists()


def test_bad_iban(world, hr):
    response = hr.patch(
        f"/api/v1/employees/{world.employee_file.pk}",
        {"iban": "FR7630006000011234567890188"},
        content_type=JSON,
    )
    assert "clé de contrôle" in fields_of(response)["iban"]
    world.employee_file.refresh_from_db()
    assert world.employee_file.iban == "FR7630006000011234567890189"


def test_duplicate_matricule(world, hr):
    response = hr.post(
        "/api/v1/employees",
        _employee(world, matricule=world.colleague.matricule),
        content_type=JSON,
    )
    assert fields_of(response) == {
        "matricule": f"Le matricule {world.colleague.matricule} est déjà attribué à un autre "
        "salarié de cet employeur."
    }


def test_bad_siret(world, api_for):
    body = {
        "employer": world.employer.pk,
        "name": "Dépôt",
        "siret": make_siret(world.employer.siren, 18),
        "address": "1 quai de la Gare",
        "postal_code": "69002",
        "city": "Lyon",
        "at_rate": "0.02",
    }
    # A valid SIRET with its last digit changed: the Luhn key no longer matches.
    body["siret"] = body["siret"][:-1] + str((int(body["siret"][-1]) + 1) % 10)
    response = api_for("admin").post("/api/v1/establishments", body, content_type=JSON)
    assert "SIRET" in fields_of(response)["siret"]
    assert not Establishment.objects.filter(name="Dépôt").exists()


def test_end_before_start(world, hr):
    newcomer = EmployeeFactory(employer=world.employer)
    body = _contract(
        world, newcomer, kind="cdd", fixed_term_reason="accroissement", end_date="2026-03-01"
    )
    response = hr.post("/api/v1/contracts", body, content_type=JSON)
    assert fields_of(response)["end_date"] == (
        "La date de fin ne peut pas précéder la date de début."
    )
    assert not Contract.objects.filter(employee=newcomer).exists()


def test_cdd_without_reason_nor_end(world, hr):
    newcomer = EmployeeFactory(employer=world.employer)
    response = hr.post(
        "/api/v1/contracts", _contract(world, newcomer, kind="cdd"), content_type=JSON
    )
    errors = fields_of(response)
    assert set(errors) == {"end_date", "fixed_term_reason"}
    assert "L1242-2" in errors["fixed_term_reason"]
    assert "L1242-7" in errors["end_date"]


def test_overlapping_contracts(world, hr):
    response = hr.post(
        "/api/v1/contracts",
        _contract(world, world.employee_file, start_date="2025-01-01"),
        content_type=JSON,
    )
    errors = fields_of(response)
    assert errors["start_date"].startswith(
        f"Ce contrat chevauche le contrat {world.employee_contract.number} du même salarié"
    )
    assert world.employee_file.contracts.count() == 1


def test_errors_of_the_terms_are_named_under_terms(world, hr):
    newcomer = EmployeeFactory(employer=world.employer)
    body = _contract(world, newcomer)
    body["terms"].update(working_time="temps_partiel", establishment=world.other_establishment.pk)
    response = hr.post("/api/v1/contracts", body, content_type=JSON)
    assert fields_of(response) == {
        "terms.establishment": f"Aucun élément n°{world.other_establishment.pk} dans votre "
        "périmètre."
    }
    body["terms"]["establishment"] = world.establishment.pk
    response = hr.post("/api/v1/contracts", body, content_type=JSON)
    assert fields_of(response) == {
        "terms.monthly_hours": "Un temps partiel doit indiquer sa durée mensuelle "
        "(C. trav. L3123-6)."
    }


def test_schema_errors_have_the_same_shape_in_french(world, hr):
    body = _employee(world, birth_date="15/06/1995", children_count="deux", nickname="Noé")
    del body["last_name"]
    response = hr.post("/api/v1/employees", body, content_type=JSON)
    assert fields_of(response) == {
        "last_name": "Ce champ est obligatoire.",
        "birth_date": "Date invalide : utilisez le format AAAA-MM-JJ.",
        "children_count": "Saisissez un nombre entier.",
        "nickname": "Ce champ est inconnu ou ne peut pas être modifié ainsi.",
    }


def test_nested_schema_errors_name_the_nested_field(world, hr):
    body = _contract(world, world.colleague)
    body["terms"]["monthly_gross_amount"] = "deux mille"
    del body["terms"]["job_title"]
    response = hr.post("/api/v1/contracts", body, content_type=JSON)
    assert fields_of(response) == {
        "terms.job_title": "Ce champ est obligatoire.",
        "terms.monthly_gross_amount": "Saisissez un nombre décimal (p. ex. 2300.50).",
    }


def test_query_errors(world, hr):
    response = hr.get("/api/v1/employees?limit=500&presence=partis&sort=age")
    errors = fields_of(response)
    assert errors["limit"] == "La valeur doit être inférieure ou égale à 200."
    assert errors["presence"] == "Valeur non autorisée. Valeurs possibles : present, gone, all."
    assert errors["sort"].startswith("Tri inconnu.")


def test_a_choice_out_of_its_list(world, hr):
    response = hr.post("/api/v1/employees", _employee(world, sex="X"), content_type=JSON)
    assert fields_of(response)["sex"] == "La valeur «\xa0'X'\xa0» n’est pas un choix valide."


def test_a_body_that_is_not_json(world, hr):
    response = hr.post("/api/v1/employees", "{pas du json", content_type=JSON)
    assert response.status_code == 400
    assert response.json() == {"detail": "Le corps de la requête n'est pas un JSON valide."}


def test_nothing_is_audited_when_refused(world, hr):
    before = AuditEntry.objects.count()
    hr.post("/api/v1/employees", _employee(world, nir="195067511800145"), content_type=JSON)
    # Only the token's own entries (issued before) exist: no creation was recorded.
    assert AuditEntry.objects.count() == before

"""Input that used to end in a server error (HTTP 500) is refused in French: impossible or
out-of-range dates, a date the legal parameters do not cover, numbers too large for the
database, an explicit null on a field that cannot be empty, an unknown departure reason, a
malformed NIR or postal code. (A NUL character: `core/tests/test_bad_input.py`.)"""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import fields_of
from effectif.core.models import AuditEntry
from effectif.organisation.models import Department, Employer

pytestmark = pytest.mark.django_db

JSON = "application/json"
BOUNDS = "La date doit être comprise entre le 01/01/1900 et le 31/12/2200."
HUGE = 2**70


@pytest.fixture
def hr(api_for):
    return api_for("hr_manager")


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_a_date_out_of_range_in_a_query_is_refused(world, hr, day):
    for path in (
        f"/api/v1/deadlines?start={day}",
        f"/api/v1/deadlines?end={day}",
        f"/api/v1/contracts?on={day}",
        f"/api/v1/contracts/{world.employee_contract.pk}?on={day}",
        f"/api/v1/employees?on={day}",
        f"/api/v1/medical-visits?due_before={day}",
        f"/api/v1/trips?from={day}",
        f"/api/v1/leave-requests?start={day}",
        f"/api/v1/leave-requests?end={day}",
        f"/api/v1/employees/{world.employee_contract.employee_id}/leave-balances?date={day}",
    ):
        response = hr.get(path)
        assert response.status_code == 422, path
        assert BOUNDS in fields_of(response).values(), path


def test_an_impossible_date_in_a_query_is_refused(world, hr):
    response = hr.get("/api/v1/deadlines?start=2026-02-30")
    assert fields_of(response) == {"start": "Date invalide : utilisez le format AAAA-MM-JJ."}


def test_a_date_out_of_range_in_a_body_is_refused(world, hr):
    response = hr.post(
        f"/api/v1/departures/{_departure(hr, world)}/steps",
        {"convocation_date": "9999-12-31"},
        content_type=JSON,
    )
    assert fields_of(response) == {"convocation_date": BOUNDS}
    response = hr.patch(
        f"/api/v1/employees/{world.colleague.pk}", {"birth_date": "0001-01-01"}, content_type=JSON
    )
    assert fields_of(response) == {"birth_date": BOUNDS}


def test_a_date_the_legal_parameters_do_not_cover_is_refused_naming_the_rule(world, hr):
    response = hr.post(
        f"/api/v1/contracts/{world.employee_contract.pk}/versions",
        {"effective_date": "1950-01-01", "reason": "Avenant"},
        content_type=JSON,
    )
    assert fields_of(response) == {
        "effective_date": "Effectif ne connaît pas la règle « duree_legale_mensuelle » "
        "applicable le 01/01/1950 : vérifiez la date saisie."
    }
    response = hr.get("/api/v1/deadlines?start=1901-01-01&end=1901-12-31")
    ((field, message),) = fields_of(response).items()
    assert field in {"start", "end", "__all__"}
    assert message.startswith("Effectif ne connaît pas la règle « ")
    assert "vérifiez la date saisie" in message


def test_a_departure_step_on_a_date_the_law_does_not_cover_names_the_date(world, hr):
    response = hr.post(
        f"/api/v1/departures/{_departure(hr, world)}/steps",
        {"notification_date": "1901-01-07"},
        content_type=JSON,
    )
    assert response.status_code == 422
    assert "07/01/1901" in " ".join(fields_of(response).values())


def test_a_time_with_a_time_zone_is_refused(world, hr):
    url = f"/api/v1/departures/{_departure(hr, world)}/steps"
    response = hr.post(url, {"interview_time": "20:03:26-09:20"}, content_type=JSON)
    assert fields_of(response) == {
        "interview_time": "Indiquez une heure sans fuseau horaire (HH:MM)."
    }
    response = hr.post(url, {"interview_time": "10:30"}, content_type=JSON)
    assert response.status_code == 200, response.content


# --- numbers too large -----------------------------------------------------------------------


def test_an_offset_too_large_is_refused(world, hr):
    response = hr.get(f"/api/v1/employers?offset={HUGE}")
    assert fields_of(response) == {
        "offset": "La valeur doit être inférieure ou égale à 1000000000."
    }
    assert hr.get("/api/v1/employers?offset=1000000000").json()["items"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/candidates?posting={n}",
        "/api/v1/contracts?employee={n}",
        "/api/v1/contracts?employer={n}",
        "/api/v1/establishments?employer={n}",
        "/api/v1/positions?employer={n}",
        "/api/v1/medical-visits?employee={n}",
        "/api/v1/budgets?department={n}",
        "/api/v1/employees?department={n}",
        "/api/v1/trips?employee={n}",
        "/api/v1/expense-reports?trip={n}",
        "/api/v1/leave-requests?employee={n}",
        "/api/v1/departments?employer={n}",
    ],
)
def test_an_identifier_too_large_in_a_filter_is_refused(world, hr, path):
    response = hr.get(path.format(n=HUGE))
    assert response.status_code == 422, response.content
    assert list(fields_of(response).values()) == [
        "La valeur doit être inférieure ou égale à 9223372036854775807."
    ]


def test_a_year_out_of_range_is_refused(world, hr):
    response = hr.get("/api/v1/budgets?year=8503673155984")
    assert fields_of(response) == {"year": "La valeur doit être inférieure ou égale à 2200."}


def test_an_identifier_too_large_in_a_path_is_not_found(world, hr):
    assert hr.get(f"/api/v1/employees/{HUGE}").status_code == 404
    assert hr.get(f"/api/v1/contracts/{HUGE}/versions").status_code == 404


def test_an_identifier_too_large_in_a_body_is_an_unknown_reference(world, hr):
    response = hr.patch(
        f"/api/v1/employees/{world.colleague.pk}", {"department": HUGE}, content_type=JSON
    )
    assert response.status_code == 422


# --- explicit null ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "field"),
    [
        ("employers", "idcc"),
        ("employers", "name"),
        ("departments", "code"),
        ("positions", "risk_exposures"),
        ("establishments", "name"),
        ("employees", "usage_name"),
        ("employees", "birth_date"),
    ],
)
def test_an_explicit_null_on_a_field_that_cannot_be_empty_is_refused(world, hr, resource, field):
    target = {
        "employers": world.employer,
        "departments": world.team,
        "positions": world.position,
        "establishments": world.establishment,
        "employees": world.colleague,
    }[resource]
    before = AuditEntry.objects.count()
    response = hr.patch(f"/api/v1/{resource}/{target.pk}", {field: None}, content_type=JSON)
    assert fields_of(response) == {field: "Ce champ ne peut pas être vide."}
    assert AuditEntry.objects.count() == before


def test_an_explicit_null_on_a_field_that_may_be_empty_empties_it(world, hr):
    response = hr.patch(
        f"/api/v1/departments/{world.team.pk}", {"manager": None}, content_type=JSON
    )
    assert response.status_code == 200, response.content
    assert Department.objects.get(pk=world.team.pk).manager is None


# --- values the rules could not read ---------------------------------------------------------


def test_an_unknown_departure_reason_is_refused_on_the_field(world, hr):
    response = hr.post(
        "/api/v1/departures",
        {"contract": world.colleague_contract.pk, "reason": "pas_un_motif"},
        content_type=JSON,
    )
    assert fields_of(response) == {"reason": "Motif de départ inconnu."}


def test_a_malformed_nir_of_fifteen_characters_is_refused_on_the_field(world, hr):
    response = hr.patch(
        f"/api/v1/employees/{world.colleague.pk}", {"nir": "Classe ou tarif"}, content_type=JSON
    )
    assert set(fields_of(response)) == {"nir"}


def test_a_malformed_postal_code_is_refused_on_the_field(world, hr):
    response = hr.patch(
        f"/api/v1/establishments/{world.establishment.pk}",
        {"postal_code": "7500A"},
        content_type=JSON,
    )
    assert fields_of(response) == {"postal_code": "Le code postal doit comporter 5 chiffres."}


def _departure(hr, world) -> int:
    response = hr.post(
        "/api/v1/departures",
        {"contract": world.colleague_contract.pk, "reason": "licenciement_personnel"},
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


# --- NUL ---------------------------------------------------------------------------------------


def test_a_nul_character_in_a_form_is_refused_in_french(world, hr):
    names = set(Employer.objects.values_list("name", flat=True))
    # A multipart form, read by the API once the caller is authenticated.
    response = hr.post("/api/v1/employers", {"name": "A\x00B", "siren": "732829320"})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "La requête contient un caractère nul (\\0), qu'Effectif n'accepte pas."
    }
    assert set(Employer.objects.values_list("name", flat=True)) == names

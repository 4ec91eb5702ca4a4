"""The OpenAPI document, and no documentation page loading from a CDN."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/token": {"post"},
    "/api/v1/employers": {"get", "post"},
    "/api/v1/employers/{employer_id}": {"get", "patch"},
    "/api/v1/establishments": {"get", "post"},
    "/api/v1/establishments/{establishment_id}": {"get", "patch"},
    "/api/v1/departments": {"get", "post"},
    "/api/v1/departments/{department_id}": {"get", "patch"},
    "/api/v1/positions": {"get", "post"},
    "/api/v1/positions/{position_id}": {"get", "patch"},
    "/api/v1/employees": {"get", "post"},
    "/api/v1/employees/{employee_id}": {"get", "patch"},
    "/api/v1/employees/{employee_id}/change-requests": {"post"},
    "/api/v1/contracts": {"get", "post"},
    "/api/v1/contracts/{contract_id}": {"get", "patch"},
    "/api/v1/contracts/{contract_id}/terms": {"get"},
    "/api/v1/contracts/{contract_id}/versions": {"get", "post"},
    "/api/v1/deadlines": {"get"},
    "/api/v1/trips": {"get", "post"},
    "/api/v1/trips/{trip_id}": {"get", "patch"},
    "/api/v1/trips/{trip_id}/options": {"post"},
    "/api/v1/trips/{trip_id}/options/{option_id}": {"delete"},
    "/api/v1/trips/{trip_id}/options/{option_id}/choose": {"post"},
    "/api/v1/trips/{trip_id}/submit": {"post"},
    "/api/v1/trips/{trip_id}/approve": {"post"},
    "/api/v1/trips/{trip_id}/reject": {"post"},
    "/api/v1/trips/{trip_id}/cancel": {"post"},
    "/api/v1/expense-reports": {"get", "post"},
    "/api/v1/expense-reports/{report_id}": {"get", "patch"},
    "/api/v1/expense-reports/{report_id}/lines": {"post"},
    "/api/v1/expense-reports/{report_id}/lines/{line_id}": {"patch", "delete"},
    "/api/v1/expense-reports/{report_id}/lines/{line_id}/receipt": {"post"},
    "/api/v1/expense-reports/{report_id}/lines/{line_id}/decision": {"post"},
    "/api/v1/expense-reports/{report_id}/submit": {"post"},
    "/api/v1/expense-reports/{report_id}/approve": {"post"},
    "/api/v1/expense-reports/{report_id}/check": {"post"},
    "/api/v1/expense-reports/{report_id}/reject": {"post"},
}


def test_the_openapi_document_lists_every_path(client: Client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Effectif"
    documented = {path: set(ops) for path, ops in document["paths"].items()}
    # Every path above is documented with its operations (other apps add their own paths).
    for path, operations in PATHS.items():
        assert documented.get(path) == operations, path
    schemes = document["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_the_document_describes_the_errors_and_the_list_filters(client: Client):
    document = client.get("/api/v1/openapi.json").json()
    employees = document["paths"]["/api/v1/employees"]["get"]
    params = {p["name"] for p in employees["parameters"]}
    assert {
        "q",
        "employer",
        "establishment",
        "department",
        "kind",
        "presence",
        "on",
        "sort",
        "limit",
        "offset",
    } <= params
    assert {"200", "401", "404", "422"} <= set(employees["responses"])
    assert "403" in document["paths"]["/api/v1/employees/{employee_id}"]["patch"]["responses"]


def test_no_documentation_page(client: Client):
    assert client.get("/api/v1/docs").status_code == 404
    assert b"cdn" not in client.get("/api/v1/openapi.json").content.lower()

"""The harness of `make bench` keeps working: a smoke test on a small population."""

from __future__ import annotations

import pytest
from django.test import Client

from effectif.bench.lists import Case, Subjects, api_cases, api_headers, measure, page_cases
from effectif.conftest import PASSWORD
from effectif.demo.population import generate_population
from effectif.organisation.models import Department, Establishment
from effectif.organisation.tests.factories import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def subjects(hr_manager):
    report = generate_population(employees=20)
    grant(hr_manager, report.employer)
    return Subjects(
        employer_id=report.employer.pk,
        establishment_id=Establishment.objects.filter(employer=report.employer).first().pk,
        department_id=Department.objects.get(employer=report.employer, name="Développement").pk,
        search="martin",
    )


def test_measures_the_list_page(hr_manager, subjects):
    client = Client()
    client.force_login(hr_manager)
    for case in page_cases(subjects):
        result = measure(client, "page", case, requests=2)
        assert result.status == 200, result.note
        assert result.median_ms is not None
        assert result.queries
        assert result.rows is not None


def test_measures_the_api_with_a_bearer_token(hr_manager, subjects):
    client = Client()
    headers = api_headers(client, hr_manager.username, PASSWORD)
    assert headers["authorization"].startswith("Bearer ")
    for case in api_cases(subjects):
        result = measure(client, "api", case, requests=2, **headers)
        assert result.status == 200, result.note
        assert result.rows is not None


def test_reports_an_address_not_built_yet(hr_manager):
    client = Client()
    client.force_login(hr_manager)
    result = measure(client, "page", Case("absente", "/nulle-part/"), requests=2)
    assert result.median_ms is None
    assert "absente" in result.note

"""Contract pages for every role, and the contract forms end to end."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from effectif.contracts.models import Contract

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


def _status(request, role, url):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client.get(url).status_code


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("detail", "contract", [200, 200, 200, 200, 200, 404]),
        ("detail", "stranger_contract", [200, 404, 404, 404, 404, 404]),
        ("edit", "contract", [200, 200, 200, 403, 403, 404]),
        ("amend", "contract", [200, 200, 200, 403, 403, 404]),
        ("create", "member", [200, 200, 200, 403, 403, 404]),
        ("create", "stranger", [200, 404, 404, 404, 404, 404]),
    ],
)
def test_access_matrix(request, world, name, target, expected):
    url = reverse(f"contracts:{name}", args=[getattr(world, target).pk])
    got = [_status(request, role, url) for role in ROLES]
    assert got == expected, f"{url}: {got}"


def _new_contract_data(world, **overrides):
    data = {
        "c-kind": "cdd",
        "c-start_date": "2026-01-05",
        "c-end_date": "2026-06-30",
        "c-fixed_term_reason": "accroissement",
        "t-establishment": world.establishment.pk,
        "t-job_title": "Préparateur",
        "t-category": "ouvrier",
        "t-working_time": "temps_plein",
        "t-monthly_gross_amount": "1900,00",
    }
    data.update(overrides)
    return data


def test_hr_records_a_cdd_for_someone_without_contract(client_for, hr_manager, world):
    from effectif.employees.tests.factories import EmployeeFactory

    newcomer = EmployeeFactory(employer=world.employer)
    response = client_for(hr_manager).post(
        f"/contrats/salarie/{newcomer.pk}/nouveau/", _new_contract_data(world)
    )
    assert response.status_code == 302
    contract = Contract.objects.get(employee=newcomer)
    assert contract.trial_end_date.isoformat() == "2026-01-18"  # 25 weeks → capped at 2 weeks
    assert contract.versions.get().hourly_rate_amount is not None


def test_overlapping_contract_is_refused_on_the_page(client_for, hr_manager, world):
    response = client_for(hr_manager).post(
        f"/contrats/salarie/{world.member.pk}/nouveau/", _new_contract_data(world)
    )
    assert response.status_code == 200
    assert "chevauche" in response.content.decode()
    assert Contract.objects.filter(employee=world.member).count() == 1


def test_cdd_without_reason_or_end_shows_both_errors(client_for, hr_manager, world):
    from effectif.employees.tests.factories import EmployeeFactory

    newcomer = EmployeeFactory(employer=world.employer)
    response = client_for(hr_manager).post(
        f"/contrats/salarie/{newcomer.pk}/nouveau/",
        _new_contract_data(world, **{"c-end_date": "", "c-fixed_term_reason": ""}),
    )
    page = response.content.decode()
    assert "doit indiquer sa date de fin" in page
    assert "motif précis de recours" in page
    assert not Contract.objects.filter(employee=newcomer).exists()


def test_amendment_and_as_of_view(client_for, hr_manager, manager_user, world):
    client = client_for(hr_manager)
    url = f"/contrats/{world.contract.pk}/avenant/"
    initial = client.get(url).context["form"].initial
    data = {k: v for k, v in initial.items() if v is not None}
    data.update(
        {
            "effective_date": "2025-07-01",
            "reason": "Augmentation individuelle",
            "monthly_gross_amount": "2450,00",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    before = client.get(
        f"/contrats/{world.contract.pk}/", {"date": "2025-06-30"}, HTTP_HX_REQUEST="true"
    )
    after = client.get(
        f"/contrats/{world.contract.pk}/", {"date": "2025-07-01"}, HTTP_HX_REQUEST="true"
    )
    assert "2\u202f200,00" in before.content.decode()
    assert "2\u202f450,00" in after.content.decode()
    manager_page = client_for(manager_user).get(f"/contrats/{world.contract.pk}/").content.decode()
    assert "2\u202f450,00" not in manager_page  # managers don't see pay


def test_ending_a_contract_makes_the_employee_gone(client_for, hr_manager, world):
    client = client_for(hr_manager)
    response = client.post(
        f"/contrats/{world.contract.pk}/modifier/",
        {"end_date": "2025-12-31", "end_reason": "059"},
    )
    assert response.status_code == 302
    gone = client.get("/salaries/", {"presence": "gone", "date": "2026-01-15"}).content.decode()
    assert world.member.display_name in gone

"""Every organisation page, for every role."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from effectif.core.models import AuditEntry
from effectif.organisation.models import Department, Employer, EmployerAccess, Establishment

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


def _status(request, role, url):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client.get(url).status_code


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("employer_list", None, [200, 200, 200, 403, 403, 200]),
        ("employer_create", None, [200, 403, 403, 403, 403, 403]),
        ("employer_detail", "employer", [200, 200, 200, 403, 403, 404]),
        ("employer_detail", "other_employer", [200, 404, 404, 403, 403, 404]),
        ("employer_edit", "employer", [200, 200, 403, 403, 403, 403]),
        ("establishment_create", "employer", [200, 200, 403, 403, 403, 403]),
        ("establishment_edit", "establishment", [200, 200, 403, 403, 403, 403]),
        ("establishment_edit", "other_establishment", [200, 404, 403, 403, 403, 403]),
        ("department_list", None, [200, 200, 200, 403, 403, 200]),
        ("department_create", None, [200, 200, 200, 403, 403, 200]),
        ("department_edit", "team", [200, 200, 200, 403, 403, 404]),
        ("department_edit", "other_department", [200, 404, 404, 403, 403, 404]),
        ("position_list", None, [200, 200, 200, 403, 403, 200]),
        ("position_detail", "position", [200, 200, 200, 200, 200, 404]),
        ("position_edit", "position", [200, 200, 200, 403, 403, 404]),
        ("org_chart", None, [200, 200, 200, 200, 200, 200]),
        ("health_service_list", None, [200, 200, 403, 403, 403, 403]),
        ("user_list", None, [200, 403, 403, 403, 403, 403]),
        ("user_create", None, [200, 403, 403, 403, 403, 403]),
    ],
)
def test_access_matrix(request, world, name, target, expected):
    args = [getattr(world, target).pk] if target else []
    url = reverse(f"organisation:{name}", args=args)
    got = [_status(request, role, url) for role in ROLES]
    assert got == expected, f"{url}: {got}"


def test_org_chart_is_a_chart_of_the_tree(client_for, employee_user, world):
    world.team.parent = world.elsewhere
    world.team.save()
    page = client_for(employee_user).get("/organisation/organigramme/").content.decode()
    assert 'class="orgchart"' in page
    assert page.index("Ailleurs") < page.index("Équipe")
    assert 'role="group"' in page  # the team is drawn under its parent
    assert "1 salarié" in page


def test_employer_page_shows_the_headcount_from_contracts(client_for, hr_manager, world):
    page = (
        client_for(hr_manager)
        .get(f"/organisation/employeurs/{world.employer.pk}/")
        .content.decode()
    )
    assert "calculé depuis les contrats" in page
    assert "salariés sous contrat" in page


def _broken_siret(siren):
    """A valid SIRET of the employer with its last digit changed: its Luhn key fails."""
    from effectif.rules.identity.generate import make_siret

    valid = make_siret(siren, 99)
    return valid[:-1] + str((int(valid[-1]) + 1) % 10)


def test_invalid_siret_is_shown_on_the_field_and_nothing_is_written(client_for, hr_manager, world):
    response = client_for(hr_manager).post(
        f"/organisation/employeurs/{world.employer.pk}/etablissements/nouveau/",
        {
            "name": "Nouveau",
            "siret": _broken_siret(world.employer.siren),
            "address": "2 rue",
            "postal_code": "67000",
            "city": "Strasbourg",
            "at_rate": "2,08",
            "mobility_rate": "2",
        },
    )
    assert response.status_code == 200
    assert "Luhn" in response.content.decode()
    assert not Establishment.objects.filter(name="Nouveau").exists()


def test_establishment_rates_are_typed_as_percentages(client_for, hr_manager, world):
    from effectif.rules.identity.generate import make_siret

    siret = make_siret(world.employer.siren, 77)
    response = client_for(hr_manager).post(
        f"/organisation/employeurs/{world.employer.pk}/etablissements/nouveau/",
        {
            "name": "Strasbourg",
            "siret": siret,
            "address": "2 rue",
            "postal_code": "67000",
            "city": "Strasbourg",
            "at_rate": "2,08",
            "mobility_rate": "2",
        },
    )
    assert response.status_code == 302
    created = Establishment.objects.get(name="Strasbourg")
    assert str(created.at_rate) == "0.02080"
    assert created.alsace_moselle


def test_admin_creates_an_employer_and_grants_access(client_for, admin_user, hr_assistant):
    client = client_for(admin_user)
    response = client.post(
        "/organisation/employeurs/nouveau/",
        {
            "name": "Nouvelle SARL",
            "siren": "732 829 320",
            "legal_form": "SARL",
            "naf_code": "4711D",
            "idcc": "2216",
            "sector": "private",
        },
    )
    employer = Employer.objects.get(name="Nouvelle SARL")
    assert response.status_code == 302
    client.post(f"/organisation/employeurs/{employer.pk}/acces/", {"user": hr_assistant.pk})
    assert EmployerAccess.objects.filter(user=hr_assistant, employer=employer).exists()
    assert AuditEntry.objects.filter(employer_id=employer.pk).count() >= 2


def test_department_cycle_is_refused_in_the_form(client_for, hr_manager, world):
    child = Department.objects.create(
        employer=world.employer, name="Sous-équipe", parent=world.team
    )
    response = client_for(hr_manager).post(
        f"/organisation/services/{world.team.pk}/modifier/",
        {"employer": world.employer.pk, "name": "Équipe", "parent": child.pk},
    )
    assert response.status_code == 200
    assert "sous-services" in response.content.decode()


def test_admin_creates_a_user_with_grants(client_for, admin_user, world):
    response = client_for(admin_user).post(
        "/organisation/utilisateurs/nouveau/",
        {
            "username": "nouvelle",
            "first_name": "Nina",
            "last_name": "Nouvelle",
            "email": "n@example.test",
            "role": "hr_assistant",
            "is_active": "on",
            "password": "Un-mot-de-passe-solide-2026",
            "employers": [world.employer.pk],
        },
    )
    assert response.status_code == 302
    assert EmployerAccess.objects.filter(
        user__username="nouvelle", employer=world.employer
    ).exists()


def test_weak_password_is_refused_in_french(client_for, admin_user):
    response = client_for(admin_user).post(
        "/organisation/utilisateurs/nouveau/",
        {"username": "faible", "role": "employee", "is_active": "on", "password": "1234"},
    )
    assert response.status_code == 200
    assert "trop court" in response.content.decode()


def test_lists_export(client_for, hr_manager, world):
    client = client_for(hr_manager)
    for url in ("/organisation/employeurs/", "/organisation/services/", "/organisation/postes/"):
        csv = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
        assert csv.startswith("\ufeff")
        assert "Employeur B" not in csv
        xlsx = client.get(url, {"export": "xlsx"})
        assert xlsx.status_code == 200


def test_users_and_health_services_export(client_for, admin_user, world):
    client = client_for(admin_user)
    csv = b"".join(
        client.get("/organisation/utilisateurs/", {"export": "csv"}).streaming_content
    ).decode()
    assert csv.startswith("\ufeffIdentifiant;Nom;")
    assert "admin-test" in csv
    assert client.get("/organisation/sante-au-travail/", {"export": "xlsx"}).status_code == 200

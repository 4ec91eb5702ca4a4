"""Every page of the personnel files, for every role: who gets it, who gets 403 or 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import sample_pdf
from effectif.employees.models import ChangeRequest, EmployeeDocument

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


def _get(request, role, url):
    user = request.getfixturevalue(role)
    client = Client()
    client.force_login(user)
    return client.get(url)


# Expected status for each role, in ROLES order.
@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("list", None, [200, 200, 200, 200, 302, 200]),  # the outsider's list is empty
        ("detail", "member", [200, 200, 200, 200, 200, 404]),
        ("detail", "colleague", [200, 200, 200, 404, 404, 404]),
        ("detail", "stranger", [200, 404, 404, 404, 404, 404]),
        ("edit", "member", [200, 200, 200, 403, 403, 404]),
        ("history", "member", [200, 200, 200, 403, 200, 404]),
        ("sensitive", "member", [200, 200, 200, 403, 200, 404]),
        ("change_request_create", "member", [403, 403, 403, 403, 200, 404]),
        ("document_add", "member", [200, 200, 200, 403, 403, 404]),
        ("create", None, [200, 200, 200, 403, 403, 200]),
        ("change_requests", None, [200, 200, 200, 403, 403, 200]),
    ],
)
def test_access_matrix(request, world, name, target, expected):
    from django.urls import reverse

    args = [getattr(world, target).pk] if target else []
    url = reverse(f"employees:{name}", args=args)
    got = [_get(request, role, url).status_code for role in ROLES]
    assert got == expected, f"{url}: {got}"


def test_outsider_sees_no_one(client_for, outsider, world):
    page = client_for(outsider).get("/salaries/").content.decode()
    assert "Aucun salarié ne correspond" in page
    for person in (world.member, world.colleague, world.stranger):
        assert person.display_name not in page


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(f"/salaries/{world.member.pk}/")
    assert response.status_code == 302
    assert "/compte/connexion/" in response["Location"]


def test_manager_sees_team_but_no_sensitive_data(client_for, manager_user, world):
    response = client_for(manager_user).get(f"/salaries/{world.member.pk}/")
    page = response.content.decode()
    assert world.member.display_name in page
    assert "Données sensibles" not in page
    assert world.member.nir not in page
    assert "État civil" not in page
    assert "2 200,00" not in page  # pay is not shown to managers


def test_employee_list_shows_only_the_team_to_a_manager(client_for, manager_user, world):
    page = client_for(manager_user).get("/salaries/").content.decode()
    assert world.member.display_name in page
    assert world.colleague.display_name not in page
    assert world.stranger.display_name not in page


def test_list_search_filters_and_htmx_partial(client_for, hr_manager, world):
    client = client_for(hr_manager)
    response = client.get("/salaries/", {"q": world.member.matricule}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert world.member.display_name in page
    assert world.colleague.display_name not in page


def test_list_export_csv_and_xlsx(client_for, hr_manager, world):
    client = client_for(hr_manager)
    response = client.get("/salaries/", {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeffMatricule;Nom;")
    assert world.member.matricule in content
    assert world.stranger.matricule not in content
    response = client.get("/salaries/", {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT).count() == 2


def test_sensitive_block_is_audited_when_shown(client_for, hr_assistant, world):
    client = client_for(hr_assistant)
    page = client.get(f"/salaries/{world.member.pk}/").content.decode()
    assert world.member.nir not in page  # hidden until asked for
    assert not AuditEntry.objects.filter(action=AuditAction.READ).exists()
    page = client.get(f"/salaries/{world.member.pk}/sensibles/").content.decode()
    assert world.member.nir[:1] in page
    entry = AuditEntry.objects.get(action=AuditAction.READ)
    assert entry.actor == hr_assistant
    assert entry.employee_id == world.member.pk


def test_edit_with_invalid_nir_shows_the_error_and_writes_nothing(client_for, hr_manager, world):
    client = client_for(hr_manager)
    url = f"/salaries/{world.member.pk}/modifier/"
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "nir": "290046912303060",
            "employer": world.employer.pk,
            "department": world.team.pk,
            "user": world.member.user_id,
            "birth_date": "1990-04-02",
            "children_count": 0,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "La clé du NIR est incorrecte" in response.content.decode()
    world.member.refresh_from_db()
    assert world.member.nir != "290046912303060"


def test_edit_saves_and_records_history(client_for, hr_manager, world):
    client = client_for(hr_manager)
    url = f"/salaries/{world.member.pk}/modifier/"
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "employer": world.employer.pk,
            "department": world.team.pk,
            "user": world.member.user_id,
            "birth_date": "1990-04-02",
            "city": "Épinal",
            "postal_code": "88000",
            "children_count": 2,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    history = client.get(f"/salaries/{world.member.pk}/historique/").content.decode()
    assert "Épinal" in history


def test_self_service_request_then_hr_validation(client_for, employee_user, hr_manager, world):
    own = client_for(employee_user)
    url = f"/salaries/{world.member.pk}/demande/"
    form = own.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"city": "Nancy", "postal_code": "54000", "message": "J'ai déménagé"})
    assert own.post(url, data).status_code == 302
    change = ChangeRequest.objects.get()
    hr = client_for(hr_manager)
    assert "Nancy" in hr.get(f"/salaries/demandes/{change.pk}/").content.decode()
    response = hr.post(f"/salaries/demandes/{change.pk}/", {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    world.member.refresh_from_db()
    assert world.member.city == "Nancy"


def test_rejecting_requires_a_comment(client_for, employee_user, hr_manager, world):
    from effectif.employees.services import change_request_submit

    change = change_request_submit(
        employee=world.member, changes={"city": "Nancy"}, message="", by=employee_user
    )
    response = client_for(hr_manager).post(
        f"/salaries/demandes/{change.pk}/", {"decision": "reject", "comment": ""}
    )
    assert response.status_code == 200
    assert "Expliquez au salarié" in response.content.decode()


def test_documents_upload_download_and_health_documents(
    client_for, hr_manager, employee_user, manager_user, world
):
    client = client_for(hr_manager)
    pdf = SimpleUploadedFile("aptitude.pdf", sample_pdf("Avis"), content_type="application/pdf")
    response = client.post(
        f"/salaries/{world.member.pk}/documents/ajouter/",
        {"kind": "aptitude", "title": "Avis d'aptitude", "file": pdf},
    )
    assert response.status_code == 302
    document = EmployeeDocument.objects.get()
    download = client.get(f"/salaries/{world.member.pk}/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, target_type="employees.EmployeeDocument"
    ).exists()
    assert (
        client_for(employee_user)
        .get(f"/salaries/{world.member.pk}/documents/{document.pk}/")
        .status_code
        == 200
    )
    assert (
        client_for(manager_user)
        .get(f"/salaries/{world.member.pk}/documents/{document.pk}/")
        .status_code
        == 403
    )


def test_create_employee_with_bad_data_keeps_what_was_typed(client_for, hr_manager, world):
    response = client_for(hr_manager).post(
        "/salaries/nouveau/",
        {
            "employer": world.employer.pk,
            "matricule": world.member.matricule,
            "last_name": "Neuf",
            "first_names": "Léa",
            "sex": "F",
            "birth_date": "1995-02-03",
            "nir": "295027511100112",
            "birth_country": "France",
            "nationality": "Française",
            "country": "France",
            "children_count": 0,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "déjà attribué" in page
    assert 'value="Neuf"' in page


def test_change_requests_export(client_for, employee_user, hr_manager, world):
    from effectif.employees.services import change_request_submit

    change_request_submit(
        employee=world.member, changes={"city": "Nancy"}, message="Déménagement", by=employee_user
    )
    csv = b"".join(
        client_for(hr_manager).get("/salaries/demandes/", {"export": "csv"}).streaming_content
    ).decode()
    assert "Déménagement" in csv
    assert world.member.matricule in csv

from __future__ import annotations

import pytest

from effectif.core.audit import audit
from effectif.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin_user", 200),
        ("hr_manager", 200),
        ("hr_assistant", 403),
        ("manager_user", 403),
        ("employee_user", 403),
        ("outsider", 403),
    ],
)
def test_audit_log_access(request, client_for, world, role, status):
    assert (
        client_for(request.getfixturevalue(role)).get("/donnees-personnelles/journal/").status_code
        == status
    )


def test_hr_manager_sees_only_granted_employers_entries(client_for, hr_manager, admin_user, world):
    audit(actor=admin_user, action=AuditAction.UPDATE, target=world.member, detail="visible")
    audit(actor=admin_user, action=AuditAction.UPDATE, target=world.stranger, detail="cachée")
    page = client_for(hr_manager).get("/donnees-personnelles/journal/").content.decode()
    assert "visible" in page
    assert "cachée" not in page
    page = client_for(admin_user).get("/donnees-personnelles/journal/").content.decode()
    assert "cachée" in page


def test_audit_log_filters_and_export(client_for, admin_user, world):
    audit(actor=admin_user, action=AuditAction.READ, target=world.member, detail="nir")
    client = client_for(admin_user)
    page = client.get("/donnees-personnelles/journal/", {"action": "read"}).content.decode()
    assert "Consultation de données sensibles" in page
    csv = b"".join(
        client.get(
            "/donnees-personnelles/journal/", {"action": "read", "export": "csv"}
        ).streaming_content
    ).decode()
    assert "Consultation de données sensibles" in csv


# --- Rights, archives, schedule and record: every page for every role ------------------------

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


def _status(request, role, url, method="get", data=None):
    from django.test import Client

    client = Client()
    client.force_login(request.getfixturevalue(role))
    return getattr(client, method)(url, data or {}).status_code


@pytest.fixture
def requests_ab(world, hr_manager, admin_user):
    """A request about a person of employer A, and one about a person of employer B."""
    import datetime as dt

    from effectif.privacy.services.requests import request_create

    mine = request_create(
        employee=world.member,
        kind="acces",
        received_date=dt.date(2026, 5, 20),
        details="",
        by=hr_manager,
    )
    theirs = request_create(
        employee=world.stranger,
        kind="effacement",
        received_date=dt.date(2026, 5, 20),
        details="",
        by=admin_user,
    )
    return mine, theirs


# Expected status for each role, in ROLES order (the employee of the world has a file).
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/donnees-personnelles/mes-donnees/", [403, 403, 403, 200, 200, 403]),
        ("/donnees-personnelles/demandes/", [200, 200, 403, 403, 403, 403]),
        ("/donnees-personnelles/demandes/nouvelle/", [200, 200, 403, 403, 403, 403]),
        ("/donnees-personnelles/demandes/{mine}/", [200, 200, 403, 403, 403, 403]),
        ("/donnees-personnelles/demandes/{theirs}/", [200, 404, 403, 403, 403, 403]),
        ("/donnees-personnelles/conservation/", [200, 200, 403, 403, 403, 403]),
        ("/donnees-personnelles/registre-des-traitements/", [200, 200, 403, 403, 403, 403]),
    ],
)
def test_access_matrix(request, world, requests_ab, url, expected):
    mine, theirs = requests_ab
    url = url.format(mine=mine.pk, theirs=theirs.pk)
    got = [_status(request, role, url) for role in ROLES]
    assert got == expected, f"{url}: {got}"


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("prolonger", [302, 302, 403, 403, 403, 403]),
        ("suite", [200, 200, 403, 403, 403, 403]),  # an empty form is shown again
        ("archive", [302, 302, 403, 403, 403, 403]),
        ("reponse", [200, 200, 403, 403, 403, 403]),
    ],
)
def test_request_actions_matrix(request, world, requests_ab, action, expected):
    mine, _theirs = requests_ab
    url = f"/donnees-personnelles/demandes/{mine.pk}/{action}/"
    data = {"extension_reason": "Dossier volumineux"} if action == "prolonger" else {}
    got = []
    for role in ROLES:
        got.append(_status(request, role, url, "post", data))
        mine.refresh_from_db()
        if mine.extended:  # extend once per role
            from effectif.privacy.models import RightsRequest

            RightsRequest.objects.filter(pk=mine.pk).update(
                extended=False, deadline_date=mine.received_date.replace(month=6)
            )
    assert got == expected, f"{url}: {got}"


def test_hr_cannot_act_on_a_request_outside_their_employers(client_for, hr_manager, requests_ab):
    _mine, theirs = requests_ab
    client = client_for(hr_manager)
    for action in ("prolonger", "suite", "archive", "effacement", "reponse"):
        response = client.post(f"/donnees-personnelles/demandes/{theirs.pk}/{action}/", {})
        assert response.status_code == 404, action


def test_erasure_only_on_an_erasure_request(client_for, hr_manager, requests_ab):
    mine, _theirs = requests_ab
    response = client_for(hr_manager).post(
        f"/donnees-personnelles/demandes/{mine.pk}/effacement/",
        {"reason": "x", "confirm": "on"},
    )
    assert response.status_code == 403


def test_hr_records_a_request_from_the_page_and_sees_its_deadline(client_for, hr_manager, world):
    client = client_for(hr_manager)
    page = client.get("/donnees-personnelles/demandes/nouvelle/").content.decode()
    assert world.member.display_name in page
    assert world.stranger.display_name not in page
    response = client.post(
        "/donnees-personnelles/demandes/nouvelle/",
        {
            "employee": world.member.pk,
            "kind": "rectification",
            "received_date": "2026-05-31",
            "details": "Mon adresse a changé",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "réponse due au plus tard le 30/06/2026" in page
    assert "Demande de rectification" in page
    assert "Modifier le dossier" in page
    listing = client.get("/donnees-personnelles/demandes/").content.decode()
    assert "30/06/2026" in listing
    todo = client.get("/echeancier/").content.decode()
    assert "Demande de rectification de" in todo


def test_a_bad_request_form_says_what_is_wrong(client_for, hr_manager, world):
    response = client_for(hr_manager).post(
        "/donnees-personnelles/demandes/nouvelle/",
        {"employee": world.stranger.pk, "kind": "acces", "received_date": "2026-07-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in page


def test_hr_erases_what_may_go_and_the_request_records_it(client_for, hr_manager, world):
    import datetime as dt

    from effectif.employees.models import Employee
    from effectif.privacy.services.requests import request_create

    Employee.objects.filter(pk=world.member.pk).update(emergency_contact_name="Paul Martin")
    rights = request_create(
        employee=world.member,
        kind="effacement",
        received_date=dt.date(2026, 5, 25),
        details="Effacez la personne à prévenir",
        by=hr_manager,
    )
    client = client_for(hr_manager)
    page = client.get(f"/donnees-personnelles/demandes/{rights.pk}/").content.decode()
    assert "Ce qui peut être effacé" in page
    assert "Personne à prévenir et niveau de formation" in page
    refused = client.post(f"/donnees-personnelles/demandes/{rights.pk}/effacement/", {})
    assert "Ce champ est obligatoire" in refused.content.decode()
    assert Employee.objects.get(pk=world.member.pk).emergency_contact_name == "Paul Martin"
    response = client.post(
        f"/donnees-personnelles/demandes/{rights.pk}/effacement/",
        {"reason": "Demande justifiée", "confirm": "on"},
        follow=True,
    )
    assert "Effacement fait" in response.content.decode()
    assert Employee.objects.get(pk=world.member.pk).emergency_contact_name == ""
    rights.refresh_from_db()
    assert rights.actions[-1]["what"].startswith("Effacement : Dossier du personnel")
    response = client.post(
        f"/donnees-personnelles/demandes/{rights.pk}/reponse/",
        {"status": "answered", "answered_date": "2026-06-01", "answer": "Effacée."},
        follow=True,
    )
    assert "la demande est close" in response.content.decode()


def test_the_employee_page_explains_and_prepares_the_archive(client_for, employee_user, world):
    client = client_for(employee_user)
    page = client.get("/donnees-personnelles/mes-donnees/").content.decode()
    assert "Télécharger toutes mes données" in page
    assert "Candidats non retenus" in page
    assert "C. trav. art. R1221-26" in page
    response = client.post("/donnees-personnelles/mes-donnees/archive/", follow=True)
    assert "Votre archive est prête" in response.content.decode()
    assert "Télécharger l'archive" in response.content.decode()
    assert client.get("/donnees-personnelles/mes-donnees/archive/").status_code == 405


def test_the_menu_offers_my_data_to_those_with_a_file(client_for, employee_user, outsider, world):
    assert (
        "/donnees-personnelles/mes-donnees/" in client_for(employee_user).get("/").content.decode()
    )
    assert (
        "/donnees-personnelles/mes-donnees/" not in client_for(outsider).get("/").content.decode()
    )


def test_the_record_of_processing_activities_page_and_pdf(client_for, hr_manager, world):
    from effectif.documents.tests.helpers import assert_pdf

    client = client_for(hr_manager)
    page = client.get("/donnees-personnelles/registre-des-traitements/").content.decode()
    assert "Employeur A" in page
    assert world.employer.siren in page
    for name in ("Gestion administrative du personnel", "Recrutement", "Exercice des droits"):
        assert name in page
    assert "C. com. art. L123-22" in page
    assert "Argon2" in page
    response = client.get(
        "/donnees-personnelles/registre-des-traitements/",
        {"employeur": world.employer.pk, "format": "pdf"},
    )
    assert response["Content-Type"] == "application/pdf"
    assert_pdf(response.content, "Registre des activités de traitement", "Employeur A", "L3243-4")
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, detail="Registre des activités de traitement (PDF)"
    ).exists()
    other = client.get(
        "/donnees-personnelles/registre-des-traitements/", {"employeur": world.other_employer.pk}
    )
    assert other.status_code == 404


def test_the_schedule_page_lists_every_kind_with_its_source(client_for, hr_manager):
    from effectif.core.retention import retention

    page = client_for(hr_manager).get("/donnees-personnelles/conservation/").content.decode()
    for kind in retention.schedule():
        assert str(kind.label).replace("'", "&#x27;") in page
    assert "délibération n° 2021-122" in page

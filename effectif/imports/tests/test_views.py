"""The pages of the import, for each role: upload, preview, confirm, cancel, result, downloads."""

from __future__ import annotations

import csv
import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from effectif.contracts.models import Contract
from effectif.core.cells import normalise
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.imports.models import ImportBatch, ImportStatus
from effectif.imports.services import import_upload
from effectif.imports.tests.files import csv_bytes, person_row
from effectif.imports.views import employee_url
from effectif.organisation.tests.factories import EmployerFactory, grant

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page as the user reads it (entities decoded)."""
    return html.unescape(response.content.decode())


def post_file(client, employer, rows, name="salaries.csv", **extra):
    upload = SimpleUploadedFile(name, csv_bytes(rows), content_type="text/csv")
    return client.post(reverse("imports:start"), {"employer": employer.pk, "file": upload, **extra})


@pytest.fixture
def batch(hr, employer, establishment):
    upload = SimpleUploadedFile("salaries.csv", csv_bytes([person_row(establishment.siret, 1)]))
    return import_upload(employer=employer, upload=upload, by=hr)


def batch_urls(batch):
    return [
        ("get", reverse("imports:preview", args=[batch.pk])),
        ("get", reverse("imports:result", args=[batch.pk])),
        ("get", reverse("imports:errors_export", args=[batch.pk, "csv"])),
        ("post", reverse("imports:confirm", args=[batch.pk])),
        ("post", reverse("imports:cancel", args=[batch.pk])),
    ]


# --- Access --------------------------------------------------------------------------------


@pytest.mark.parametrize("role_fixture", ["hr_manager", "hr_assistant", "admin_user"])
def test_hr_roles_granted_an_employer_get_the_import_page(
    request, client_for, employer, establishment, role_fixture
):
    user = request.getfixturevalue(role_fixture)
    grant(user, employer)
    response = client_for(user).get(reverse("imports:start"))
    assert response.status_code == 200
    page = text(response)
    assert "Importer des salariés et leurs contrats" in page
    assert reverse("imports:template", args=["xlsx"]) in page
    assert "Salaire brut mensuel" in page  # the help lists the columns
    assert employer.name in page


@pytest.mark.parametrize("role_fixture", ["manager_user", "employee_user", "outsider"])
def test_other_roles_and_hr_without_grant_are_refused(
    request, client_for, employer, establishment, role_fixture
):
    user = request.getfixturevalue(role_fixture)
    client = client_for(user)
    assert client.get(reverse("imports:start")).status_code == 403
    assert client.get(reverse("imports:template", args=["csv"])).status_code == 403
    response = post_file(client, employer, [person_row(establishment.siret, 1)])
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("imports:start"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_hr_cannot_upload_into_an_employer_not_granted(client_for, hr, establishment):
    other = EmployerFactory()
    response = post_file(client_for(hr), other, [person_row(establishment.siret, 1)])
    assert response.status_code == 404
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    "role_fixture", ["hr_manager", "manager_user", "employee_user", "outsider"]
)
def test_a_batch_is_seen_by_its_author_only(request, client_for, batch, employer, role_fixture):
    user = request.getfixturevalue(role_fixture)
    if role_fixture == "hr_manager":
        grant(user, employer)  # even HR of the same employer
    client = client_for(user)
    for method, url in batch_urls(batch):
        assert getattr(client, method)(url).status_code == 404, url
    batch.refresh_from_db()
    assert batch.status == ImportStatus.ANALYSED
    assert not Employee.objects.exists()


def test_the_author_loses_the_batch_with_the_grant(client_for, hr, batch, employer):
    hr.granted_employers.remove(employer)
    for method, url in batch_urls(batch):
        assert getattr(client_for(hr), method)(url).status_code == 404, url


def test_confirm_and_cancel_need_a_post(client_for, hr, batch):
    client = client_for(hr)
    assert client.get(reverse("imports:confirm", args=[batch.pk])).status_code == 405
    assert client.get(reverse("imports:cancel", args=[batch.pk])).status_code == 405


# --- Templates -----------------------------------------------------------------------------


def test_templates_download_with_headers_and_an_example_row(client_for, hr, establishment):
    client = client_for(hr)
    response = client.get(reverse("imports:template", args=["csv"]))
    assert response.status_code == 200
    assert 'filename="modele-import-salaries.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffMatricule;SIRET établissement;")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 2
    assert establishment.siret in rows[1]

    response = client.get(reverse("imports:template", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Salariés"]
    assert sheet["A1"].value == "Matricule"
    assert sheet["B2"].value == establishment.siret
    assert workbook["Aide"]["A2"].value == "Matricule"
    assert workbook["Listes"].sheet_state == "hidden"


def test_the_templates_import_cleanly(hr, employer, establishment, client_for):
    """The example row of each template is a valid row for the user's employer."""
    client = client_for(hr)
    for fmt in ("csv", "xlsx"):
        content = client.get(reverse("imports:template", args=[fmt])).content
        batch = import_upload(
            employer=employer, upload=SimpleUploadedFile(f"modele.{fmt}", content), by=hr
        )
        assert batch.errors == []
        assert batch.contracts_to_create == 1


# --- The walk: upload, preview, confirm ---------------------------------------------------


def test_upload_with_errors_shows_them_by_row_and_column(client_for, hr, employer, establishment):
    client = client_for(hr)
    rows = [
        person_row(establishment.siret, 1),
        person_row(establishment.siret, 2, **{"Date de début": "31/02/2025"}),
    ]
    response = post_file(client, employer, rows)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:preview", args=[batch.pk])
    page = text(client.get(response["Location"]))
    assert "1 erreur à corriger, sur 1 ligne." in page
    assert "Date de début" in page
    assert "« 31/02/2025 » n'est pas une date qui existe" in page
    assert "Confirmer l'import" not in page
    assert "Déposer le fichier corrigé" in page
    response = client.post(reverse("imports:confirm", args=[batch.pk]), follow=True)
    assert "rien n'a été importé" in text(response)
    assert not Employee.objects.exists()


def test_invalid_upload_form(client_for, hr, employer):
    client = client_for(hr)
    response = client.post(
        reverse("imports:start"),
        {"employer": employer.pk, "file": SimpleUploadedFile("ancien.xls", b"\xd0\xcf\x11\xe0")},
    )
    assert response.status_code == 200
    assert "Le format .xls (Excel 97-2003) n'est pas lu" in text(response)
    response = client.post(
        reverse("imports:start"),
        {"employer": employer.pk, "file": SimpleUploadedFile("photo.png", b"\x89PNG")},
    )
    assert "Déposez un classeur .xlsx ou un fichier .csv" in text(response)
    assert not ImportBatch.objects.exists()


def test_fixed_file_replaces_the_batch_then_confirm_and_result(
    client_for, hr, employer, establishment
):
    client = client_for(hr)
    bad = [person_row(establishment.siret, 1, NIR="290047505600112")]
    post_file(client, employer, bad)
    first = ImportBatch.objects.get()
    fixed = [person_row(establishment.siret, n) for n in (1, 2)]
    response = post_file(client, employer, fixed, name="corrige.csv", replaces=first.pk)
    second = ImportBatch.objects.exclude(pk=first.pk).get()
    first.refresh_from_db()
    assert first.status == ImportStatus.CANCELLED
    page = text(client.get(response["Location"]))
    assert "Aucune erreur : le fichier est prêt à être importé." in page
    assert "Confirmer l'import (2 contrats)" in page
    assert "DURAND1 Élise" in page  # the sample of rows

    response = client.post(reverse("imports:confirm", args=[second.pk]))
    assert response["Location"] == reverse("imports:result", args=[second.pk])
    page = text(client.get(response["Location"]))
    assert "Import terminé" in page
    assert "DURAND2 Élise" in page
    assert Employee.objects.filter(employer=employer).count() == 2
    assert Contract.objects.count() == 2
    assert AuditEntry.objects.filter(action=AuditAction.IMPORT).count() == 1
    # A confirmed batch goes to its result; it can no more be confirmed or cancelled.
    assert client.get(reverse("imports:preview", args=[second.pk]))["Location"] == reverse(
        "imports:result", args=[second.pk]
    )
    client.post(reverse("imports:confirm", args=[second.pk]))
    assert Contract.objects.count() == 2
    # The history lists both batches.
    page = text(client.get(reverse("imports:start")))
    assert "corrige.csv" in page
    assert "Annulé" in page


def test_cancel(client_for, hr, batch):
    response = client_for(hr).post(reverse("imports:cancel", args=[batch.pk]), follow=True)
    assert "Import annulé : rien n'a été enregistré." in text(response)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CANCELLED


def test_errors_download(client_for, hr, employer, establishment):
    client = client_for(hr)
    post_file(client, employer, [person_row(establishment.siret, 1, IBAN="FR00")])
    batch = ImportBatch.objects.get()
    response = client.get(reverse("imports:errors_export", args=[batch.pk, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == "Ligne;Colonne;Lettre;Valeur lue;Erreur"
    assert text.splitlines()[1].startswith("2;IBAN;H;FR00;")
    response = client.get(reverse("imports:errors_export", args=[batch.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B2"].value == "IBAN"


def test_result_links_to_the_created_files(client_for, hr, employer, establishment):
    client = client_for(hr)
    post_file(client, employer, [person_row(establishment.siret, n) for n in (1, 2)])
    batch = ImportBatch.objects.get()
    client.post(reverse("imports:confirm", args=[batch.pk]))
    page = text(client.get(reverse("imports:result", args=[batch.pk])))
    for employee in Employee.objects.all():
        assert employee.display_name in page
        url = employee_url(employee.pk)
        if url is not None:  # the personnel app's page of the file
            assert f'href="{url}"' in page
    assert "CDI" in page


def test_navigation_entry_for_hr_only(client_for, hr, manager_user, employer):
    url = reverse("imports:start")
    assert f'href="{url}"' in text(client_for(hr).get(reverse("imports:start")))
    grant(manager_user, employer)
    EmployeeFactory(employer=employer, user=manager_user)
    page = text(client_for(manager_user).get(reverse("dashboards:home")))
    assert f'href="{url}"' not in page
    assert normalise("Importer des salariés") not in normalise(page)

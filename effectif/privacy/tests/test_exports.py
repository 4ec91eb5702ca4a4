"""The archive of a person's data: what it holds, who may download it, and its task."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import override_settings

from effectif.core.models import AuditAction, AuditEntry
from effectif.privacy.models import DataExport, ExportStatus
from effectif.privacy.services.exports import build_archive, export_request
from effectif.privacy.tests.conftest import PDF

pytestmark = pytest.mark.django_db


def _archive(export: DataExport) -> zipfile.ZipFile:
    export.refresh_from_db()
    assert export.status == ExportStatus.READY, export.error
    with export.file.open("rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def test_the_archive_holds_a_json_file_per_kind_and_the_files(gone, hr_manager):
    export = export_request(employee=gone.employee, by=hr_manager)
    archive = _archive(export)
    names = set(archive.namelist())
    assert {
        "dossier.json",
        "contrats.json",
        "conges.json",
        "temps_de_travail.json",
        "deplacements.json",
        "sante_au_travail.json",
        "departs.json",
        "documents_generes.json",
        "embauche.json",
        "compte.json",
        "agenda.json",
        "journal_d_audit.json",
        "demandes_de_droits.json",
        "LISEZMOI.txt",
    } <= names
    document = f"documents/{gone.document.pk}-cni.pdf"
    assert document in names
    assert archive.read(document) == PDF
    receipts = [n for n in names if n.startswith("justificatifs/")]
    assert len(receipts) == 1
    assert archive.read(receipts[0]) == PDF
    file = json.loads(archive.read("dossier.json"))
    assert file["dossier"]["last_name"] == "Ancienne"
    assert file["dossier"]["family_status"] == "Marié(e)"
    assert file["dossier"]["birth_date"] == "1990-04-02"
    assert file["documents"][0]["fichier"] == document
    contracts = json.loads(archive.read("contrats.json"))
    assert contracts[0]["versions"][0]["monthly_gross_amount"] == "2200.00"
    leave = json.loads(archive.read("conges.json"))
    assert leave["demandes"][0]["comment"] == "Mariage de ma sœur"
    visits = json.loads(archive.read("sante_au_travail.json"))
    assert visits[0]["outcome"] == "Apte"
    travel = json.loads(archive.read("deplacements.json"))
    assert travel["notes_de_frais"][0]["reference"] == "NF-Ancienne"
    assert travel["lignes"][0]["merchant"] == "Brasserie du Parc"
    audit = json.loads(archive.read("journal_d_audit.json"))
    assert any(e["detail"] == "Adresse de Ancienne corrigée" for e in audit)
    readme = archive.read("LISEZMOI.txt").decode()
    assert "ANCIENNE Léa" in readme
    assert "Candidats non retenus : 2 ans après le dernier contact" in readme
    assert "CNIL" in readme
    assert export.file_count == 2


def test_one_archive_at_a_time_and_a_second_build_does_nothing(world, employee_user, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    first = export_request(employee=world.member, by=employee_user)
    assert first.status == ExportStatus.PENDING
    assert first.task_id
    assert export_request(employee=world.member, by=employee_user) == first
    assert build_archive(first.pk) == ExportStatus.READY
    assert build_archive(first.pk) == "ignored"
    assert DataExport.objects.count() == 1
    assert AuditEntry.objects.filter(
        action=AuditAction.EXPORT, employee_id=world.member.pk
    ).exists()


def test_a_lost_file_is_named_in_the_archive(gone, hr_manager):
    gone.document.file.storage.delete(gone.document.file.name)
    archive = _archive(export_request(employee=gone.employee, by=hr_manager))
    readme = archive.read("LISEZMOI.txt").decode()
    assert "Fichiers introuvables" in readme
    assert f"documents/{gone.document.pk}-cni.pdf" in readme


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_page_shows_the_state_while_the_task_runs(client_for, employee_user, world):
    client = client_for(employee_user)
    response = client.post("/donnees-personnelles/mes-donnees/archive/", follow=True)
    page = response.content.decode()
    assert "Votre archive est en préparation" in page
    export = DataExport.objects.get(employee=world.member)
    assert f'hx-get="/donnees-personnelles/archives/{export.pk}/etat/"' in page
    assert "En attente" in page
    build_archive(export.pk)
    fragment = client.get(f"/donnees-personnelles/archives/{export.pk}/etat/").content.decode()
    assert "Télécharger l'archive" in fragment
    assert "hx-get" not in fragment


def test_download_by_the_person_and_by_hr_in_scope_only(
    client_for, employee_user, hr_manager, manager_user, outsider, admin_user, world
):
    export = export_request(employee=world.member, by=employee_user)
    url = f"/donnees-personnelles/archives/{export.pk}/telecharger/"
    response = client_for(employee_user).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None
    assert client_for(hr_manager).get(url).status_code == 200
    assert client_for(admin_user).get(url).status_code == 200
    for user in (manager_user, outsider):
        assert client_for(user).get(url).status_code == 404
    downloads = AuditEntry.objects.filter(
        action=AuditAction.EXPORT, detail__startswith="Archive de données personnelles téléchargée"
    )
    assert downloads.count() == 3

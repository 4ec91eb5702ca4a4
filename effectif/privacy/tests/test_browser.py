"""In the browser: an employee downloads all their data from « Mes données »; HR records an
erasure request, erases what may go, and answers it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from effectif.core.testing import browser_login
from effectif.employees.models import Employee
from effectif.privacy.models import RightsRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_downloads_all_their_data(page, world, employee_user):
    browser_login(page, employee_user.username)
    page.get_by_role("link", name="Mes données").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Mes données").is_visible()
    assert page.get_by_text("Candidats non retenus").is_visible()
    page.get_by_role("button", name="Préparer mon archive").click()
    page.wait_for_load_state()
    assert page.get_by_text("Votre archive est prête").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger l'archive").click()
    download = download_info.value
    assert download.suggested_filename.startswith("donnees-")
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    file = json.loads(archive.read("dossier.json"))
    assert file["dossier"]["matricule"] == world.member.matricule
    assert "LISEZMOI.txt" in archive.namelist()


def test_hr_handles_an_erasure_request(page, world, hr_manager):
    Employee.objects.filter(pk=world.member.pk).update(
        emergency_contact_name="Paul Martin", address="3 rue Haute"
    )
    browser_login(page, hr_manager.username)
    page.get_by_role("link", name="Demandes de droits").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Nouvelle demande").click()
    page.wait_for_load_state()
    page.get_by_label("Personne concernée").select_option(
        label=f"{world.member.display_name} — {world.employer.name}"
    )
    page.get_by_label("Droit exercé").select_option(label="Effacement (art. 17)")
    page.get_by_label("Reçue le").fill("2026-05-28")
    page.get_by_label("Objet de la demande").fill("Effacez la personne à prévenir.")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("réponse due au plus tard le 28/06/2026").is_visible()
    assert page.get_by_role("heading", name="Demande d'effacement").is_visible()

    page.goto(f"{page.base_url}/echeancier/")
    title = f"Demande d'effacement de {world.member.display_name}, reçue le 28/05/2026"
    page.get_by_role("link", name=title).click()
    page.wait_for_load_state()

    assert page.get_by_text("Personne à prévenir et niveau de formation").is_visible()
    page.get_by_label("Motif de l'effacement").fill("Demande justifiée (art. 17)")
    page.get_by_label("Je confirme l'effacement : il est définitif.").check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Effacer ce qui peut l'être").click()
    page.wait_for_load_state()
    assert page.get_by_text("Effacement fait").is_visible()
    person = Employee.objects.get(pk=world.member.pk)
    assert person.emergency_contact_name == ""
    assert person.address == "3 rue Haute"

    page.get_by_label("Réponse donnée à la personne").fill(
        "La personne à prévenir est effacée ; le reste du dossier est gardé 5 ans après le départ."
    )
    page.get_by_role("button", name="Enregistrer la réponse").click()
    page.wait_for_load_state()
    assert page.get_by_text("la demande est close").is_visible()
    assert RightsRequest.objects.get().answered_by == hr_manager

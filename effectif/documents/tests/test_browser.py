"""HR in the browser: edit a template with its live preview, generate the PDF for an employee,
file it in the personnel file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from effectif.core.testing import browser_login
from effectif.documents.models import GeneratedDocument
from effectif.documents.tests.helpers import assert_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_edits_a_template_previews_generates_and_files_the_pdf(page, world, hr_manager):
    browser_login(page, hr_manager.username)
    page.get_by_role("link", name="Modèles de documents").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Nouveau modèle").click()
    page.wait_for_load_state()

    page.get_by_label("Employeur").select_option(str(world.employer.pk))
    page.get_by_label("Type de document").select_option("autre")
    page.get_by_label("Nom du modèle").fill("Note au salarié")
    body = page.get_by_label("Contenu")
    body.fill("<h1>Note</h1>\n<p>Bonjour ")
    body.press("End")
    page.locator("#merge-fields").get_by_role("button", name="salarie.prenoms").click()
    body.press("End")
    body.type(", objet : {{ saisie.objet_de_la_note }}.</p>")
    preview = page.frame_locator("iframe.document-preview")
    # The live preview shows the sample employee and the field left to type at generation.
    preview.get_by_text("Bonjour Camille, objet :").wait_for()
    assert page.locator("#preview").get_by_text("objet de la note").is_visible()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("Modèle « Note au salarié » créé.").is_visible()

    page.goto(f"{page.base_url}/salaries/{world.member.pk}/")
    page.get_by_role("link", name="Générer un document").click()
    page.wait_for_load_state()
    page.get_by_label("Modèle de document").select_option(label="Note au salarié")
    page.get_by_role("button", name="Afficher l'aperçu").click()
    page.wait_for_load_state()
    preview = page.frame_locator("iframe.document-preview")
    assert preview.get_by_text("Employeur A").first.is_visible()
    assert preview.get_by_text("[à compléter : objet de la note]").is_visible()
    page.get_by_label("Objet de la note").fill("horaires d'été")
    page.get_by_role("button", name="Mettre à jour l'aperçu").click()
    page.wait_for_load_state()
    preview = page.frame_locator("iframe.document-preview")
    preview.get_by_text(re.compile("objet : horaires d'été")).wait_for()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert_pdf(Path(download.path()).read_bytes(), "NOTE", "horaires d'été", "Employeur A")

    page.get_by_role("button", name="Enregistrer dans le dossier").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("est enregistré dans le dossier du salarié")).is_visible()
    title = GeneratedDocument.objects.get(employee=world.member).title
    assert page.get_by_role("link", name=title).first.is_visible()

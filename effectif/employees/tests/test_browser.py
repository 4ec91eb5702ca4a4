"""The main paths of the personnel file, walked in Chromium as a user would."""

from __future__ import annotations

import re

import pytest

from effectif.core.testing import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_finds_a_file_reveals_sensitive_data_and_fixes_a_wrong_nir(page, world, hr_manager):
    browser_login(page, hr_manager.username)
    page.get_by_role("link", name="Salariés").first.click()
    page.get_by_label("Nom ou matricule").fill(world.member.matricule)
    page.get_by_label("Nom ou matricule").press("Enter")
    page.wait_for_load_state("networkidle")
    results = page.locator("#results")
    assert results.get_by_text(world.member.display_name).is_visible()
    assert results.get_by_text(world.colleague.display_name).count() == 0

    results.get_by_role("link", name=world.member.display_name).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=world.member.display_name).is_visible()
    page.locator("#sensitive-card").get_by_role("link", name="Afficher").click()
    page.wait_for_selector("text=consultation enregistrée")
    assert (
        page.locator("#sensitive-card").get_by_text(world.member.nir[:1], exact=False).count() > 0
    )

    page.get_by_role("link", name="Modifier le dossier").click()
    page.wait_for_load_state()
    nir = page.get_by_label("NIR (n° de sécurité sociale)")
    nir.fill("2 90 04 69 123 030 00")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("La clé du NIR est incorrecte")).is_visible()
    assert nir.get_attribute("aria-invalid") == "true"
    nir.fill(world.member.nir)
    page.get_by_label("Commune").fill("Colmar")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("Dossier enregistré.").is_visible()
    page.get_by_role("link", name="Historique").click()
    page.wait_for_load_state()
    assert page.get_by_text("Colmar").is_visible()


def test_hr_records_a_cdd_and_sees_it_on_the_file(page, world, hr_manager):
    from effectif.employees.tests.factories import EmployeeFactory

    newcomer = EmployeeFactory(employer=world.employer, last_name="Nouvelle")
    browser_login(page, hr_manager.username)
    page.goto(f"{page.base_url}/salaries/{newcomer.pk}/")
    page.get_by_role("link", name="Nouveau contrat").click()
    page.wait_for_load_state()
    page.get_by_label("Nature du contrat").select_option("cdd")
    page.get_by_label("Date de début").fill("2026-03-02")
    page.get_by_role("button", name="Enregistrer le contrat").click()
    page.wait_for_load_state()
    assert page.get_by_text("Le contrat n'a pas été enregistré").is_visible()
    assert page.get_by_text(re.compile("doit indiquer son motif précis de recours")).is_visible()

    page.get_by_label("Date de fin").fill("2026-08-31")
    page.get_by_label("Motif de recours").select_option("accroissement")
    page.get_by_label("Établissement").select_option(str(world.establishment.pk))
    page.get_by_label("Emploi occupé").fill("Préparatrice de commandes")
    page.get_by_label("Catégorie").select_option("ouvrier")
    page.get_by_label("Temps de travail").select_option("temps_plein")
    page.get_by_label("Salaire de base mensuel brut").fill("1 950,00")
    page.get_by_role("button", name="Enregistrer le contrat").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("Contrat n° 001 enregistré")).is_visible()
    # L1242-10: 183 days (≤ 6 months) → 26 weeks → 26 days, capped at 2 weeks: 02/03 to 15/03.
    assert page.get_by_text("jusqu'au 15/03/2026").is_visible()


def test_employee_sees_only_their_file_and_asks_for_a_change(page, world, employee_user):
    browser_login(page, employee_user.username)
    page.get_by_role("link", name="Mon dossier").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=world.member.display_name).is_visible()
    page.get_by_role("link", name="Demander une modification").click()
    page.wait_for_load_state()
    page.get_by_label("Commune").fill("Nancy")
    page.get_by_label("Code postal").fill("54000")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("Votre demande est transmise aux RH").is_visible()
    response = page.goto(f"{page.base_url}/salaries/{world.colleague.pk}/")
    assert response is not None
    assert response.status == 404

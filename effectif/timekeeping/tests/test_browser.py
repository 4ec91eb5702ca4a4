"""The main path of working time in Chromium: the employee declares a week with overtime, the
manager validates it, HR finds the overtime in the month's variable elements."""

from __future__ import annotations

import pytest

from effectif.core.testing import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page) -> None:
    page.get_by_role("button", name="Déconnexion").click()
    page.wait_for_load_state()


def test_declared_overtime_reaches_the_variable_elements(
    page, world, employee_user, manager_user, hr_manager
):
    browser_login(page, employee_user.username)
    page.get_by_role("link", name="Mes heures").first.click()
    page.goto(f"{page.base_url}/temps/mes-heures/?semaine=2026-03-02")
    page.get_by_role("link", name="Reprendre l'horaire prévu").click()
    page.wait_for_load_state()
    # The legal week (09:00–12:00, 13:00–17:00) with Monday until 19:00 and Tuesday until
    # 20:00: 35 h + 2 h + 3 h = 40 h, that is 5 h of overtime at 25 %.
    page.get_by_label("Lundi — Sortie 2").fill("19:00")
    page.get_by_label("Mardi — Sortie 2").fill("20:00")
    page.get_by_role("button", name="Enregistrer et envoyer pour validation").click()
    page.wait_for_load_state()
    assert page.get_by_text("Semaine envoyée à votre responsable pour validation.").is_visible()
    _logout(page)

    browser_login(page, manager_user.username)
    page.get_by_role("link", name="Heures à valider").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=world.member.display_name).click()
    page.wait_for_load_state()
    hours = page.locator(".dl-grid")
    assert hours.get_by_text("40,00 h").is_visible()
    assert hours.get_by_text("5,00 h").is_visible()
    page.get_by_role("button", name="Valider la semaine").click()
    page.wait_for_load_state()
    assert page.get_by_text("Semaine validée.").is_visible()
    _logout(page)

    browser_login(page, hr_manager.username)
    page.get_by_role("link", name="Éléments variables de paie").click()
    page.wait_for_load_state()
    page.get_by_label("Employeur").select_option(str(world.employer.pk))
    page.get_by_label("Mois de paie").fill("2026-03")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_load_state()
    row = page.get_by_role("row").filter(has_text=world.member.display_name)
    assert row.get_by_role("cell").nth(2).inner_text() == "5,00"  # overtime at 25 %
    assert row.get_by_role("cell").nth(1).inner_text() == "40,00"

"""The month's payroll in the browser, from the elements to the closing: HR open the period,
enter a bonus, compute (the worker's progress bar, then the payslips), accept a warning, mark
the period checked; the payroll lead validates and closes; the employee reads the payslip."""

from __future__ import annotations

import re

import pytest

from effectif.core.testing import browser_login
from effectif.payroll.models import PayrollPeriod, Payslip, PeriodStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_month_from_elements_to_closing(
    page, browser, live_server, world, hr_manager, employee_user
):
    for person in (world.member, world.colleague, world.manager_file):
        person.iban = "FR7630006000011234567890189"
        person.save()
    browser_login(page, hr_manager.username)
    page.goto(page.base_url + "/paie/")
    page.get_by_role("link", name="Ouvrir une période").click()
    page.get_by_label("Mois").fill("2026-05")
    page.get_by_label("Date de paiement").fill("2026-05-29")
    page.get_by_label("Date limite des éléments variables").fill("2026-05-20")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(re.compile(r"/paie/\d+/$"))
    period = PayrollPeriod.objects.get()

    page.get_by_role("link", name="Éléments variables", exact=True).click()
    page.get_by_label("Salarié").select_option(label=str(world.member))
    page.get_by_label("Élément").select_option(value="PRIME")
    page.get_by_label("Montant (€)").fill("300")
    page.get_by_role("button", name="Ajouter").click()
    page.get_by_text("Élément ajouté.").wait_for()

    page.get_by_role("link", name="Bulletins", exact=True).click()
    page.get_by_role("button", name="Calculer la paie").click()
    page.get_by_text("Calcul lancé").wait_for()
    page.get_by_role("link", name=world.member.display_name).wait_for()
    assert Payslip.objects.filter(period=period).count() == 3
    page.screenshot(path="var/screenshots/payroll-period.png", full_page=True)

    page.get_by_role("link", name=re.compile("Anomalies")).click()
    warnings = page.locator("form:has(input[name=comment])")
    assert warnings.count() == 3  # the neutral withholding rate of each person
    while warnings.count():
        warnings.first.locator("input[name=comment]").fill("Taux notifié attendu.")
        warnings.first.get_by_role("button", name="Prendre en compte").click()
        page.get_by_text("Anomalie prise en compte.").wait_for()
    page.get_by_role("link", name="Bulletins", exact=True).click()
    page.get_by_role("button", name="Marquer comme contrôlée").click()
    page.get_by_role("button", name="Valider la paie").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clore la période").click()
    page.get_by_text("Période close").first.wait_for()
    period.refresh_from_db()
    assert period.status == PeriodStatus.CLOSED

    page.get_by_role("link", name=world.member.display_name).click()
    page.get_by_text("Net payé").first.wait_for()
    page.screenshot(path="var/screenshots/payroll-payslip.png", full_page=True)

    context = browser.new_context(locale="fr-FR")
    own = context.new_page()
    own.base_url = live_server.url
    browser_login(own, employee_user.username)
    own.goto(own.base_url + "/paie/mes-bulletins/")
    own.get_by_role("link", name="Mai 2026").click()
    assert "300,00" in own.content()
    context.close()

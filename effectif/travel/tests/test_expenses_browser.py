"""The main path of an expense report, walked in Chromium: the employee declares a restaurant
meal above the URSSAF limit with its receipt and submits; the manager sees the anomaly and
reduces the line with a comment; HR check the report, choose a SEPA transfer and generate the
batch."""

from __future__ import annotations

import re

import pytest

from effectif.core.testing import browser_login
from effectif.travel.models import ExpenseReport, ExpenseStatus, LineDecision, PaymentBatch
from effectif.travel.tests.browsing import login_as, shot
from effectif.travel.tests.builders import DAY, PDF, give_accounts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_report_from_the_receipt_to_the_sepa_batch(
    page, world, employee_user, manager_user, hr_manager
):
    give_accounts(world)
    page.on("dialog", lambda dialog: dialog.accept())

    browser_login(page, employee_user.username)
    page.get_by_role("link", name="Mes notes de frais").first.click()
    page.get_by_role("link", name="Nouvelle note de frais").click()
    page.get_by_label("Intitulé").fill("Rendez-vous client à Lyon")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=re.compile("Rendez-vous client")).is_visible()

    page.get_by_role("link", name="Ajouter une dépense").click()
    page.get_by_label("Date").fill(DAY.isoformat())
    page.get_by_label("Fournisseur").fill("Brasserie des Arts")
    page.get_by_label("Montant TTC (€)").fill("34,50")
    page.get_by_label("Justificatif (PDF, PNG ou JPEG)").set_input_files(
        files=[{"name": "ticket.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    shot(page, "frais-saisie")
    page.get_by_role("button", name="Enregistrer la dépense").click()
    page.locator("tbody[id^=line-]", has_text="Brasserie des Arts").wait_for()
    page.get_by_role("button", name="Soumettre à mon manager").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "En attente du manager"
    report = ExpenseReport.objects.get()
    line = report.lines.get()
    assert line.receipt

    login_as(page, manager_user.username)
    page.goto(page.base_url + report.get_absolute_url())
    anomaly = page.locator(".anomaly", has_text="au-delà de la limite URSSAF de 21,40")
    assert anomaly.is_visible()
    shot(page, "frais-anomalie")
    page.locator(f"#id_l{line.pk}-decision").select_option("reduite")
    page.locator(f"#id_l{line.pk}-accepted_amount").fill("21,40")
    page.locator(f"#id_l{line.pk}-comment").fill("Ramené à la limite URSSAF du repas")
    page.locator(f"#line-{line.pk}").get_by_role("button", name=re.compile("Enregistrer")).click()
    page.locator(f"#line-{line.pk}").get_by_text("Enregistré").wait_for()
    assert page.locator(f"#line-{line.pk}").get_by_text("Réduite : 21,40").is_visible()
    page.get_by_role("button", name="Valider la note").click()
    page.wait_for_load_state()
    assert page.locator("#report-status").inner_text() == "En attente du contrôle"
    line.refresh_from_db()
    assert line.decision == LineDecision.REDUCED

    login_as(page, hr_manager.username)
    page.goto(page.base_url + report.get_absolute_url())
    page.get_by_role("button", name="Valider le contrôle").click()
    page.wait_for_load_state()
    assert page.locator("#payable").inner_text() == "21,40\u00a0€"
    page.get_by_role("link", name="Choisir le remboursement").click()
    row = page.locator(f"#report-{report.pk}")
    row.get_by_label("Mode de remboursement").select_option("virement")
    row.get_by_role("button", name=re.compile("Enregistrer")).click()
    page.wait_for_load_state()
    page.get_by_label(re.compile(report.reference)).check()
    page.get_by_role("button", name="Générer le fichier de virements").click()
    page.wait_for_load_state()
    assert page.get_by_text("Remise").first.is_visible()
    shot(page, "frais-virements")
    batch = PaymentBatch.objects.get()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(f"pain.001 {batch.message_id}")).click()
    assert download.value.suggested_filename == f"{batch.message_id}.xml"
    report.refresh_from_db()
    assert report.status == ExpenseStatus.REIMBURSED
    assert batch.total_amount == report.payable_amount

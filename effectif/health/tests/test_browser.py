"""HR in the browser: a new hire's VIP is due; HR plans it, generates and files the convocation,
records « apte »; the visit leaves the HR to-do."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone

from effectif.contracts.tests.factories import hire
from effectif.core.testing import browser_login
from effectif.documents.models import GeneratedDocument
from effectif.documents.tests.helpers import assert_pdf
from effectif.employees.tests.factories import EmployeeFactory
from effectif.health.models import MedicalVisit, Status
from effectif.health.tests.factories import HealthServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_plans_a_new_hire_vip_sends_the_convocation_and_records_fit(page, world, hr_assistant):
    service = HealthServiceFactory(
        name="SPST du Rhône", address="10 quai du Rhône, 69007 Lyon", phone="04 72 00 00 01"
    )
    world.establishment.health_service = service
    world.establishment.save()
    today = timezone.localdate()
    start = today - dt.timedelta(days=45)  # the VIP falls within the to-do's 60 days
    newcomer = EmployeeFactory(
        employer=world.employer,
        department=world.team,
        last_name="Nouvelle",
        first_names="Inès",
        address="3 rue des Lilas",
        postal_code="69003",
        city="Lyon",
    )
    hire(newcomer, start=start, establishment=world.establishment)
    name = newcomer.display_name

    browser_login(page, hr_assistant.username)
    page.get_by_role("link", name="Visites médicales").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Recalculer les échéances").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("Échéances recalculées")).is_visible()
    row = page.get_by_role("row").filter(has_text=name)
    assert row.get_by_text("Visite d'information et de prévention").is_visible()
    assert row.get_by_text("À planifier").locator("visible=true").is_visible()

    page.goto(f"{page.base_url}/echeancier/")
    deadline_title = f"Visite d'information et de prévention — {name}"
    assert page.get_by_role("link", name=deadline_title).is_visible()
    page.get_by_role("link", name=deadline_title).click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Planifier").click()
    page.wait_for_load_state()
    visit_day = today + dt.timedelta(days=7)
    page.get_by_label("Date de la visite").fill(visit_day.isoformat())
    page.get_by_label("Heure").fill("09:30")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_text("Visite planifiée. Générez maintenant la convocation.").is_visible()
    assert page.get_by_text("9 h 30").is_visible()

    page.get_by_role("link", name="Générer la convocation").click()
    page.wait_for_load_state()
    preview = page.frame_locator("iframe.document-preview")
    preview.get_by_text(re.compile("visite d'information et de prévention")).wait_for()
    assert preview.get_by_text("SPST du Rhône").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert_pdf(pdf, "convocation", "9 h 30", "SPST du Rhône", "Inès")
    page.get_by_role("button", name="Enregistrer dans le dossier").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("est enregistré dans le dossier du salarié")).is_visible()
    filed = GeneratedDocument.objects.get(subject_type="visite")
    assert page.get_by_role("link", name=filed.title, exact=True).is_visible()

    page.get_by_role("link", name="Enregistrer l'avis").click()
    page.wait_for_load_state()
    assert page.get_by_role("note").get_by_text(re.compile("jamais de diagnostic")).is_visible()
    page.get_by_label("Date de la visite").fill(today.isoformat())
    page.get_by_label("Apte", exact=True).check()
    page.get_by_role("button", name="Enregistrer l'avis").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("Avis enregistré : apte")).is_visible()
    assert page.locator("#visit-status").get_by_text("Réalisée").is_visible()
    assert MedicalVisit.objects.get(employee=newcomer).status == Status.DONE

    page.goto(f"{page.base_url}/echeancier/")
    assert page.get_by_role("link", name=deadline_title).count() == 0

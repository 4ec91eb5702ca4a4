"""The main path of a departure, walked in Chromium: HR starts a dismissal, a convocation too
close to the interview is refused, fixed; the contract ends, the certificat de travail is
generated and filed, and the file closes."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from effectif.core.testing import browser_login
from effectif.departures.models import Departure, Status
from effectif.documents.defaults import install_defaults
from effectif.documents.models import DocumentTemplate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("EFFECTIF_SCREENSHOTS")  # a folder to keep screenshots in, if set


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _monday_weeks_ago(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks)


def test_hr_dismisses_for_gross_misconduct_and_closes_the_file(page, world, hr_manager):
    install_defaults(DocumentTemplate)
    convocation = _monday_weeks_ago(6)
    too_soon = convocation + timedelta(days=3)  # Thursday: within the 5 jours ouvrables
    interview = convocation + timedelta(days=9)  # Wednesday of the next week
    notification = interview + timedelta(days=6)
    page.on("dialog", lambda dialog: dialog.accept())
    browser_login(page, hr_manager.username)

    page.get_by_role("link", name="Départs").first.click()
    page.get_by_role("link", name="Engager un départ").click()
    page.get_by_label("Salarié et contrat").select_option(str(world.contract.pk))
    page.get_by_label("Motif du départ").select_option("licenciement_faute_grave")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=re.compile("faute grave")).is_visible()

    page.get_by_label("Présentation de la convocation").fill(convocation.isoformat())
    page.get_by_label("Date de l'entretien").fill(too_soon.isoformat())
    page.get_by_role("button", name="Enregistrer les étapes").click()
    page.wait_for_load_state()
    error = page.locator(".invalid-feedback", has_text="L1232-2")
    assert error.is_visible()
    _shot(page, "depart-refus-entretien")

    page.get_by_label("Date de l'entretien").fill(interview.isoformat())
    page.get_by_role("button", name="Enregistrer les étapes").click()
    page.wait_for_load_state()
    assert page.get_by_text("Étapes enregistrées").is_visible()
    page.get_by_label("Date de notification", exact=True).fill(notification.isoformat())
    page.get_by_role("button", name="Enregistrer les étapes").click()
    page.wait_for_load_state()
    assert page.locator("#end-date").inner_text() == notification.strftime("%d/%m/%Y")
    _shot(page, "depart-dates")

    page.get_by_role("button", name="Terminer le contrat").click()
    page.wait_for_load_state()
    assert page.locator("#departure-status").inner_text() == "Contrat terminé"

    page.get_by_role("link", name=re.compile("Générer : Certificat de travail")).click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Enregistrer dans le dossier").click()
    page.wait_for_load_state()
    assert page.get_by_text("est enregistré dans le dossier").is_visible()

    page.get_by_role("button", name="Clore le dossier").click()
    page.wait_for_load_state()
    assert page.locator("#departure-status").inner_text() == "Dossier clos"
    _shot(page, "depart-clos")
    departure = Departure.objects.get()
    assert departure.status == Status.CLOSED
    assert departure.employee.is_closed

"""The main path of a trip request, walked in Chromium: the employee writes the request with
two stops (adding the second row on the page), compares a train and a plane (the cheapest
within policy beside the fastest), retains the train and submits; the manager approves, then
HR, which establishes the mission order, downloaded as a PDF."""

from __future__ import annotations

import re

import pytest

from effectif.core.testing import browser_login
from effectif.travel.models import Trip, TripStatus
from effectif.travel.tests.browsing import login_as, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _add_option(page, mode: str, fare: str, minutes: str) -> None:
    form = page.locator("#option-form")
    form.get_by_label("Mode").select_option(label=mode)
    form.get_by_label("Billets aller-retour par voyageur (€)").fill(fare)
    form.get_by_label("Durée aller (minutes)").fill(minutes)
    form.get_by_role("button", name="Estimer et ajouter").click()
    page.wait_for_load_state()


def test_a_trip_from_the_request_to_the_mission_order(
    page, world, employee_user, manager_user, hr_manager
):
    browser_login(page, employee_user.username)
    page.goto(page.base_url + "/deplacements/mes-deplacements/")
    page.get_by_role("link", name="Nouvelle demande").click()
    page.get_by_label("Objet de la mission").fill("Salon Pollutec : stand et clients")
    page.get_by_label(re.compile("^Lieu de départ")).fill("Lyon")
    page.get_by_label("Date de départ").fill("2026-03-12")
    page.get_by_label("Date de retour").fill("2026-03-14")
    page.get_by_label("Distance aller (km)").fill("465")
    page.get_by_label("Nuits d'hôtel").fill("2")
    page.get_by_label("Repas hors domicile").fill("4")
    page.get_by_label("Lieu de l'étape 1").fill("Paris")
    page.get_by_label("Code postal de l'étape 1").fill("75015")
    page.get_by_label("Arrivée à l'étape 1").fill("2026-03-12")
    page.get_by_label("Départ de l'étape 1").fill("2026-03-13")
    page.get_by_role("button", name="Ajouter une étape").click()
    page.get_by_label("Lieu de l'étape 2").fill("Versailles")
    page.get_by_label("Code postal de l'étape 2").fill("78000")
    page.get_by_label("Arrivée à l'étape 2").fill("2026-03-13")
    page.get_by_label("Départ de l'étape 2").fill("2026-03-14")
    shot(page, "deplacement-saisie")
    page.get_by_role("button", name="Enregistrer et ajouter les options").click()
    page.wait_for_load_state()
    trip = Trip.objects.get()
    assert [d.place for d in trip.destinations.order_by("position")] == ["Paris", "Versailles"]

    _add_option(page, "Train", "140", "120")
    _add_option(page, "Avion", "260", "75")
    train = page.locator(".option-card[data-option=train]")
    plane = page.locator(".option-card[data-option=avion]")
    assert train.locator("[data-badge=cheapest]").is_visible()
    assert plane.locator("[data-badge=fastest]").is_visible()
    assert plane.get_by_text("Hors politique").is_visible()
    shot(page, "deplacement-options")
    page.get_by_role("button", name="Retenir l'option Train").click()
    page.wait_for_load_state()
    assert train.get_by_text("Retenue").is_visible()
    page.get_by_role("button", name="Soumettre").click()
    page.wait_for_load_state()
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED

    login_as(page, manager_user.username)
    page.goto(page.base_url + trip.get_absolute_url())
    page.get_by_role("button", name="Valider (manager)").click()
    page.wait_for_load_state()
    assert page.get_by_text("elle attend l'approbation des RH").is_visible()

    login_as(page, hr_manager.username)
    page.goto(page.base_url + trip.get_absolute_url())
    page.get_by_role("button", name="Approuver et établir l'ordre de mission").click()
    page.wait_for_load_state()
    trip.refresh_from_db()
    assert trip.status == TripStatus.APPROVED
    shot(page, "deplacement-approuve")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger l'ordre de mission").click()
    assert re.fullmatch(r"ordre-de-mission-OM-\d{4}-0001\.pdf", download.value.suggested_filename)
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

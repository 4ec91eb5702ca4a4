"""A fellow traveller found by name, in Chromium: the employee types two letters of a
colleague's name, picks them from the answers (their name only), saves the request twice by
clicking again, and one trip names both travellers."""

from __future__ import annotations

import re

import pytest

from effectif.core.testing import browser_login
from effectif.travel.models import Trip
from effectif.travel.tests.browsing import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_finds_a_colleague_and_saves_once(page, world, employee_user):
    world.colleague.last_name = "Colin"
    world.colleague.save()
    browser_login(page, employee_user.username)
    page.goto(page.base_url + "/deplacements/ordres-de-mission/nouveau/")
    assert "COLIN" not in page.content()
    page.get_by_label("Objet de la mission").fill("Audit du site de Marseille")
    page.get_by_label(re.compile("^Lieu de départ")).fill("Lyon")
    page.get_by_label("Date de départ").fill("2026-03-12")
    page.get_by_label("Date de retour").fill("2026-03-13")
    page.get_by_label("Distance aller (km)").fill("315")
    page.get_by_label("Lieu de l'étape 1").fill("Marseille")
    page.get_by_label("Arrivée à l'étape 1").fill("2026-03-12")
    page.get_by_label("Départ de l'étape 1").fill("2026-03-13")
    page.get_by_label("Voyageurs").fill("co")
    answer = page.get_by_role("button", name=world.colleague.display_name)
    answer.wait_for()
    assert "Ailleurs" not in answer.inner_text()  # the name only, no department
    answer.click()
    chosen = page.get_by_role("checkbox", name=world.colleague.display_name)
    assert chosen.is_checked()
    assert page.get_by_label("Voyageurs").input_value() == ""
    shot(page, "deplacement-voyageurs")
    save = page.get_by_role("button", name="Enregistrer et ajouter les options")
    save.dblclick()
    page.wait_for_url(re.compile(r"/ordres-de-mission/\d+/$"))
    trip = Trip.objects.get()
    assert set(trip.travellers.all()) == {world.member, world.colleague}

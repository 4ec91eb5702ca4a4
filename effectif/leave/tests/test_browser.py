"""The main path in Chromium: the employee asks, the manager sees who else is away and
approves, the balance drops; an overlapping request is refused with its French message."""

from __future__ import annotations

import re
from datetime import date

import pytest

from effectif.core.testing import browser_login
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.services import leave_request_submit
from effectif.rules.leave.counting import Span

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ask_approve_and_see_the_balance_drop(page, browser, live_server, world, types, hr_manager):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    teammate = world.colleague
    teammate.department = world.team
    teammate.save()
    leave_request_submit(
        employee=teammate,
        leave_type=types["cp"],
        span=Span(date(2026, 6, 17), date(2026, 6, 19)),
        by=hr_manager,
    )

    browser_login(page, "salarie-test")
    page.goto(page.base_url + "/conges/demandes/nouvelle/")
    page.get_by_label(re.compile(r"^Type")).select_option(label="Congés payés")
    page.get_by_label(re.compile(r"^Du")).fill("2026-06-15")
    page.get_by_label(re.compile(r"^Au\b")).fill("2026-06-19")
    page.get_by_label(re.compile(r"^Au\b")).dispatch_event("change")
    count = page.get_by_test_id("count")
    count.wait_for()
    assert "6,00" in count.inner_text()  # Monday to Friday: six jours ouvrables
    page.get_by_role("button", name="Envoyer la demande").click()
    page.get_by_text("Demande envoyée pour validation.").wait_for()

    page.goto(page.base_url + "/conges/demandes/nouvelle/")
    page.get_by_label(re.compile(r"^Type")).select_option(label="Congés payés")
    page.get_by_label(re.compile(r"^Du")).fill("2026-06-18")
    page.get_by_label(re.compile(r"^Au\b")).fill("2026-06-22")
    page.get_by_role("button", name="Envoyer la demande").click()
    page.get_by_text(re.compile("Cette demande chevauche une autre absence")).first.wait_for()

    manager = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    phone = manager.new_page()
    phone.set_default_timeout(10_000)
    phone.base_url = live_server.url
    browser_login(phone, "manager-test")
    phone.goto(phone.base_url + "/conges/demandes/")
    phone.get_by_role("link", name=world.member.display_name).first.click()
    away = phone.get_by_test_id("away")
    assert teammate.display_name in away.inner_text()
    phone.get_by_label("Commentaire (obligatoire pour un refus)").fill("Bonnes vacances")
    phone.get_by_role("button", name="Valider").click()
    phone.get_by_text("Demande validée.").wait_for()
    manager.close()

    page.goto(page.base_url + "/conges/?date=2026-06-30")
    table = page.get_by_role("table", name=re.compile("Solde Congés payés"))
    row = table.get_by_role("row", name=re.compile("2025-2026"))
    assert "24,00" in row.inner_text()  # 30 acquired − 6 taken

"""The main path in Chromium: a manager opens their team's month, changes a day, is shown the
breach with its article, and saves anyway with a reason, which the audit trail keeps; then the
same grid on a phone scrolls sideways with the names in view."""

from __future__ import annotations

import re

import pytest

from effectif.core.models import AuditEntry
from effectif.core.testing import browser_login
from effectif.timekeeping.models import ShiftOverride

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_overrides_a_breach_with_a_reason(page, browser, live_server, world) -> None:
    browser_login(page, "manager-test")
    page.get_by_role("link", name="Planning", exact=True).click()
    page.get_by_role("heading", name="Planning").wait_for()
    assert "mars 2026" in page.inner_text("main")
    cell = page.locator(f"#c-{world.member.pk}-20260302")
    assert "09:00" in cell.inner_text()

    cell.get_by_role("link").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Lundi 2 mars 2026").wait_for()
    dialog.get_by_label("Plages de travail").fill("14:00-18:00, 18:30-23:00")
    dialog.get_by_role("button", name="Enregistrer", exact=True).click()
    breaches = dialog.get_by_test_id("breaches")
    breaches.wait_for()
    assert "Repos quotidien" in breaches.inner_text()
    assert "L3131-1" in breaches.inner_text()
    assert not ShiftOverride.objects.exists()

    dialog.get_by_role("button", name="Enregistrer malgré tout").click()
    dialog.get_by_text("Indiquez le motif de la dérogation").wait_for()
    dialog.get_by_label(re.compile("Motif de la dérogation")).fill("Inventaire annuel")
    dialog.get_by_role("button", name="Enregistrer malgré tout").click()
    page.locator("#pl-editor").wait_for(state="hidden")  # the dialog closed
    updated = page.locator(f"#c-{world.member.pk}-20260302")
    assert re.search(r"14:00\s+23:00", updated.inner_text())
    assert "*" in updated.inner_text()
    entry = AuditEntry.objects.get(target_type="timekeeping.ShiftOverride")
    assert entry.detail.startswith("Dérogation : Inventaire annuel — Repos quotidien")
    focused = "document.activeElement.closest('td') && document.activeElement.closest('td').id"
    assert page.evaluate(focused) == f"c-{world.member.pk}-20260302"  # back on the cell
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == f"c-{world.member.pk}-20260303"  # arrows move by day
    page.keyboard.press("Enter")
    dialog.get_by_text("Mardi 3 mars 2026").wait_for()
    page.keyboard.press("Escape")

    phone = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    small = phone.new_page()
    small.set_default_timeout(10_000)
    small.base_url = live_server.url
    browser_login(small, "manager-test")
    small.goto(small.base_url + "/planning/equipes/")
    region = small.get_by_role("region", name=re.compile("Planning"))
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.evaluate("e => e.scrollLeft = 600")
    name = small.get_by_role("rowheader", name=re.compile(re.escape(world.member.display_name)))
    assert name.bounding_box()["x"] < 30  # the names stay in view
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

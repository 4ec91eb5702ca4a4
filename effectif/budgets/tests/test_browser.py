"""HR in the browser: define a department's travel budget, then read its follow-up chart."""

from __future__ import annotations

import re

import pytest

from effectif.budgets.models import Budget
from effectif.core.testing import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_creates_a_budget_and_sees_the_chart(page, world, hr_manager):
    browser_login(page, hr_manager.username)
    page.goto(page.base_url + "/budgets/")
    page.get_by_role("link", name="Nouveau budget").click()
    page.get_by_label("Service").select_option(label="Employeur A — Équipe")
    page.get_by_label("Année").fill("2026")
    page.get_by_label("Montant annuel (€)").fill("12 000")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(re.compile(r"/budgets/suivi/"))
    assert Budget.objects.get().amount == 12000
    assert (
        page.locator('[data-figure="budget"]')
        .inner_text()
        .replace("\u202f", " ")
        .startswith("12 000,00")
    )
    # Chart.js is served from the static files and drew both charts.
    assert page.evaluate("typeof Chart") == "function"
    assert page.evaluate("Chart.getChart('budget-monthly') !== undefined")
    assert page.evaluate("Chart.getChart('budget-cumulative').data.datasets[0].data[11]") == 12000
    assert page.locator("#departments").get_by_text("Équipe").is_visible()

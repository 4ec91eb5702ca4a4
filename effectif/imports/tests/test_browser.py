"""The import walked in Chromium: upload, errors, corrected file, confirmation."""

from __future__ import annotations

import re

import pytest

from effectif.contracts.models import Contract
from effectif.core.testing import browser_login
from effectif.employees.models import Employee
from effectif.imports.tests.files import csv_bytes, person_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upload(page, name: str, data: bytes) -> None:
    page.get_by_label("Fichier à importer").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Analyser le fichier").click()
    page.wait_for_load_state()


def test_hr_uploads_sees_errors_fixes_the_file_and_confirms(page, hr, employer, establishment):
    browser_login(page, hr.username)
    page.get_by_role("link", name="Importer des salariés").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Importer des salariés et leurs contrats").is_visible()

    rows = [
        person_row(establishment.siret, 1),
        person_row(establishment.siret, 2, **{"Date de début": "31/02/2025"}),
    ]
    upload(page, "salaries.csv", csv_bytes(rows, encoding="cp1252"))
    assert page.get_by_role("heading", name="Aperçu de l'import").is_visible()
    assert page.get_by_text("1 erreur à corriger, sur 1 ligne.").is_visible()
    error_row = page.locator("table.import-errors tbody tr").first
    assert error_row.locator("th").inner_text() == "3"
    assert "Date de début" in error_row.inner_text()
    assert "n'a que 28 jours" in error_row.inner_text()
    assert page.get_by_role("button", name=re.compile("Confirmer l'import")).count() == 0
    assert not Employee.objects.exists()

    rows[1]["Date de début"] = "28/02/2025"
    upload(page, "salaries-corrige.csv", csv_bytes(rows, encoding="cp1252"))
    assert page.get_by_text("Aucune erreur : le fichier est prêt à être importé.").is_visible()
    assert page.get_by_text("DURAND2 Élise").is_visible()  # the rows to import
    page.get_by_role("button", name="Confirmer l'import (2 contrats)").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="Import terminé").is_visible()
    assert page.get_by_text("Import terminé : 2 salariés et 2 contrats créés.").is_visible()
    assert page.get_by_text("DURAND1 Élise").is_visible()
    assert Employee.objects.filter(employer=employer).count() == 2
    assert Contract.objects.filter(employee__employer=employer).count() == 2

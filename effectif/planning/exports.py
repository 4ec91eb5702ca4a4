"""The planning as a spreadsheet (.xlsx, with the page's colours and codes); the PDF is in
`pdf`."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from effectif.core.exporting import new_workbook, put, workbook_bytes
from effectif.planning.cells import HOLIDAY_FILL, LEAVE, MISS_FILL, REST, RISK_FILL, WEEKEND_FILL
from effectif.planning.grid import Grid
from effectif.planning.staffing import CLOSED, MISS, RISK

THIN = Side(style="thin", color="C5CBD8")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_ROW = 4


def _fill(colour: str, pattern: str = "solid") -> PatternFill:
    if pattern == "solid":
        return PatternFill(fill_type="solid", fgColor=colour, bgColor=colour)
    return PatternFill(fill_type=pattern, fgColor=colour, bgColor="FFFFFF")


def xlsx_bytes(grid: Grid, title: str, subtitle: str) -> bytes:
    workbook = new_workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Planning")[:31]
    put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    put(sheet, 2, 1, subtitle)
    first_day_column = 3
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 18
    put(sheet, HEADER_ROW, 1, _("Salarié")).font = Font(bold=True)
    put(sheet, HEADER_ROW, 2, _("Service")).font = Font(bold=True)
    width = 24 if grid.week else 12
    for offset, column in enumerate(grid.columns):
        index = first_day_column + offset
        sheet.column_dimensions[get_column_letter(index)].width = width
        label = f"{column.weekday} {column.day:%d/%m}"
        if column.holiday:
            label = f"{label}\n{column.holiday}"
        header = put(sheet, HEADER_ROW, index, label)
        header.font = Font(bold=True)
        header.alignment = CENTRE
        header.border = BORDER
        if column.day.weekday() >= 5:
            header.fill = _fill(WEEKEND_FILL)
        if column.holiday:
            header.fill = _fill(HOLIDAY_FILL)
    row_index = HEADER_ROW
    for group in grid.groups:
        for row in group.rows:
            row_index += 1
            put(sheet, row_index, 1, row.name)
            put(sheet, row_index, 2, group.name)
            for offset, cell in enumerate(row.cells):
                text = f"{cell.export_text} {cell.mark}" if cell.mark else cell.export_text
                target = put(sheet, row_index, first_day_column + offset, text)
                target.alignment = CENTRE
                target.border = BORDER
                colour = cell.fill
                if cell.kind == REST and cell.day.weekday() >= 5:
                    colour = WEEKEND_FILL
                pending = cell.kind == LEAVE and "pl-pending" in cell.css
                target.fill = _fill(colour, "lightUp" if pending else "solid")
    if grid.staffing:
        row_index += 2
        put(sheet, row_index, 1, _("Effectif minimum (présents / requis)")).font = Font(bold=True)
        for staffing in grid.staffing:
            row_index += 1
            put(sheet, row_index, 1, staffing.name)
            for offset, day in enumerate(staffing.days):
                if not day.required:
                    continue
                status = day.status
                text = _("férié") if status == CLOSED else f"{day.present}/{day.required}"
                if status == MISS:
                    text = f"! {text}"
                target = put(sheet, row_index, first_day_column + offset, text)
                target.alignment = CENTRE
                target.border = BORDER
                if status in (MISS, RISK):
                    target.fill = _fill(MISS_FILL if status == MISS else RISK_FILL)
    row_index += 2
    put(sheet, row_index, 1, _("Légende")).font = Font(bold=True)
    for item in grid.legend:
        row_index += 1
        put(sheet, row_index, 1, item.code).alignment = CENTRE
        put(sheet, row_index, 2, item.label)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, first_day_column)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook_bytes(workbook)

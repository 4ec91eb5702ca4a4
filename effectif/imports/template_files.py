"""The downloadable template: the headers, one example row, and (in .xlsx) the help and
drop-down lists of accepted values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from effectif.core.cells import ChoiceReader, read_boolean, read_date, read_decimal
from effectif.core.exporting import append_row, csv_bytes, new_workbook, put, workbook_bytes
from effectif.imports.columns import (
    COLUMNS,
    ImportColumn,
    Need,
    accepted_values,
    choice_values,
)
from effectif.rules.identity.generate import make_french_iban, make_nir

#: Rows of the .xlsx template prepared for typing (text format, drop-down lists).
PREPARED_ROWS = 5000

EXAMPLE_BIRTH = dt.date(1990, 4, 2)


def example_row(siret: str = "") -> dict[str, Any]:
    """The example row, by column key; `siret` is one of the user's establishments."""
    values: dict[str, Any] = {column.key: str(column.example) for column in COLUMNS}
    values.update(
        {
            "siret": siret or "73282932000074",
            "nir": make_nir(
                sex="F", birth_date=EXAMPLE_BIRTH, department="69", commune=123, order=45
            ),
            "iban": make_french_iban(bank=30006, branch=1, account=12345678901),
            "address": "12 rue des Lilas",
            "personal_email": "camille.martin@example.org",
            "family_status": _("célibataire"),
            "children_count": "0",
            "disability_recognised": _("non"),
        }
    )
    return values


def need_label(column: ImportColumn) -> str:
    if column.need == Need.ALWAYS:
        return _("Oui")
    if column.need == Need.NEW_EMPLOYEE:
        return _("Pour un nouveau salarié")
    return _("Non")


def template_csv(siret: str = "") -> bytes:
    """UTF-8 with a byte-order mark and `;`, as Excel opens it in France."""
    example = example_row(siret)
    return csv_bytes(
        [[str(column.header) for column in COLUMNS], [example[column.key] for column in COLUMNS]]
    )


def _typed(column: ImportColumn, text: str) -> Any:
    """The example as the spreadsheet should hold it: dates as dates, amounts as numbers."""
    if not text:
        return None
    if column.read is read_date:
        return read_date(text)
    if column.read is read_decimal:
        return float(read_decimal(text))
    return text


def _number_format(column: ImportColumn) -> str:
    if column.as_text:
        return "@"  # identifiers keep their leading zeros and all their digits
    if column.read is read_date:
        return "DD/MM/YYYY"
    if column.read is read_decimal:
        return "#,##0.00"
    return ""


def template_xlsx(siret: str = "") -> bytes:
    workbook = new_workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Salariés")
    lists = workbook.create_sheet(_("Listes"))
    help_sheet = workbook.create_sheet(_("Aide"))

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F3C88")
    required_fill = PatternFill("solid", fgColor="162C66")
    example = example_row(siret)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = put(sheet, 1, index, str(column.header))
        cell.font = bold
        cell.fill = required_fill if column.need != Need.OPTIONAL else fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(column.width, len(str(column.header)) + 2)
        value = _typed(column, example[column.key])
        target = put(sheet, 2, index, value)
        # The column's format applies to the rows the user will type, too.
        number_format = _number_format(column)
        if number_format:
            dimension.number_format = number_format
            target.number_format = number_format
    sheet.freeze_panes = "B2"
    sheet.row_dimensions[1].height = 32
    _add_lists(sheet, lists)
    lists.sheet_state = "hidden"
    _add_help(help_sheet)
    return workbook_bytes(workbook)


def _add_lists(sheet: Any, lists: Any) -> None:
    """Drop-down lists of the accepted values; other spellings stay allowed (synonyms)."""
    list_column = 0
    for index, column in enumerate(COLUMNS, start=1):
        if isinstance(column.read, ChoiceReader):
            values = column.read.dropdown()
        elif column.read is read_boolean:
            values = [_("oui"), _("non")]
        else:
            continue
        list_column += 1
        list_letter = get_column_letter(list_column)
        put(lists, 1, list_column, str(column.header))
        for offset, value in enumerate(values, start=2):
            put(lists, offset, list_column, value)
        last = len(values) + 1
        validation = DataValidation(
            type="list",
            formula1=f"={lists.title}!${list_letter}$2:${list_letter}${last}",
            allow_blank=True,
            showErrorMessage=False,
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{PREPARED_ROWS + 1}")
        sheet.add_data_validation(validation)


def _add_help(help_sheet: Any) -> None:
    headers = [_("Colonne"), _("Obligatoire"), _("Format et valeurs acceptées"), _("Exemple")]
    append_row(help_sheet, headers)
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    example = example_row()
    for column in COLUMNS:
        accepted = accepted_values(column)
        codes = choice_values(column)
        if codes and column.key in {"fixed_term_reason", "work_permit_type"}:
            accepted = "; ".join(f"{code} : {label}" for code, label in codes)
        append_row(
            help_sheet, [str(column.header), need_label(column), accepted, example[column.key]]
        )
    for letter, width in zip("ABCD", (30, 22, 90, 24), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.freeze_panes = "A2"

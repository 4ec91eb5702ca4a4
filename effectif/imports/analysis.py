"""Checking an import file row by row, with the validation of the rest of the application.

Each row becomes an unsaved `Employee` (unless its matricule is already known), `Contract` and
`ContractTerms`, prepared as `contract_create` prepares them (number, legal trial period,
hourly rate) and checked with the models' own `full_clean`. What `full_clean` would ask the
database (unique matricule and contract number, related rows, overlapping contracts) is checked
against the references loaded once, and across the rows of the file. Nothing is written here.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from effectif.core.cells import is_empty
from effectif.core.tables import (
    Table,
    UnreadableFile,
    match_headers,
    normalise_header,
    read_table,
)
from effectif.imports.checking import ParsedRow, RowChecker, check_rows, parse_row
from effectif.imports.columns import COLUMNS, Need, header_lookup
from effectif.imports.references import load_references
from effectif.imports.results import Analysis, RowError
from effectif.organisation.models import Employer

__all__ = ["Analysis", "RowError", "analyse"]


def analyse(data: bytes, filename: str, employer: Employer, *, lock: bool = False) -> Analysis:
    """Every error of the file, and the objects it would create when it has none."""
    analysis = Analysis()
    lookup = header_lookup()

    def is_header(cells: list[Any]) -> bool:
        keys = {lookup.get(normalise_header(cell)) for cell in cells if not is_empty(cell)}
        return "matricule" in keys and len(keys - {None}) >= 3

    try:
        table = read_table(data, filename, is_header, _("Matricule, Nom, Prénoms…"))
    except UnreadableFile as error:
        analysis.errors.append(RowError(row=0, column=_("Fichier"), message=str(error)))
        analysis.error_total = 1
        return analysis
    analysis.description = table.describe()
    analysis.header_row = table.header_row
    positions = _match_headers(table, lookup, analysis)
    if analysis.errors:
        return analysis
    letters = {key: get_column_letter(index + 1) for key, index in positions.items()}
    checker = RowChecker(employer, analysis, letters)

    rows: list[ParsedRow] = []
    for number, cells in table.data_rows():
        if all(is_empty(cell) for cell in cells):
            continue
        rows.append(parse_row(checker, number, cells, positions))
    analysis.data_rows = len(rows)
    if not rows:
        analysis.errors.append(
            RowError(row=0, column=_("Fichier"), message=_("Le fichier ne contient aucune ligne."))
        )
        analysis.error_total += 1
        return analysis

    matricules = {row.get("matricule") for row in rows if row.get("matricule")}
    refs = load_references(employer, matricules, lock=lock)
    check_rows(checker, rows, refs)
    order = {str(column.header): index for index, column in enumerate(COLUMNS)}
    analysis.errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
    return analysis


def _match_headers(table: Table, lookup: dict[str, str], analysis: Analysis) -> dict[str, int]:
    match = match_headers(
        table,
        lookup,
        {column.key: str(column.header) for column in COLUMNS},
        [column.key for column in COLUMNS if column.need == Need.ALWAYS],
    )
    analysis.notes.extend(match.notes)
    analysis.columns.extend(match.columns)
    analysis.errors.extend(match.errors)
    analysis.error_total = len(analysis.errors)
    return match.positions

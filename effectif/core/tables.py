"""Opening an uploaded table: an .xlsx workbook or a CSV as French offices save it (used by
the imports of personnel files and of clocked hours).

CSV: UTF-8 with or without a byte-order mark, UTF-16 (Excel's « texte Unicode ») or Windows-1252
(Excel's « CSV (séparateur : point-virgule) »), the separator sniffed among `;`, `,` and tab.
Rows keep the number the spreadsheet shows, so that errors point at the right line.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from effectif.core.cells import display, is_empty, normalise

#: More rows than this is not a file a person prepared; the user is asked to split it.
MAX_ROWS = 50_000
#: Rows searched for the header line (a title or a blank line may come first).
HEADER_SEARCH_ROWS = 10
SEPARATORS = (";", ",", "\t")

SEPARATOR_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}


class UnreadableFile(ValueError):
    """The file cannot be read as a table; the message is for the user."""


@dataclass
class Table:
    file_format: str  # "csv" or "xlsx"
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)
    header_index: int = 0  # position in `rows` of the header line
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def header(self) -> list[Any]:
        return self.rows[self.header_index][1] if self.rows else []

    @property
    def header_row(self) -> int:
        return self.rows[self.header_index][0] if self.rows else 1

    def data_rows(self) -> Iterable[tuple[int, list[Any]]]:
        return self.rows[self.header_index + 1 :]

    def describe(self) -> str:
        """How the file was read, for the preview."""
        if self.file_format == "xlsx":
            return _("Classeur Excel (.xlsx), feuille « %(sheet)s »") % {"sheet": self.sheet}
        return _("CSV, encodage %(encoding)s, séparateur %(separator)s") % {
            "encoding": self.encoding,
            "separator": SEPARATOR_NAMES.get(self.separator, self.separator),
        }


HeaderTest = Callable[[list[Any]], bool]


@dataclass(frozen=True)
class RowError:
    """One thing wrong: on which row (as the spreadsheet numbers it), in which column."""

    row: int
    column: str
    message: str
    value: str = ""
    letter: str = ""  # the spreadsheet's column letter, when the column is in the file

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "letter": self.letter,
            "message": self.message,
            "value": self.value,
        }


def normalise_header(header: Any) -> str:
    """`Prénom(s) *`, `PRENOMS`, `prénoms (obligatoire)` all read `prenoms`."""
    text = re.sub(r"\((s|es|e)\)", r"\1", str(header or ""), flags=re.IGNORECASE)
    for marker in ("(obligatoire)", "(facultatif)", "(optionnel)", "*"):
        text = text.replace(marker, " ")
    return normalise(text)


@dataclass
class HeaderMatch:
    """The columns found in the header line of a table."""

    positions: dict[str, int] = field(default_factory=dict)  # column key → index in the row
    columns: list[str] = field(default_factory=list)  # headers recognised, in file order
    notes: list[str] = field(default_factory=list)  # columns ignored
    errors: list[RowError] = field(default_factory=list)  # repeated or missing columns


def match_headers(
    table: Table, lookup: Mapping[str, str], headers: Mapping[str, str], required: Iterable[str]
) -> HeaderMatch:
    """Which column of the file is which: `lookup` maps a normalised header (or synonym) to a
    column key, `headers` a key to the header shown to the user; a column in `required` must
    be there, and no column may appear twice."""
    match = HeaderMatch()
    for index, cell in enumerate(table.header):
        if is_empty(cell):
            continue
        key = lookup.get(normalise_header(cell))
        if key is None:
            match.notes.append(
                _("Colonne « %(header)s » (%(letter)s) non reconnue : elle est ignorée.")
                % {"header": display(cell), "letter": get_column_letter(index + 1)}
            )
            continue
        if key in match.positions:
            match.errors.append(
                RowError(
                    row=table.header_row,
                    column=headers[key],
                    letter=get_column_letter(index + 1),
                    message=_("Cette colonne figure deux fois (déjà en colonne %(letter)s).")
                    % {"letter": get_column_letter(match.positions[key] + 1)},
                    value=display(cell),
                )
            )
            continue
        match.positions[key] = index
        match.columns.append(headers[key])
    for key in required:
        if key not in match.positions:
            match.errors.append(
                RowError(
                    row=table.header_row,
                    column=headers[key],
                    message=_("Colonne obligatoire absente de la ligne d'en-tête."),
                )
            )
    return match


def file_format_of(filename: str, data: bytes) -> str:
    suffix = Path(filename).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix == ".xls":
        raise UnreadableFile(
            _(
                "Le format .xls (Excel 97-2003) n'est pas lu : enregistrez le fichier au format "
                ".xlsx ou .csv depuis votre tableur."
            )
        )
    if suffix in {".xlsx", ".xlsm"}:
        raise UnreadableFile(_("Ce fichier .xlsx est endommagé ou n'est pas un classeur Excel."))
    if suffix in {".ods", ".numbers"}:
        raise UnreadableFile(
            _("Enregistrez le fichier au format .xlsx ou .csv depuis votre tableur.")
        )
    return "csv"


def read_table(
    data: bytes, filename: str, is_header: HeaderTest, header_example: str = ""
) -> Table:
    """The rows of the file, with the header line found by `is_header`; `header_example` names
    a few expected columns in the message shown when no header line is found."""
    if not data.strip():
        raise UnreadableFile(_("Le fichier est vide."))
    if file_format_of(filename, data) == "xlsx":
        table = _read_xlsx(data, is_header, header_example)
    else:
        table = _read_csv(data)
        table.header_index = _find_header(table.rows, is_header, header_example)
    if len(table.rows) - table.header_index - 1 > MAX_ROWS:
        raise UnreadableFile(
            _("Le fichier dépasse %(max)s lignes : découpez-le en plusieurs fichiers.")
            % {"max": f"{MAX_ROWS:,}".replace(",", "\u202f")}
        )
    return table


def _find_header(
    rows: list[tuple[int, list[Any]]], is_header: HeaderTest, header_example: str
) -> int:
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if is_header(cells):
            return index
    raise _no_header(header_example)


def _no_header(header_example: str) -> UnreadableFile:
    if header_example:
        return UnreadableFile(
            _(
                "La ligne d'en-tête est introuvable : la première ligne doit porter les noms des "
                "colonnes (%(example)s). Partez du modèle à télécharger."
            )
            % {"example": header_example}
        )
    return UnreadableFile(
        _(
            "La ligne d'en-tête est introuvable : la première ligne doit porter les noms des "
            "colonnes. Partez du modèle à télécharger."
        )
    )


# --- CSV -------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the name of its encoding."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (avec BOM)"
        except UnicodeDecodeError as error:
            raise UnreadableFile(_("Le fichier annonce l'UTF-8 mais ne l'est pas.")) from error
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as error:
            raise UnreadableFile(_("Le fichier annonce l'UTF-16 mais ne l'est pas.")) from error
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


def sniff_separator(first_line: str) -> str:
    """The separator used most often outside quotes in the header line (`;` on a tie)."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda sep: (counts[sep], sep == ";"))
    return best if counts[best] else ";"


def _read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    if "\x00" in text:
        raise UnreadableFile(_("Ce fichier n'est pas un fichier texte CSV."))
    lines = [line for line in text.splitlines() if line.strip()]
    separator = sniff_separator(lines[0] if lines else "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[int, list[Any]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, cells))
            if number > MAX_ROWS + HEADER_SEARCH_ROWS + 1:
                break
    except csv.Error as error:
        raise UnreadableFile(
            _("Le fichier CSV est mal formé ligne %(row)s : %(error)s")
            % {"row": reader.line_num, "error": error}
        ) from error
    return Table(file_format="csv", rows=rows, encoding=encoding, separator=separator)


# --- XLSX ------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, is_header: HeaderTest, header_example: str) -> Table:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(
            _("Ce fichier .xlsx est endommagé ou n'est pas un classeur Excel.")
        ) from error
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            rows: list[tuple[int, list[Any]]] = []
            header_index: int | None = None
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((number, list(values)))
                if header_index is None:
                    if is_header(list(values)):
                        header_index = len(rows) - 1
                    elif number >= HEADER_SEARCH_ROWS:
                        break
                elif number > MAX_ROWS + HEADER_SEARCH_ROWS + 1:
                    break
            if header_index is not None:
                return Table(
                    file_format="xlsx", rows=rows, header_index=header_index, sheet=sheet.title
                )
    finally:
        workbook.close()
    raise _no_header(header_example)

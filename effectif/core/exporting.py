"""Every list exports to .xlsx and .csv, the way French offices open them; every CSV and every
spreadsheet cell the application writes goes through this module.

CSV: `;` separator, UTF-8 with a byte-order mark (Excel opens it with accents intact), dates as
JJ/MM/AAAA and decimal commas. XLSX: typed cells (dates as dates, amounts as numbers) with a
bold, frozen header row.

No export carries a live formula (« CSV injection »): a text starting with `=`, `+`, `-`, `@`,
a tab or a carriage return — an expense report titled `=HYPERLINK(…)`, a name imported as
such — is prefixed with an apostrophe in CSV (OWASP's advice) and written as a text cell in
.xlsx. Numbers and dates are not text and stay as they are. `effectif/core/tests/
test_export_guard.py` fails when a module writes a CSV or a cell without going through here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeAlias

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django_stubs_ext import StrOrPromise
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from effectif.core.audit import format_value

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    header: StrOrPromise  # a lazy translation where the columns are a module's constant
    value: Callable[[Any], Any]
    width: int = 18


#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Values that are not text: written as they are (a negative amount stays a number).
NOT_TEXT = (bool, int, float, Decimal, dt.date, dt.time)

Sheet: TypeAlias = Worksheet | WriteOnlyWorksheet


def safe_csv_text(value: Any) -> str:
    """The text of a CSV cell: a text a spreadsheet would take for a formula gets a leading
    apostrophe; numbers, dates and booleans are written as they are."""
    text = format_value(value)
    if isinstance(value, NOT_TEXT) or not text.startswith(FORMULA_TRIGGERS):
        return text
    return "'" + text


class CsvSheet:
    """Rows of a CSV as French offices open it (`;`, CRLF), each cell through
    `safe_csv_text`."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=";", lineterminator="\r\n")

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow([safe_csv_text(value) for value in values])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)

    def flush(self) -> str:
        """The text written since the last flush."""
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate(0)
        return text


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """A whole CSV in UTF-8 with a byte-order mark, so that Excel keeps the accents."""
    sheet = CsvSheet()
    sheet.writerows(rows)
    return ("\ufeff" + sheet.flush()).encode("utf-8")


def _csv_rows(columns: list[Column], rows: Iterable[Any]) -> Iterator[str]:
    sheet = CsvSheet()
    yield "\ufeff"
    sheet.writerow([str(c.header) for c in columns])
    yield sheet.flush()
    for row in rows:
        sheet.writerow([c.value(row) for c in columns])
        yield sheet.flush()


def safe_xlsx_value(value: Any) -> Any:
    """What a cell holds: nothing, a number, a date or a text. Texts lose the control
    characters a .xlsx cannot hold; `put` and `xlsx_cell` then mark them as text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal):
        return float(value)  # a spreadsheet cell is a float; the figure is shown to the cent
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):  # a spreadsheet has no time zones: Paris time
            value = timezone.make_naive(value)
        return value
    if isinstance(value, dt.date | dt.time | int | float):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _as_text(cell: Cell) -> Cell:
    # openpyxl takes any text starting with « = » for a formula: a text cell it stays.
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write `value` in a cell of a sheet (texts as text, never a formula); the cell, to
    style."""
    cell = sheet.cell(row=row, column=column)
    cell.value = safe_xlsx_value(value)
    return _as_text(cell)


def xlsx_cell(sheet: Sheet, value: Any) -> Cell:
    """A cell for `append_row`, with `value` as `put` writes it; the cell, to style."""
    return _as_text(Cell(sheet, row=1, column=1, value=safe_xlsx_value(value)))


def append_row(sheet: Sheet, values: Iterable[Any]) -> None:
    """Add a row below the last one: values, or cells made by `xlsx_cell`."""
    sheet.append(
        [value if isinstance(value, Cell) else xlsx_cell(sheet, value) for value in values]
    )


def new_workbook(*, write_only: bool = False) -> Workbook:
    """An empty workbook, to fill with `put` or `append_row` (a write-only one for long
    lists, with its sheets made by `create_sheet`)."""
    return Workbook(write_only=write_only)


def workbook_bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_bytes(columns: list[Column], rows: Iterable[Any], title: str) -> bytes:
    workbook = new_workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Export")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    header = []
    for column in columns:
        cell = xlsx_cell(sheet, str(column.header))
        cell.font = Font(bold=True)
        header.append(cell)
    append_row(sheet, header)
    for row in rows:
        cells = []
        for column in columns:
            cell = xlsx_cell(sheet, column.value(row))
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
            cells.append(cell)
        append_row(sheet, cells)
    return workbook_bytes(workbook)


def export_response(
    *, export_format: str, columns: list[Column], rows: Iterable[Any], name: str
) -> HttpResponse | StreamingHttpResponse:
    """A download of `rows` as .csv (streamed) or .xlsx."""
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    filename = f"{slugify(name)}-{stamp}.{export_format}"
    if export_format == "csv":
        response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
            _csv_rows(columns, rows), content_type="text/csv; charset=utf-8"
        )
    elif export_format == "xlsx":
        response = HttpResponse(xlsx_bytes(columns, rows, name), content_type=XLSX_TYPE)
    else:
        raise ValueError(f"Unknown export format {export_format!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

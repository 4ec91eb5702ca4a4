"""Every list exports to .xlsx and .csv, the way French offices open them.

CSV: `;` separator, UTF-8 with a byte-order mark (Excel opens it with accents intact), dates as
JJ/MM/AAAA and decimal commas. XLSX: typed cells (dates as dates, amounts as numbers) with a
bold, frozen header row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from effectif.core.audit import format_value

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 18


def _csv_text(value: Any) -> str:
    return format_value(value)


def _csv_rows(columns: list[Column], rows: Iterable[Any]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return text

    yield "\ufeff"
    writer.writerow([str(c.header) for c in columns])
    yield flush()
    for row in rows:
        writer.writerow([_csv_text(c.value(row)) for c in columns])
        yield flush()


def _xlsx_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)  # a spreadsheet cell is a float; the figure is shown to the cent
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.date | int | float):
        return value
    return str(value)


def xlsx_bytes(columns: list[Column], rows: Iterable[Any], title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Export")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=str(column.header))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for column in columns:
            value = _xlsx_value(column.value(row))
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, float):
                cell.number_format = "#,##0.00"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_response(
    *, export_format: str, columns: list[Column], rows: Iterable[Any], name: str
) -> HttpResponse | StreamingHttpResponse:
    """A download of `rows` as .csv (streamed) or .xlsx."""
    stamp = dt.date.today().strftime("%Y-%m-%d")
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

"""Importing a period's manual variable elements from a spreadsheet (.xlsx or .csv), all or
nothing:

    Matricule ; Code ; Quantité ; Base ; Taux ; Montant ; Période (MM/AAAA) ; Commentaire

The file is read by `core.tables` and its cells by `core.cells`, as the personnel import reads
its own; each error names its row and column, in French. Each row is checked by
`services.element_errors`, the check of the element page and of the API, and by the model's own
fields (digits); a closed or validated period refuses the whole file. Nothing is written until
the whole file is right; then every row goes through `services.element_add` in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from effectif.core.audit import audit
from effectif.core.cells import (
    CellError,
    display,
    is_empty,
    read_code,
    read_date,
    read_decimal,
    read_text,
)
from effectif.core.exporting import append_row, new_workbook, put, workbook_bytes
from effectif.core.models import AuditAction
from effectif.core.tables import (
    RowError,
    UnreadableFile,
    match_headers,
    normalise_header,
    read_table,
)
from effectif.employees.models import Employee
from effectif.payroll import services
from effectif.payroll.catalogue import KINDS, Unit
from effectif.payroll.models import ElementSource, PayrollElement, PayrollPeriod

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Errors listed on the page (the count is always exact).
MAX_ERRORS = 1000

#: Column key → French header; the keys are the arguments of `services.element_add`.
HEADERS: dict[str, Any] = {
    "matricule": gettext_lazy("Matricule"),
    "code": gettext_lazy("Code"),
    "quantity": gettext_lazy("Quantité"),
    "base_amount": gettext_lazy("Base"),
    "rate": gettext_lazy("Taux"),
    "amount": gettext_lazy("Montant"),
    "corrected_month": gettext_lazy("Période"),
    "comment": gettext_lazy("Commentaire"),
}
SYNONYMS: dict[str, tuple[str, ...]] = {
    "matricule": ("numéro de matricule", "n° matricule", "matricule salarié", "code salarié"),
    "code": ("code élément", "code de l'élément", "élément", "rubrique", "code rubrique"),
    "quantity": ("qté", "quantite", "nombre", "heures", "jours"),
    "base_amount": ("base (€)",),
    "rate": (),
    "amount": ("montant (€)", "montant en euros"),
    "corrected_month": ("période (MM/AAAA)", "mois corrigé", "rappel", "période corrigée"),
    "comment": ("commentaires", "libellé", "observation"),
}
REQUIRED = ("matricule", "code")
DECIMAL_KEYS = ("quantity", "base_amount", "rate", "amount")
#: `element_errors`'s field names that are not a column's key.
_FIELD_COLUMN = {"employee": "matricule"}


def read_month(value: Any) -> dt.date:
    """« MM/AAAA » (also « M/AAAA », « AAAA-MM »), or a date (typed by the spreadsheet, or
    « JJ/MM/AAAA »): the first day of its month."""
    if isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).replace(day=1)
    text = display(value)
    match = _MONTH.fullmatch(text) or _MONTH_ISO.fullmatch(text)
    if match is None:
        try:
            return read_date(value).replace(day=1)
        except CellError:
            raise CellError(
                _("« %(value)s » n'est pas un mois : le format attendu est MM/AAAA.")
                % {"value": text}
            ) from None
    month, year = (int(match.group("month")), int(match.group("year")))
    if not 1 <= month <= 12:
        raise CellError(
            _("« %(value)s » : le mois %(month)02d n'existe pas.") % {"value": text, "month": month}
        )
    if year < 1900:
        raise CellError(
            _("« %(value)s » : l'année %(year)s n'est pas plausible.")
            % {"value": text, "year": year}
        )
    return dt.date(year, month, 1)


_MONTH = re.compile(r"(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})")
_MONTH_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")


def _read_element_code(value: Any) -> str:
    return read_code(value).upper()


def _read_comment(value: Any) -> str:
    text = read_text(value)
    if len(text) > _COMMENT_LENGTH:
        raise CellError(_("Le commentaire dépasse %(max)s caractères.") % {"max": _COMMENT_LENGTH})
    return text


_COMMENT_LENGTH = PayrollElement._meta.get_field("comment").max_length or 300
READERS = {
    "matricule": read_code,
    "code": _read_element_code,
    "quantity": read_decimal,
    "base_amount": read_decimal,
    "rate": read_decimal,
    "amount": read_decimal,
    "corrected_month": read_month,
    "comment": _read_comment,
}


@dataclass(frozen=True)
class ImportedElement:
    """A valid row: the arguments of `services.element_add`."""

    row: int
    employee: Employee
    code: str
    quantity: Decimal | None
    base_amount: Decimal | None
    rate: Decimal | None
    amount: Decimal | None
    corrected_month: dt.date | None
    comment: str


@dataclass
class ElementAnalysis:
    description: str = ""
    data_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_total: int = 0
    notes: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    elements: list[ImportedElement] = field(default_factory=list)
    rows_in_error: set[int] = field(default_factory=set)

    @property
    def is_valid(self) -> bool:
        return not self.error_total and bool(self.elements)

    def add(self, error: RowError) -> None:
        self.error_total += 1
        if error.row:
            self.rows_in_error.add(error.row)
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error)


def header_lookup() -> dict[str, str]:
    """Normalised header or synonym → column key."""
    lookup: dict[str, str] = {}
    for key, header in HEADERS.items():
        for name in (*SYNONYMS[key], str(header), key):
            lookup.setdefault(normalise_header(name), key)
    return lookup


def analyse(
    data: bytes, filename: str, *, period: PayrollPeriod, employees: QuerySet[Employee]
) -> ElementAnalysis:
    """Every error of the file, and the elements it would add when it has none; `employees`
    are those of the period's employer the user may enter elements for."""
    analysis = ElementAnalysis()
    try:
        services.ensure_editable(period)
    except ValidationError as error:
        analysis.add(RowError(row=0, column=_("Période de paie"), message=" ".join(error.messages)))
        return analysis
    lookup = header_lookup()

    def is_header(cells: list[Any]) -> bool:
        keys = {lookup.get(normalise_header(cell)) for cell in cells if not is_empty(cell)}
        return set(REQUIRED) <= keys

    try:
        table = read_table(data, filename, is_header, _("Matricule, Code, Quantité, Montant…"))
    except UnreadableFile as error:
        analysis.add(RowError(row=0, column=_("Fichier"), message=str(error)))
        return analysis
    analysis.description = table.describe()
    headers = {key: str(header) for key, header in HEADERS.items()}
    match = match_headers(table, lookup, headers, REQUIRED)
    analysis.notes, analysis.columns = match.notes, match.columns
    for header_error in match.errors:
        analysis.add(header_error)
    if analysis.error_total:
        return analysis
    checker = _RowChecker(analysis, period, match.positions, employees)
    for number, cells in table.data_rows():
        if all(is_empty(cell) for cell in cells):
            continue
        analysis.data_rows += 1
        checker.check(number, cells)
    if not analysis.data_rows:
        analysis.add(
            RowError(row=0, column=_("Fichier"), message=_("Le fichier ne contient aucune ligne."))
        )
    order = list(HEADERS.values())
    position = {str(header): index for index, header in enumerate(order)}
    analysis.errors.sort(key=lambda e: (e.row, position.get(e.column, len(order))))
    return analysis


class _RowChecker:
    def __init__(
        self,
        analysis: ElementAnalysis,
        period: PayrollPeriod,
        positions: dict[str, int],
        employees: QuerySet[Employee],
    ) -> None:
        self.analysis = analysis
        self.period = period
        self.positions = positions
        self.letters = {key: get_column_letter(index + 1) for key, index in positions.items()}
        self.employees = {e.matricule: e for e in employees.filter(employer=period.employer_id)}
        #: Stands for an unknown matricule, so that the other cells are still checked.
        self.nobody = Employee(employer_id=period.employer_id)

    def error(self, number: int, key: str, message: Any, raw: Any = None) -> None:
        self.analysis.add(
            RowError(
                row=number,
                column=str(HEADERS[key]),
                message=str(message),
                value=display(raw)[:80] if raw is not None else "",
                letter=self.letters.get(key, ""),
            )
        )

    def check(self, number: int, cells: list[Any]) -> None:
        raw: dict[str, Any] = {}
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for key, index in self.positions.items():
            cell = cells[index] if index < len(cells) else None
            if is_empty(cell):
                continue
            raw[key] = cell
            try:
                values[key] = READERS[key](cell)
            except CellError as error:
                self.error(number, key, error, cell)
                failed.add(key)
        for key in REQUIRED:
            if key not in raw:
                self.error(number, key, _("Valeur obligatoire manquante."))
                failed.add(key)
        for key in DECIMAL_KEYS:
            if key in values and not self._fits(number, key, values[key], raw[key]):
                failed.add(key)
        employee = self.employees.get(values.get("matricule", ""))
        if employee is None and "matricule" not in failed:
            self.error(
                number,
                "matricule",
                _("Matricule inconnu chez %(employer)s.") % {"employer": self.period.employer},
                raw["matricule"],
            )
        errors = services.element_errors(
            period=self.period,
            employee=employee or self.nobody,
            code=values.get("code", ""),
            quantity=values.get("quantity"),
            amount=values.get("amount"),
            rate=values.get("rate"),
        )
        for name, message in errors.items():
            key = _FIELD_COLUMN.get(name, name)
            if key not in failed:
                self.error(number, key, message, raw.get(key))
        if employee is None or failed or errors:
            return
        self.analysis.elements.append(
            ImportedElement(
                row=number,
                employee=employee,
                code=values["code"],
                quantity=values.get("quantity"),
                base_amount=values.get("base_amount"),
                rate=values.get("rate"),
                amount=values.get("amount"),
                corrected_month=values.get("corrected_month"),
                comment=values.get("comment", ""),
            )
        )

    def _fits(self, number: int, key: str, value: Decimal, cell: Any) -> bool:
        """The model field's own digits (what `element_add` would refuse)."""
        model_field = PayrollElement._meta.get_field(key)
        assert isinstance(model_field, models.DecimalField)
        try:
            model_field.clean(value, None)
        except ValidationError as error:
            for message in error.messages:
                self.error(number, key, message, cell)
            return False
        return True


def import_elements(
    *, period: PayrollPeriod, elements: Iterable[ImportedElement], filename: str, by: User
) -> int:
    """Add every element of an analysed file through `services.element_add`, in one
    transaction: all of them, or none (a `ValidationError` says which row was refused)."""
    count = 0
    with transaction.atomic():
        locked = PayrollPeriod.objects.select_for_update().get(pk=period.pk)
        services.ensure_editable(locked)
        for element in elements:
            try:
                services.element_add(
                    period=locked,
                    employee=element.employee,
                    code=element.code,
                    quantity=element.quantity,
                    base_amount=element.base_amount,
                    rate=element.rate,
                    amount=element.amount,
                    corrected_month=element.corrected_month,
                    comment=element.comment,
                    source=ElementSource.IMPORT,
                    by=by,
                )
            except ValidationError as error:
                raise ValidationError(
                    _("Ligne %(row)s : %(error)s")
                    % {"row": element.row, "error": " ".join(error.messages)}
                ) from error
            count += 1
        audit(
            actor=by,
            action=AuditAction.IMPORT,
            target=locked,
            detail=f"Import de {count} éléments variables ({filename})"[:500],
        )
    return count


#: The template's example row, by column key.
EXAMPLE: dict[str, Any] = {
    "matricule": "A0001",
    "code": "HS25",
    "quantity": 4.5,
    "base_amount": None,
    "rate": None,
    "amount": None,
    "corrected_month": "04/2026",
    "comment": gettext_lazy("Inventaire du 28 avril"),
}


def template_xlsx(matricule: str = "") -> bytes:
    """The header, an example row (a regularisation of April's overtime), and a sheet listing
    the codes that may be imported with the column each one needs."""
    workbook = new_workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Éléments")
    example = {**EXAMPLE, "matricule": matricule or EXAMPLE["matricule"]}
    for index, (key, header) in enumerate(HEADERS.items(), start=1):
        put(sheet, 1, index, str(header)).font = Font(bold=True)
        value = example[key]
        put(sheet, 2, index, str(value) if isinstance(value, Promise) else value)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 28 if key == "comment" else 14
        if key in {"matricule", "code", "corrected_month"}:
            sheet.column_dimensions[letter].number_format = "@"
            sheet.cell(row=2, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    codes = workbook.create_sheet(_("Codes"))
    append_row(codes, [_("Code"), _("Élément"), _("Colonne à remplir")])
    for cell in codes[1]:
        cell.font = Font(bold=True)
    for kind in KINDS.values():
        if kind.manual:
            needed = HEADERS["amount"] if kind.unit is Unit.AMOUNT else HEADERS["quantity"]
            append_row(codes, [kind.code, str(kind.label), str(needed)])
    for letter, width in zip("ABC", (12, 48, 20), strict=True):
        codes.column_dimensions[letter].width = width
    return workbook_bytes(workbook)

"""The checks of each row: the models' own validation, and what it would ask the database
(unique matricule and contract number, related rows, overlapping contracts), answered from the
references loaded once and from the other rows of the file."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from effectif.contracts.models import CategoryChoices, Contract, ContractTerms, Kind
from effectif.contracts.services import default_trial, hourly_rate
from effectif.core.cells import CellError, display, is_empty, normalise
from effectif.employees.models import Employee
from effectif.imports.columns import (
    COLUMNS,
    COLUMNS_BY_KEY,
    IDENTITY_KEYS,
    ImportColumn,
    Need,
    Target,
)
from effectif.imports.references import References
from effectif.imports.results import Analysis, PlannedRow, RowError
from effectif.organisation.models import Employer
from effectif.rules.identity.checks import InvalidIdentifier, check_siren, check_siret

#: Errors kept for the preview; beyond, only their number is given.
MAX_ERRORS = 20_000

_KEYS_BY_TARGET: dict[Target, tuple[str, ...]] = {
    target: tuple(c.key for c in COLUMNS if c.target == target) for target in Target
}
#: Model fields reported under another column than their own.
_FIELD_COLUMN = {
    (Target.TERMS, "effective_date"): "start_date",
    (Target.TERMS, "establishment"): "siret",
    (Target.TERMS, "position"): "position",
    (Target.EMPLOYEE, "department"): "department",
    (Target.CONTRACT, "trial_renewal_end_date"): "trial_end_date",
}
#: When a cell could not be read (left empty), the model's checks that compare it with another
#: field would report a second, misleading error on that field.
_DEPENDENT_FIELDS = {
    "kind": {"fixed_term_reason"},  # "only CDDs have a reason"
    "start_date": {"effective_date"},  # the initial terms take the start date
    "category": {"working_time"},  # "days package is for executives"
}
_KINDS = frozenset(Kind.values)
_CATEGORIES = frozenset(CategoryChoices.values)
_EXCLUDED_RELATIONS = {
    Target.EMPLOYEE: {"employer", "department", "user"},
    Target.CONTRACT: {"employee"},
    Target.TERMS: {"contract", "establishment", "position"},
}


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)  # read cells, by column key
    raw: dict[str, Any] = field(default_factory=dict)  # the cells as found, non-empty only
    failed: set[str] = field(default_factory=set)  # keys whose cell could not be used

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def given(self, key: str) -> bool:
        return key in self.raw


class RowChecker:
    """One pass over the rows of a table; collects errors and the planned objects."""

    def __init__(self, employer: Employer, analysis: Analysis, letters: dict[str, str]) -> None:
        self.employer = employer
        self.analysis = analysis
        self.letters = letters
        self.rows_with_errors: set[int] = set()

    # --- errors ------------------------------------------------------------------------------

    def error(self, row: ParsedRow | int, key: str | None, message: Any) -> None:
        self.analysis.error_total += 1
        number = row if isinstance(row, int) else row.number
        self.rows_with_errors.add(number)
        if len(self.analysis.errors) >= MAX_ERRORS:
            return
        column: ImportColumn | None = COLUMNS_BY_KEY.get(key or "")
        value = ""
        if column is not None and not isinstance(row, int) and key in row.raw:
            value = display(row.raw[key])[:80]
        self.analysis.errors.append(
            RowError(
                row=number,
                column=str(column.header) if column is not None else _("(toute la ligne)"),
                message=str(message),
                value=value,
                letter=self.letters.get(key or "", ""),
            )
        )

    def model_errors(
        self, row: ParsedRow, target: Target, error: ValidationError, skip: set[str]
    ) -> None:
        for name, messages in error.message_dict.items():
            if name in skip:
                continue
            key: str | None = _FIELD_COLUMN.get((target, name), name)
            if name == NON_FIELD_ERRORS or key not in COLUMNS_BY_KEY:
                key = None
            for message in messages:
                self.error(row, key, message)

    def validate(self, row: ParsedRow, target: Target, instance: models.Model) -> None:
        """The model's own validation; uniqueness and relations are checked by the import."""
        skip = set(row.failed)
        for key in row.failed:
            skip |= _DEPENDENT_FIELDS.get(key, set())
        try:
            instance.full_clean(
                exclude=sorted(skip | _EXCLUDED_RELATIONS[target]),
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            self.model_errors(row, target, error, skip)


def parse_row(
    checker: RowChecker, number: int, cells: list[Any], positions: dict[str, int]
) -> ParsedRow:
    row = ParsedRow(number)
    for key, index in positions.items():
        cell = cells[index] if index < len(cells) else None
        if is_empty(cell):
            continue
        row.raw[key] = cell
        try:
            row.values[key] = COLUMNS_BY_KEY[key].read(cell)
        except CellError as error:
            checker.error(row, key, error)
            row.failed.add(key)
    for column in COLUMNS:
        if column.need == Need.ALWAYS and column.key not in row.raw:
            checker.error(row, column.key, _("Valeur obligatoire manquante."))
            row.failed.add(column.key)
    return row


def _same_person(row: ParsedRow, person: Employee) -> bool:
    """Whether the identity a row gives, if any, is that of `person`: same birth name (or usage
    name), first given name and birth date. Other columns of the file are not compared: for a
    known person, only the contract is read."""
    last_name = row.get("last_name")
    if last_name and normalise(last_name) not in {
        normalise(person.last_name),
        normalise(person.usage_name),
    }:
        return False
    first_names = row.get("first_names")
    if first_names and person.first_names:
        given, known = normalise(first_names).split(), normalise(person.first_names).split()
        if given[:1] != known[:1]:
            return False
    birth_date = row.get("birth_date")
    return not (birth_date and person.birth_date and birth_date != person.birth_date)


def _period_label(start: dt.date, end: dt.date | None) -> str:
    if end is None:
        return _("du %(start)s sans date de fin") % {"start": display(start)}
    return _("du %(start)s au %(end)s") % {"start": display(start), "end": display(end)}


@dataclass
class _Period:
    start: dt.date
    end: dt.date | None
    row: int | None  # None: a contract already recorded
    number: str

    def meets(self, other: _Period) -> bool:
        return (other.end is None or self.start <= other.end) and (
            self.end is None or other.start <= self.end
        )


def check_rows(checker: RowChecker, rows: list[ParsedRow], refs: References) -> None:
    employer = refs.employer
    first_rows: dict[str, tuple[ParsedRow, Employee]] = {}  # new files, by matricule
    used_numbers: dict[str, set[str]] = defaultdict(set)
    for matricule, employee in refs.employees.items():
        used_numbers[matricule] = {c.number for c in refs.contracts.get(employee.pk, [])}
    for row in rows:  # numbers given in the file are reserved before others are assigned
        matricule, number = row.get("matricule"), row.get("number")
        if matricule and number:
            if number in used_numbers[matricule]:
                checker.error(
                    row, "number", _("Ce numéro de contrat est déjà utilisé pour ce salarié.")
                )
                row.failed.add("number")
            used_numbers[matricule].add(number)
    periods: dict[str, list[_Period]] = defaultdict(list)
    for matricule, employee in refs.employees.items():
        for existing in refs.contracts.get(employee.pk, []):
            period = _Period(existing.start_date, existing.end_date, None, existing.number)
            periods[matricule].append(period)
    existing_only_columns: list[int] = []

    for row in rows:
        matricule = row.get("matricule") or ""
        establishment = _establishment(checker, row, refs)
        _check_siren(checker, row, employer)
        employee, creates = _employee_for(checker, row, refs, first_rows)
        if not creates and any(
            row.given(key)
            for key in _KEYS_BY_TARGET[Target.EMPLOYEE]
            if key not in {"matricule", *IDENTITY_KEYS}
        ):
            existing_only_columns.append(row.number)
        contract = Contract(employee=employee)
        for key in _KEYS_BY_TARGET[Target.CONTRACT]:
            if key in row.values:
                setattr(contract, key, row.values[key])
        terms = ContractTerms(contract=contract)
        for key in _KEYS_BY_TARGET[Target.TERMS]:
            if key in row.values:
                setattr(terms, key, row.values[key])
        if establishment is not None:
            terms.establishment = establishment
        terms.position = _lookup(checker, row, "position", refs.positions, employer)
        if not contract.number and matricule:
            contract.number = _next_number(used_numbers[matricule])
        _prepare(contract, terms)
        checker.validate(row, Target.CONTRACT, contract)
        checker.validate(row, Target.TERMS, terms)
        if matricule and "matricule" not in row.failed and _dates_usable(row, contract):
            periods[matricule].append(
                _Period(contract.start_date, contract.end_date, row.number, contract.number)
            )
        checker.analysis.plans.append(PlannedRow(row.number, employee, creates, contract, terms))
    _check_overlaps(checker, periods, rows)
    checker.analysis.plans = [
        plan for plan in checker.analysis.plans if plan.row not in checker.rows_with_errors
    ]
    if existing_only_columns:
        checker.analysis.notes.append(
            _(
                "Lignes %(rows)s : le matricule désigne un salarié déjà enregistré ou décrit plus "
                "haut ; seules les colonnes du contrat sont lues, son dossier n'est pas modifié."
            )
            % {"rows": _row_list(existing_only_columns)}
        )


def _row_list(numbers: list[int], limit: int = 10) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + ("…" if len(numbers) > limit else "")


def _next_number(used: set[str]) -> str:
    """As `next_contract_number`: the count of contracts plus one, skipping numbers in use."""
    number = len(used) + 1
    while f"{number:03d}" in used:
        number += 1
    used.add(f"{number:03d}")
    return f"{number:03d}"


def _prepare(contract: Contract, terms: ContractTerms) -> None:
    """What `contract_create` fills in before validating: trial period, initial terms' date,
    reason and hourly rate."""
    start, end = contract.start_date, contract.end_date
    dates_ok = start is not None and (end is None or end >= start)
    if dates_ok and contract.kind in _KINDS and terms.category in _CATEGORIES:
        # A date outside the parameters' history leaves the trial period empty.
        with contextlib.suppress(ValueError, LookupError, ArithmeticError):
            default_trial(contract, terms.category)
    terms.effective_date = start
    terms.reason = _("Embauche")
    if terms.hourly_rate_amount is None and terms.monthly_gross_amount is not None and start:
        # Zero hours: the model reports it on "Heures mensuelles".
        with contextlib.suppress(LookupError, ArithmeticError):
            terms.hourly_rate_amount = hourly_rate(terms, start)


def _dates_usable(row: ParsedRow, contract: Contract) -> bool:
    if "start_date" in row.failed or "end_date" in row.failed or contract.start_date is None:
        return False
    return contract.end_date is None or contract.end_date >= contract.start_date


def _check_overlaps(
    checker: RowChecker, periods: dict[str, list[_Period]], rows: Iterable[ParsedRow]
) -> None:
    by_number = {row.number: row for row in rows}
    for items in periods.values():
        if len(items) < 2:
            continue
        items.sort(key=lambda p: (p.start, p.row or 0))
        for item in items:
            if item.row is None:
                continue
            clash = next(
                (
                    other
                    for other in items
                    if other is not item
                    and (other.row is None or other.row < item.row)
                    and item.meets(other)
                ),
                None,
            )
            if clash is None:
                continue
            period = _period_label(clash.start, clash.end)
            if clash.row is None:
                message = _(
                    "Ce contrat chevauche le contrat n° %(number)s déjà enregistré pour ce salarié "
                    "(%(period)s). Un salarié ne peut avoir deux contrats simultanés avec un "
                    "employeur."
                ) % {"number": clash.number, "period": period}
            else:
                message = _(
                    "Ce contrat chevauche celui de la ligne %(row)s pour le même salarié "
                    "(%(period)s). Un salarié ne peut avoir deux contrats simultanés avec un "
                    "employeur."
                ) % {"row": clash.row, "period": period}
            checker.error(by_number[item.row], "start_date", message)


def _establishment(checker: RowChecker, row: ParsedRow, refs: References) -> Any:
    raw = row.get("siret")
    if not raw or "siret" in row.failed:
        return None
    try:
        siret = check_siret(raw)
    except InvalidIdentifier as error:
        checker.error(row, "siret", error)
        row.failed.add("siret")
        return None
    establishment = refs.establishments.get(siret)
    if establishment is None:
        employer = refs.employer
        if not siret.startswith(employer.siren):
            message = _(
                "Ce SIRET n'est pas celui d'un établissement de %(employer)s (SIREN %(siren)s)."
            ) % {"employer": employer.name, "siren": employer.siren}
        else:
            message = _(
                "Aucun établissement de SIRET %(siret)s n'est enregistré pour %(employer)s : "
                "créez-le d'abord dans la fiche de l'employeur."
            ) % {"siret": siret, "employer": employer.name}
        checker.error(row, "siret", message)
        row.failed.add("siret")
    return establishment


def _check_siren(checker: RowChecker, row: ParsedRow, employer: Employer) -> None:
    raw = row.get("employer_siren")
    if not raw:
        return
    try:
        siren = check_siren(raw)
    except InvalidIdentifier as error:
        checker.error(row, "employer_siren", error)
        return
    if siren != employer.siren:
        checker.error(
            row,
            "employer_siren",
            _("Ce SIREN n'est pas celui de l'employeur choisi, %(employer)s (%(siren)s).")
            % {"employer": employer.name, "siren": employer.siren},
        )


def _lookup(
    checker: RowChecker, row: ParsedRow, key: str, known: dict[str, Any], employer: Employer
) -> Any:
    value = row.get(key)
    if not value:
        return None
    found = known.get(normalise(value))
    if found is None:
        if key == "department":
            message = _("Aucun service « %(value)s » chez %(employer)s.")
        else:
            message = _("Aucune fiche de poste « %(value)s » chez %(employer)s.")
        checker.error(row, key, message % {"value": value, "employer": employer.name})
        row.failed.add(key)
    return found


def _employee_for(
    checker: RowChecker,
    row: ParsedRow,
    refs: References,
    first_rows: dict[str, tuple[ParsedRow, Employee]],
) -> tuple[Employee, bool]:
    """The file the row's contract belongs to: an existing one, one created by an earlier row,
    or a new one built and checked from this row."""
    matricule = row.get("matricule") or ""
    existing = refs.employees.get(matricule) if matricule else None
    if existing is not None:
        if not _same_person(row, existing):
            checker.error(
                row,
                "matricule",
                _(
                    "Le matricule %(matricule)s est déjà attribué à un autre salarié de cet "
                    "employeur (%(name)s)."
                )
                % {"matricule": matricule, "name": existing.display_name},
            )
            row.failed.add("matricule")  # not this person's contracts: no overlap to report
        return existing, False
    if matricule in first_rows:
        first_row, employee = first_rows[matricule]
        if not _same_person(row, employee):
            checker.error(
                row,
                "matricule",
                _(
                    "Le matricule %(matricule)s figure déjà ligne %(row)s pour un autre salarié "
                    "(%(name)s) : un matricule identifie un seul salarié."
                )
                % {"matricule": matricule, "row": first_row.number, "name": employee.display_name},
            )
            row.failed.add("matricule")
        return employee, False
    employee = Employee(employer=refs.employer)
    for key in _KEYS_BY_TARGET[Target.EMPLOYEE]:
        if key in row.values:
            setattr(employee, key, row.values[key])
    employee.department = _lookup(checker, row, "department", refs.departments, refs.employer)
    for column in COLUMNS:
        if column.need == Need.NEW_EMPLOYEE and not row.given(column.key):
            checker.error(
                row,
                column.key,
                _(
                    "Valeur obligatoire pour créer le dossier d'un salarié (le matricule "
                    "%(matricule)s n'est pas connu chez %(employer)s)."
                )
                % {"matricule": matricule or "?", "employer": refs.employer.name},
            )
            row.failed.add(column.key)
    checker.validate(row, Target.EMPLOYEE, employee)
    if matricule:
        first_rows[matricule] = (row, employee)
    return employee, True

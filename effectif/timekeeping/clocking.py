"""Reading a file of clocked hours (badge exports): one line per entry and exit,

    Matricule ; Date (JJ/MM/AAAA) ; Entrée (HH:MM) ; Sortie (HH:MM)

as .csv or .xlsx. Several lines of one day are its stretches, in the order of the file. A night
shift belongs to the day it starts: its times the next morning are written « 06:00+1 » (exit,
or entry after a break past midnight). Every error is listed with its row and column, in
French; nothing is written until the whole file is right.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from effectif.contracts.models import ContractTerms
from effectif.core.cells import (
    CellError,
    display,
    is_empty,
    normalise,
    read_code,
    read_date,
    read_time,
)
from effectif.core.tables import UnreadableFile, read_table
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.rules.working_time.timeline import MINUTES_PER_DAY, hours_of
from effectif.timekeeping.models import SheetStatus, TimeSheet
from effectif.timekeeping.shifts import clock_text, time_minutes

#: Errors kept for the preview (the count is always exact).
MAX_ERRORS = 1000

COLUMNS = {
    "matricule": {"matricule", "mat", "numero de salarie", "id salarie"},
    "date": {"date", "jour", "date jj mm aaaa"},
    "entry": {"entree", "heure d entree", "debut", "arrivee", "entree hh mm"},
    "exit": {"sortie", "heure de sortie", "fin", "depart", "sortie hh mm"},
}
HEADERS = {
    "matricule": gettext_lazy("Matricule"),
    "date": gettext_lazy("Date"),
    "entry": gettext_lazy("Entrée"),
    "exit": gettext_lazy("Sortie"),
}
NEXT_DAY = "+1"


@dataclass
class ClockError:
    row: int
    column: str
    message: str
    value: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "value": self.value,
        }


@dataclass
class ClockDay:
    """One employee's day as the file gives it: stretches in minutes from its midnight."""

    employee_id: int
    day: dt.date
    stretches: list[tuple[int, int]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    def as_dict(self, names: dict[int, tuple[str, str]]) -> dict[str, Any]:
        matricule, name = names[self.employee_id]
        minutes = sum(end - start for start, end in self.stretches)
        return {
            "employee": self.employee_id,
            "matricule": matricule,
            "name": name,
            "day": self.day.isoformat(),
            "intervals": [[clock_text(s), clock_text(e)] for s, e in self.stretches],
            "hours": str(hours_of(minutes)),
        }


@dataclass
class ClockAnalysis:
    description: str = ""
    rows: int = 0
    errors: list[ClockError] = field(default_factory=list)
    error_count: int = 0
    days: list[dict[str, Any]] = field(default_factory=list)
    employees: int = 0
    labels: dict[str, str] = field(default_factory=dict)  # column key → « Entrée (C) »

    def column(self, key: str) -> str:
        return self.labels.get(key, str(HEADERS[key]))

    def add(self, error: ClockError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error)


def _column_key(cell: Any) -> str | None:
    text = normalise(display(cell))
    return next((key for key, names in COLUMNS.items() if text in names), None)


def _read_clock(value: Any) -> tuple[dt.time, bool]:
    """A time, and whether it is on the next day (« 06:00+1 »)."""
    text = display(value)
    if isinstance(value, str) and text.replace(" ", "").endswith(NEXT_DAY):
        return read_time(text.replace(" ", "")[: -len(NEXT_DAY)]), True
    return read_time(value), False


def analyse(data: bytes, filename: str, employer: Employer) -> ClockAnalysis:
    analysis = ClockAnalysis()

    def is_header(cells: list[Any]) -> bool:
        return {_column_key(cell) for cell in cells} >= set(COLUMNS)

    try:
        table = read_table(data, filename, is_header, _("Matricule, Date, Entrée, Sortie"))
    except UnreadableFile as error:
        analysis.add(ClockError(0, _("Fichier"), str(error)))
        return analysis
    analysis.description = table.describe()
    positions: dict[str, int] = {}
    for index, cell in enumerate(table.header):
        key = _column_key(cell)
        if key is not None and key not in positions:
            positions[key] = index
    analysis.labels = {key: _letter(positions, key) for key in positions}
    parsed: list[tuple[int, str, dt.date, int, int]] = []
    for number, cells in table.data_rows():
        if all(is_empty(cell) for cell in cells):
            continue
        analysis.rows += 1
        row = _parse_row(analysis, number, cells, positions)
        if row is not None:
            parsed.append(row)
    if not analysis.rows:
        analysis.add(ClockError(0, _("Fichier"), _("Le fichier ne contient aucune ligne.")))
        return analysis
    _check_rows(analysis, employer, parsed)
    order = list(COLUMNS)
    keys = {label: key for key, label in analysis.labels.items()}
    analysis.errors.sort(key=lambda e: (e.row, order.index(keys.get(e.column, "matricule"))))
    return analysis


def _letter(positions: dict[str, int], key: str) -> str:
    return _("%(column)s (%(letter)s)") % {
        "column": HEADERS[key],
        "letter": get_column_letter(positions[key] + 1),
    }


def _parse_row(
    analysis: ClockAnalysis, number: int, cells: list[Any], positions: dict[str, int]
) -> tuple[int, str, dt.date, int, int] | None:
    values: dict[str, Any] = {}
    for key, reader in (
        ("matricule", read_code),
        ("date", read_date),
        ("entry", _read_clock),
        ("exit", _read_clock),
    ):
        cell = cells[positions[key]] if positions[key] < len(cells) else None
        if is_empty(cell):
            analysis.add(ClockError(number, analysis.column(key), _("Valeur manquante.")))
            continue
        try:
            values[key] = reader(cell)
        except CellError as error:
            analysis.add(ClockError(number, analysis.column(key), str(error), display(cell)))
    if len(values) < len(COLUMNS):
        return None
    (entry_time, entry_next), (exit_time, exit_next) = values["entry"], values["exit"]
    entry = time_minutes(entry_time) + (MINUTES_PER_DAY if entry_next else 0)
    leave = time_minutes(exit_time) + (MINUTES_PER_DAY if exit_next else 0)
    if leave <= entry:
        analysis.add(
            ClockError(
                number,
                analysis.column("exit"),
                _(
                    "La sortie (%(exit)s) n'est pas après l'entrée (%(entry)s). Pour un poste de "
                    "nuit qui finit le lendemain, écrivez la sortie « %(exit)s+1 »."
                )
                % {"exit": exit_time.strftime("%H:%M"), "entry": entry_time.strftime("%H:%M")},
                display(cells[positions["exit"]]),
            )
        )
        return None
    return number, values["matricule"], values["date"], entry, leave


def _check_rows(
    analysis: ClockAnalysis, employer: Employer, parsed: list[tuple[int, str, dt.date, int, int]]
) -> None:
    people = {
        matricule: (pk, name_parts)
        for pk, matricule, *name_parts in Employee.objects.filter(
            employer=employer, matricule__in={row[1] for row in parsed}
        ).values_list("pk", "matricule", "last_name", "usage_name", "first_names")
    }
    names = {
        pk: (matricule, f"{(usage or last).upper()} {first}")
        for matricule, (pk, (last, usage, first)) in people.items()
    }
    days: dict[tuple[int, dt.date], ClockDay] = {}
    for number, matricule, day, entry, leave in parsed:
        if matricule not in people:
            analysis.add(
                ClockError(
                    number,
                    analysis.column("matricule"),
                    _("Matricule inconnu chez %(employer)s.") % {"employer": employer.name},
                    matricule,
                )
            )
            continue
        key = (people[matricule][0], day)
        found = days.setdefault(key, ClockDay(key[0], day))
        if found.stretches and entry < found.stretches[-1][1]:
            analysis.add(
                ClockError(
                    number,
                    analysis.column("entry"),
                    _(
                        "Cette entrée chevauche ou précède le pointage de la ligne %(row)s du "
                        "même jour : les lignes d'un jour se suivent dans l'ordre des heures."
                    )
                    % {"row": found.rows[-1]},
                    clock_text(entry),
                )
            )
            continue
        if found.stretches and leave - found.stretches[0][0] >= MINUTES_PER_DAY:
            analysis.add(
                ClockError(
                    number, analysis.column("exit"), _("Une journée dure moins de 24 heures.")
                )
            )
            continue
        found.stretches.append((entry, leave))
        found.rows.append(number)
    _check_against_days(analysis, days)
    _check_against_database(analysis, employer, days)
    if analysis.error_count:
        return
    ordered = sorted(days.values(), key=lambda d: (names[d.employee_id][1], d.day))
    analysis.days = [day.as_dict(names) for day in ordered]
    analysis.employees = len({day.employee_id for day in ordered})


def _check_against_days(analysis: ClockAnalysis, days: dict[tuple[int, dt.date], ClockDay]) -> None:
    """A day may not start before the previous day's night shift has ended."""
    for (employee_id, day), found in sorted(days.items()):
        previous = days.get((employee_id, day - dt.timedelta(days=1)))
        if (
            previous
            and found.stretches
            and previous.stretches
            and found.stretches[0][0] + MINUTES_PER_DAY < previous.stretches[-1][1]
        ):
            analysis.add(
                ClockError(
                    found.rows[0],
                    analysis.column("entry"),
                    _("Cette entrée chevauche le poste de la veille (ligne %(row)s).")
                    % {"row": previous.rows[-1]},
                    clock_text(found.stretches[0][0]),
                )
            )


def _check_against_database(
    analysis: ClockAnalysis, employer: Employer, days: dict[tuple[int, dt.date], ClockDay]
) -> None:
    """Days outside any contract, and weeks already validated."""
    if not days:
        return
    ids = {employee_id for employee_id, _day in days}
    first, last = min(d for _e, d in days), max(d for _e, d in days)
    contracts: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for employee_id, start, end in (
        ContractTerms.objects.filter(
            Q(contract__end_date__isnull=True) | Q(contract__end_date__gte=first),
            contract__employee_id__in=ids,
            contract__start_date__lte=last,
        )
        .values_list("contract__employee_id", "contract__start_date", "contract__end_date")
        .distinct()
    ):
        contracts[employee_id].append((start, end or dt.date.max))
    validated = set(
        TimeSheet.objects.filter(
            employee_id__in=ids,
            status=SheetStatus.APPROVED,
            week_start__gte=first - dt.timedelta(days=6),
            week_start__lte=last,
        ).values_list("employee_id", "week_start")
    )
    for (employee_id, day), found in sorted(days.items()):
        if not any(start <= day <= end for start, end in contracts[employee_id]):
            analysis.add(
                ClockError(
                    found.rows[0],
                    analysis.column("date"),
                    _("Aucun contrat de ce salarié ne couvre le %(day)s.")
                    % {"day": day.strftime("%d/%m/%Y")},
                    day.strftime("%d/%m/%Y"),
                )
            )
        monday = day - dt.timedelta(days=day.weekday())
        if (employee_id, monday) in validated:
            analysis.add(
                ClockError(
                    found.rows[0],
                    analysis.column("date"),
                    _(
                        "La semaine du %(monday)s de ce salarié est déjà validée : ses heures ne "
                        "peuvent plus être importées (demandez aux RH de la rouvrir)."
                    )
                    % {"monday": monday.strftime("%d/%m/%Y")},
                    day.strftime("%d/%m/%Y"),
                )
            )

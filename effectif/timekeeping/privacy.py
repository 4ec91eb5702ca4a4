"""Time sheets in the retention schedule and in a person's data.

A week's sheet and the planning changes of a day are working-time documents: one year for the
labour inspectorate (D3171-16), and the evidence of pay claims, which prescribe in three years
(L3245-1); past three years they are deleted. The detail read from a file of clocked hours is
a copy of what the confirmation wrote into the sheets: it goes after three months.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, rows
from effectif.core.retention import DataKind, Outcome
from effectif.employees.models import Employee
from effectif.rules.parameters.base import DatedValue, Parameter
from effectif.rules.parameters.retention import TIME_RECORDS_RETENTION_YEARS
from effectif.rules.privacy.dates import Period, Unit
from effectif.timekeeping.models import ClockImport, ShiftOverride, TimeRecord, TimeSheet

#: Effectif's own choice: the written time sheets hold what the file said.
CLOCK_IMPORT_DETAIL_MONTHS: Parameter[int] = Parameter(
    name="imports_pointages_detail_conservation_mois",
    description="Conservation du détail lu dans un fichier de pointages",
    values=(
        DatedValue(
            date(2026, 1, 1),
            3,
            "Choix d'Effectif : minimisation (RGPD art. 5, 1, c et e) ; les feuilles de temps "
            "écrites à la confirmation gardent les heures",
        ),
    ),
)


def _expired_time(limit: date, employee: Employee | None = None) -> tuple[Any, Any]:
    sheets = TimeSheet.objects.filter(week_start__lt=limit - dt.timedelta(days=6))
    overrides = ShiftOverride.objects.filter(day__lt=limit)
    if employee is not None:
        sheets, overrides = sheets.filter(employee=employee), overrides.filter(employee=employee)
    return sheets, overrides


def purge_time(now: dt.datetime, dry_run: bool) -> Outcome:
    sheets, overrides = _expired_time(TIME_RECORDS.limit(now))
    if dry_run:
        return Outcome(erased=sheets.count() + overrides.count())
    erased = sheets.delete()[1].get(TimeSheet._meta.label, 0)
    return Outcome(erased=erased + overrides.delete()[0])


def purge_clock_imports(now: dt.datetime, dry_run: bool) -> Outcome:
    cutoff = CLOCK_IMPORTS.cutoff(now)
    stale = [
        batch
        for batch in ClockImport.objects.filter(created_at__lt=cutoff).only("id", "days", "errors")
        if batch.days or batch.errors
    ]
    if not dry_run:
        ClockImport.objects.filter(pk__in=[b.pk for b in stale]).update(days=[], errors=[])
    return Outcome(pseudonymised=len(stale))


TIME_RECORDS = DataKind(
    key="time_records",
    label=_("Feuilles de temps et modifications du planning"),
    processing="working_time",
    duration=TIME_RECORDS_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après la semaine ou le jour décompté"),
    end=_("effacées"),
    purge=purge_time,
    note=_("Les heures validées ont été reportées en paie (heures supplémentaires)."),
    order=50,
)
CLOCK_IMPORTS = DataKind(
    key="clock_imports",
    label=_("Fichiers de pointages importés (détail lu)"),
    processing="working_time",
    duration=CLOCK_IMPORT_DETAIL_MONTHS,
    unit=Unit.MONTHS,
    start=_("après l'import"),
    end=_("détail et erreurs effacés ; le nom du fichier et les comptes restent"),
    purge=purge_clock_imports,
    order=55,
)


def export_time(employee: Employee) -> ExportSection:
    sheets = TimeSheet.objects.filter(employee=employee).order_by("week_start")
    records = TimeRecord.objects.filter(sheet__employee=employee).order_by("day")
    overrides = ShiftOverride.objects.filter(employee=employee).order_by("day")
    return ExportSection(
        name="temps_de_travail",
        title=str(_("Feuilles de temps et planning")),
        data={
            "feuilles_de_temps": rows(
                sheets,
                (
                    "week_start",
                    "status",
                    "submitted_at",
                    "manager_decided_at",
                    "decision_comment",
                    "worked_hours",
                    "overtime_first_hours",
                    "overtime_second_hours",
                    "complementary_first_hours",
                    "complementary_second_hours",
                ),
            ),
            "releves_journaliers": rows(records, ("day", "intervals", "hours", "source")),
            "modifications_du_planning": rows(
                overrides, ("day", "intervals", "hours", "override_reason", "note")
            ),
        },
    )


def erase_time(employee: Employee, ctx: ErasureContext) -> Outcome:
    sheets, overrides = _expired_time(
        Period(TIME_RECORDS_RETENTION_YEARS.at(ctx.today), Unit.YEARS).before(ctx.today),
        employee,
    )
    erased = sheets.delete()[1].get(TimeSheet._meta.label, 0)
    return Outcome(erased=erased + overrides.delete()[0])


TIME_PART = PersonPart(
    key="time_records",
    label=_("Feuilles de temps et planning"),
    kind="time_records",
    export=export_time,
    erase=erase_time,
    early=_("Les feuilles et modifications de plus de trois ans"),
    order=50,
)


def register(registry: Any) -> None:
    registry.register_kind(TIME_RECORDS)
    registry.register_kind(CLOCK_IMPORTS)
    registry.register_part(TIME_PART)

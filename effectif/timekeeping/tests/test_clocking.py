"""Imports of clocked hours: every error by row and column in French, then all or nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from effectif.timekeeping.models import ClockImportStatus, SheetStatus, TimeRecord, TimeSheet
from effectif.timekeeping.services.clocking import (
    clock_import_cancel,
    clock_import_confirm,
    clock_import_upload,
)
from effectif.timekeeping.services.sheets import (
    DayEntry,
    timesheet_save,
    timesheet_submit,
    timesheet_validate,
)

pytestmark = pytest.mark.django_db


def csv_upload(text: str, name: str = "pointages.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"))


def test_a_good_file_is_previewed_then_written(world, hr_manager) -> None:
    m = world.member.matricule
    text = (
        "Matricule;Date;Entrée;Sortie\n"
        f"{m};02/03/2026;08:00;12:00\n"
        f"{m};02/03/2026;13:00;17:30\n"
        f"{m};03/03/2026;22:00;02:00+1\n"
        f"{m};03/03/2026;02:30+1;06:00+1\n"
    )
    batch = clock_import_upload(employer=world.employer, upload=csv_upload(text), by=hr_manager)
    assert (batch.row_count, batch.error_count, batch.employee_count) == (4, 0, 1)
    assert [day["hours"] for day in batch.days] == ["8.50", "7.50"]
    assert not TimeRecord.objects.exists()  # nothing written before the confirmation

    clock_import_confirm(batch=batch, by=hr_manager)
    sheet = TimeSheet.objects.get(employee=world.member)
    assert sheet.status == SheetStatus.SUBMITTED  # awaits the manager's validation
    night = sheet.records.get(day=dt.date(2026, 3, 3))
    assert night.intervals == [["22:00", "02:00"], ["02:30", "06:00"]]
    assert night.source == "pointage"
    batch.refresh_from_db()
    assert batch.status == ClockImportStatus.CONFIRMED


def test_each_error_with_its_row_and_column(world, hr_manager) -> None:
    m = world.member.matricule
    text = (
        "Matricule;Date;Entrée;Sortie\n"
        f"{m};02/03/2026;08:00;12:00\n"
        "INCONNU;02/03/2026;08:00;12:00\n"
        f"{m};04/03/2026;8h75;12:00\n"
        f"{m};05/03/2026;17:00;08:00\n"
        f"{m};31/02/2026;08:00;12:00\n"
        f"{m};06/03/2026;;12:00\n"
        f"{m};02/03/2026;11:00;14:00\n"
    )
    batch = clock_import_upload(employer=world.employer, upload=csv_upload(text), by=hr_manager)
    got = [(e["row"], e["column"].split(" (")[0], e["message"]) for e in batch.errors]
    # In the order of the file; every column named with its letter.
    assert [(row, column) for row, column, _m in got] == [
        (3, "Matricule"),
        (4, "Entrée"),
        (5, "Sortie"),
        (6, "Date"),
        (7, "Entrée"),
        (8, "Entrée"),
    ]
    assert {e["column"] for e in batch.errors} >= {"Matricule (A)", "Entrée (C)"}
    messages = {(row, column): message for row, column, message in got}
    assert "n'est pas une heure qui existe" in messages[(4, "Entrée")]
    assert "n'est pas après l'entrée (17:00)" in messages[(5, "Sortie")]
    assert "n'a que 28 jours" in messages[(6, "Date")]
    assert messages[(7, "Entrée")] == "Valeur manquante."
    assert messages[(3, "Matricule")] == "Matricule inconnu chez Employeur A."
    assert "chevauche ou précède le pointage de la ligne 2" in messages[(8, "Entrée")]
    assert batch.days == []
    with pytest.raises(ValidationError):
        clock_import_confirm(batch=batch, by=hr_manager)


def test_an_xlsx_with_typed_cells(world, hr_manager) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Matricule", "Date", "Entrée", "Sortie"])
    sheet.append([world.member.matricule, dt.date(2026, 3, 2), dt.time(9, 0), dt.time(12, 30)])
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("pointages.xlsx", out.getvalue())
    batch = clock_import_upload(employer=world.employer, upload=upload, by=hr_manager)
    assert (batch.error_count, batch.days[0]["hours"]) == (0, "3.50")


def test_a_validated_week_cannot_be_imported_into(
    world, hr_manager, employee_user, manager_user
) -> None:
    monday = dt.date(2026, 3, 2)
    sheet = timesheet_save(
        employee=world.member,
        week_start=monday,
        days={monday: DayEntry(hours=Decimal(7))},
        by=employee_user,
    )
    timesheet_submit(sheet=sheet, by=employee_user)
    text = f"Matricule;Date;Entrée;Sortie\n{world.member.matricule};03/03/2026;08:00;12:00\n"
    batch = clock_import_upload(employer=world.employer, upload=csv_upload(text), by=hr_manager)
    assert batch.error_count == 0
    timesheet_validate(sheet=sheet, by=manager_user)  # validated between preview and confirmation
    with pytest.raises(ValidationError, match="a été validée depuis l'aperçu"):
        clock_import_confirm(batch=batch, by=hr_manager)
    assert not TimeRecord.objects.filter(day=dt.date(2026, 3, 3)).exists()
    again = clock_import_upload(employer=world.employer, upload=csv_upload(text), by=hr_manager)
    assert "est déjà validée" in again.errors[0]["message"]


def test_unreadable_file_and_cancel(world, hr_manager) -> None:
    batch = clock_import_upload(
        employer=world.employer, upload=csv_upload("Nom;Prénom\nA;B\n"), by=hr_manager
    )
    assert "Matricule, Date, Entrée, Sortie" in batch.errors[0]["message"]
    batch = clock_import_cancel(batch=batch, by=hr_manager)
    assert batch.status == ClockImportStatus.CANCELLED

"""The working-time pages end to end: forms, services, messages, exports."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from effectif.core.models import AuditEntry
from effectif.timekeeping.models import (
    ClockImport,
    ScheduleAssignment,
    SheetStatus,
    TimeSheet,
    WorkingTimeSettings,
    WorkSchedule,
)
from effectif.timekeeping.services.sheets import DayEntry, timesheet_save, timesheet_submit
from effectif.timekeeping.tests.factories import make_schedule

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)


def test_hr_creates_a_schedule_from_a_usual_pattern(client_for, hr_manager, world) -> None:
    client = client_for(hr_manager)
    page = client.get("/temps/horaires/nouveau/?modele=4j")
    grid = page.context["grid"]
    assert grid["w1d0_start"].value() == dt.time(8, 0)
    data = {
        "employer": world.employer.pk,
        "name": "Quatre jours",
        "kind": "horaires",
        "cycle_weeks": "1",
        "active": "on",
    }
    for weekday in range(4):
        data |= {
            f"w1d{weekday}_start": "08:00",
            f"w1d{weekday}_end": "17:45",
            f"w1d{weekday}_break_start": "12:00",
            f"w1d{weekday}_break_end": "13:00",
        }
    response = client.post("/temps/horaires/nouveau/", data)
    assert response.status_code == 302
    schedule = WorkSchedule.objects.get(name="Quatre jours")
    assert [day.hours for day in schedule.days.all()] == [Decimal("8.75")] * 4
    assert AuditEntry.objects.filter(target_type="timekeeping.WorkSchedule").count() == 2


def test_schedule_grid_errors_are_shown_on_their_day(client_for, hr_manager, world) -> None:
    data = {
        "employer": world.employer.pk,
        "name": "Mauvais",
        "kind": "horaires",
        "cycle_weeks": "1",
        "w1d0_start": "08:00",
        "w1d0_end": "12:00",
        "w1d0_break_start": "13:00",
        "w1d0_break_end": "14:00",
        "w1d1_start": "08:00",
    }
    response = client_for(hr_manager).post("/temps/horaires/nouveau/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "La pause doit se placer entre le début et la fin" in page
    assert "Indiquez l&#x27;heure de début et l&#x27;heure de fin." in page
    assert not WorkSchedule.objects.filter(name="Mauvais").exists()


def test_changing_the_cycle_redraws_the_grid_without_saving(client_for, hr_manager, world) -> None:
    data = {
        "employer": world.employer.pk,
        "name": "Cycle",
        "kind": "horaires",
        "cycle_weeks": "3",
        "grille": "1",
    }
    response = client_for(hr_manager).post("/temps/horaires/nouveau/", data)
    assert len(response.context["grid"].rows()) == 3
    assert not WorkSchedule.objects.exists()


def test_assigning_a_schedule_from_the_file(client_for, hr_manager, world) -> None:
    schedule = make_schedule(world.employer)
    client = client_for(hr_manager)
    response = client.post(
        f"/temps/salaries/{world.member.pk}/horaire/",
        {"schedule": schedule.pk, "start_date": "2026-03-02", "cycle_start_week": "1"},
    )
    assert response.status_code == 302
    assert ScheduleAssignment.objects.get(employee=world.member).start_date == MONDAY
    page = client.get(f"/salaries/{world.member.pk}/").content.decode()
    assert "Horaire de travail" in page
    assert "35,00 h par semaine" in page
    # A second schedule from another date closes the first the day before.
    other = make_schedule(world.employer, "Autre", {0: ("08:00", "12:00")})
    client.post(
        f"/temps/salaries/{world.member.pk}/horaire/",
        {"schedule": other.pk, "start_date": "2026-04-01", "cycle_start_week": "1"},
    )
    first = ScheduleAssignment.objects.get(schedule=schedule)
    assert first.end_date == dt.date(2026, 3, 31)


def test_a_schedule_of_another_employer_cannot_be_assigned(client_for, hr_manager, world) -> None:
    foreign = make_schedule(world.other_employer, "Ailleurs")
    response = client_for(hr_manager).post(
        f"/temps/salaries/{world.member.pk}/horaire/",
        {"schedule": foreign.pk, "start_date": "2026-03-02", "cycle_start_week": "1"},
    )
    assert response.status_code == 200
    assert not ScheduleAssignment.objects.exists()


def test_settings_within_what_an_agreement_may_set(client_for, hr_manager, world) -> None:
    url = f"/temps/parametres/{world.employer.pk}/"
    client = client_for(hr_manager)
    response = client.post(url, {"solidarity_day": "lundi_de_pentecote", "daily_max_hours": "13"})
    assert "12 h au plus" in response.content.decode()
    response = client.post(
        url,
        {
            "solidarity_day": "lundi_de_pentecote",
            "daily_max_hours": "12",
            "complementary_fraction": "0.3333",
        },
    )
    assert response.status_code == 302
    settings = WorkingTimeSettings.objects.get(employer=world.employer)
    assert settings.accord().complementary_fraction == Decimal(1) / 3


def test_employee_declares_then_submits_the_week(client_for, employee_user, world) -> None:
    client = client_for(employee_user)
    url = "/temps/mes-heures/?semaine=2026-03-04"
    assert client.get(url).context["monday"] == MONDAY
    data = {
        "2026-03-02_in1": "08:00",
        "2026-03-02_out1": "12:00",
        "2026-03-02_in2": "13:00",
        "2026-03-02_out2": "18:00",
        "2026-03-03_hours": "7,5",
        "enregistrer": "1",
    }
    assert client.post(url, data).status_code == 302
    sheet = TimeSheet.objects.get(employee=world.member)
    assert sorted(r.hours for r in sheet.records.all()) == [Decimal("7.50"), Decimal("9.00")]
    client.post(url, {**data, "soumettre": "1"})
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SUBMITTED
    assert "ne peut plus être modifiée" in client.get(url).content.decode()


def test_week_form_errors(client_for, employee_user, world) -> None:
    client = client_for(employee_user)
    url = "/temps/mes-heures/?semaine=2026-03-02"
    response = client.post(
        url,
        {
            "2026-03-02_in1": "08:00",
            "2026-03-02_hours": "3",
            "2026-03-03_in1": "08:00",
            "2026-03-03_out1": "12:00",
            "2026-03-03_in2": "11:00",
            "2026-03-03_out2": "14:00",
        },
    )
    page = response.content.decode()
    assert "Indiquez l&#x27;entrée et la sortie." in page
    assert "pas les deux" in page
    assert not TimeSheet.objects.exists()
    response = client.post(
        url,
        {
            "2026-03-03_in1": "08:00",
            "2026-03-03_out1": "12:00",
            "2026-03-03_in2": "11:00",
            "2026-03-03_out2": "14:00",
        },
    )
    assert "se suivre sans se chevaucher" in response.content.decode()


def test_planned_week_as_a_starting_point(client_for, employee_user, world) -> None:
    response = client_for(employee_user).get("/temps/mes-heures/?semaine=2026-03-02&prevu=1")
    form = response.context["form"]
    assert form["2026-03-02_in1"].value() == dt.time(9, 0)
    assert form["2026-03-02_out2"].value() == dt.time(17, 0)
    assert not form["2026-03-07_in1"].value()


def test_manager_returns_then_validates_and_hr_sees_the_month(
    client_for, employee_user, manager_user, hr_manager, world
) -> None:
    day = DayEntry(intervals=[(dt.time(8), dt.time(12)), (dt.time(13), dt.time(18, 12))])
    sheet = timesheet_save(
        employee=world.member,
        week_start=MONDAY,
        days={MONDAY + dt.timedelta(days=n): day for n in range(5)},
        by=employee_user,
    )
    timesheet_submit(sheet=sheet, by=employee_user)
    manager = client_for(manager_user)
    listed = manager.get("/temps/a-valider/").content.decode()
    assert world.member.display_name in listed
    detail = manager.get(f"/temps/feuilles/{sheet.pk}/")
    assert detail.context["hours"].overtime_second == Decimal("3.00")  # 46 h: 8 h + 3 h
    manager.post(f"/temps/feuilles/{sheet.pk}/", {"renvoyer": "1", "comment": "Vendredi ?"})
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.DRAFT
    timesheet_submit(sheet=sheet, by=employee_user)
    manager.post(f"/temps/feuilles/{sheet.pk}/valider/")
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.APPROVED

    hr = client_for(hr_manager)
    page = hr.get("/temps/elements-variables/", {"employer": world.employer.pk, "month": "2026-03"})
    row = page.context["rows"][0]
    assert (row.employee, row.overtime_first, row.overtime_second) == (
        world.member,
        Decimal("8.00"),
        Decimal("3.00"),
    )
    export = hr.get(
        "/temps/elements-variables/",
        {"employer": world.employer.pk, "month": "2026-03", "export": "xlsx"},
    )
    sheet_rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert sheet_rows[0][4] == "Heures supplémentaires à 25 %"
    assert sheet_rows[1][4] == 8.0
    # A week ending in April is paid in April: nothing in February.
    february = hr.get(
        "/temps/elements-variables/", {"employer": world.employer.pk, "month": "2026-02"}
    )
    assert february.context["rows"] == []


def test_checks_page_lists_each_breach_with_rule_and_article(
    client_for, hr_manager, manager_user, world
) -> None:
    from effectif.timekeeping.models import ShiftOverride

    ShiftOverride.objects.create(
        employee=world.member,
        day=MONDAY,
        intervals=[["14:00", "18:00"], ["18:30", "23:00"]],
        hours=Decimal("8.50"),
    )
    params = {"target": f"e{world.establishment.pk}", "start": "2026-03-01", "end": "2026-03-31"}
    response = client_for(hr_manager).get("/temps/controles/", params)
    page = response.content.decode()
    assert "Repos quotidien" in page
    assert "C. trav. art. L3131-1" in page
    assert "Repos de 10\u00a0h seulement" in page
    csv_export = client_for(hr_manager).get("/temps/controles/", {**params, "export": "csv"})
    assert "Repos quotidien" in b"".join(csv_export.streaming_content).decode("utf-8-sig")
    # The manager checks their team; the establishment is not theirs to choose.
    team = client_for(manager_user).get(
        "/temps/controles/",
        {"target": f"d{world.team.pk}", "start": "2026-03-01", "end": "2026-03-31"},
    )
    assert "Repos quotidien" in team.content.decode()
    refused = client_for(manager_user).get("/temps/controles/", params)
    assert refused.context["form"].errors


def test_clock_import_through_the_pages(client_for, hr_manager, world) -> None:
    client = client_for(hr_manager)
    text = f"Matricule;Date;Entrée;Sortie\n{world.member.matricule};02/03/2026;08:00;12:00\n"
    response = client.post(
        "/temps/pointages/",
        {"employer": world.employer.pk, "file": SimpleUploadedFile("p.csv", text.encode())},
    )
    batch = ClockImport.objects.get()
    assert response.url == f"/temps/pointages/{batch.pk}/"
    preview = client.get(response.url).content.decode()
    assert "Aucune erreur" in preview
    client.post(f"/temps/pointages/{batch.pk}/confirmer/")
    assert TimeSheet.objects.get(employee=world.member).status == SheetStatus.SUBMITTED
    other = client.post(
        "/temps/pointages/",
        {"employer": world.other_employer.pk, "file": SimpleUploadedFile("p.csv", text.encode())},
    )
    assert other.status_code == 404


def test_editing_a_schedule_keeps_the_pattern_before_and_after_in_the_audit(
    client_for, hr_manager, world
) -> None:
    schedule = make_schedule(world.employer)
    client = client_for(hr_manager)
    page = client.get(f"/temps/horaires/{schedule.pk}/")
    assert page.context["grid"]["w1d4_end"].value() == dt.time(17, 0)
    data = {
        "name": schedule.name,
        "kind": "horaires",
        "cycle_weeks": "1",
        "active": "on",
    }
    for weekday in range(5):
        data |= {
            f"w1d{weekday}_start": "09:00",
            f"w1d{weekday}_end": "16:00" if weekday == 4 else "17:00",
            f"w1d{weekday}_break_start": "12:00",
            f"w1d{weekday}_break_end": "13:00",
        }
    assert client.post(f"/temps/horaires/{schedule.pk}/", data).status_code == 302
    entry = AuditEntry.objects.filter(target_type="timekeeping.WorkSchedule").latest("id")
    before, after = entry.changes["days"]
    assert "S1 Vendredi 09:00–12:00, 13:00–17:00" in before
    assert "S1 Vendredi 09:00–12:00, 13:00–16:00" in after

"""Every working-time page for every role: the outsider gets 403 or 404, the owner the page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from effectif.timekeeping.models import ClockImport, SheetStatus
from effectif.timekeeping.services.sheets import DayEntry, timesheet_save, timesheet_submit
from effectif.timekeeping.tests.factories import assign, make_schedule

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
MONDAY = dt.date(2026, 3, 2)


def _status(request, role, url):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client.get(url).status_code


@pytest.fixture
def objects(world, employee_user, hr_manager):
    schedule = make_schedule(world.employer)
    other_schedule = make_schedule(world.other_employer, "Autre")
    assignment = assign(world.member, schedule)
    sheet = timesheet_save(
        employee=world.member,
        week_start=MONDAY,
        days={MONDAY: DayEntry(hours=Decimal(7))},
        by=employee_user,
    )
    timesheet_submit(sheet=sheet, by=employee_user)
    stranger_sheet = timesheet_save(
        employee=world.stranger, week_start=MONDAY, days={}, by=hr_manager
    )
    batch = ClockImport.objects.create(employer=world.employer, original_name="p.csv")
    other_batch = ClockImport.objects.create(employer=world.other_employer, original_name="q.csv")
    return {
        "schedule": schedule,
        "other_schedule": other_schedule,
        "assignment": assignment,
        "sheet": sheet,
        "stranger_sheet": stranger_sheet,
        "batch": batch,
        "other_batch": other_batch,
        "member": world.member,
        "stranger": world.stranger,
        "employer": world.employer,
        "other_employer": world.other_employer,
    }


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("schedule_list", None, [200, 200, 200, 403, 403, 200]),
        ("schedule_create", None, [200, 200, 200, 403, 403, 200]),
        ("schedule_edit", "schedule", [200, 200, 200, 403, 403, 404]),
        ("schedule_edit", "other_schedule", [200, 404, 404, 403, 403, 404]),
        ("assign", "member", [200, 200, 200, 403, 403, 404]),
        ("assign", "stranger", [200, 404, 404, 404, 404, 404]),
        ("settings", "employer", [200, 200, 403, 403, 403, 403]),
        ("settings", "other_employer", [200, 404, 403, 403, 403, 403]),
        ("my_week", None, [403, 403, 403, 200, 200, 403]),
        ("to_validate", None, [200, 200, 200, 200, 403, 200]),
        ("sheet_list", None, [200, 200, 200, 403, 403, 200]),
        ("sheet_detail", "sheet", [200, 200, 200, 200, 200, 404]),
        ("sheet_detail", "stranger_sheet", [200, 404, 404, 404, 404, 404]),
        ("checks", None, [200, 200, 200, 200, 403, 200]),
        ("variable_elements", None, [200, 200, 200, 403, 403, 200]),
        ("clock_start", None, [200, 200, 200, 403, 403, 200]),
        ("clock_preview", "batch", [200, 200, 200, 403, 403, 404]),
        ("clock_preview", "other_batch", [200, 404, 404, 403, 403, 404]),
    ],
)
def test_access_matrix(request, objects, name, target, expected):
    url = reverse(f"timekeeping:{name}", args=[objects[target].pk] if target else [])
    got = [_status(request, role, url) for role in ROLES]
    assert got == expected, f"{url}: {got}"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_templates_and_exports_for_hr_only(
    request, objects, client_for, hr_manager, employee_user, fmt
):
    for url in (
        reverse("timekeeping:clock_template", args=[fmt]),
        reverse("timekeeping:clock_errors_export", args=[objects["batch"].pk, fmt]),
        reverse("timekeeping:sheet_list") + f"?export={fmt}",
        reverse("timekeeping:variable_elements") + f"?export={fmt}",
    ):
        assert client_for(hr_manager).get(url).status_code == 200, url
        assert client_for(employee_user).get(url).status_code == 403, url


def test_posts_are_refused_to_those_who_may_not(
    objects, client_for, employee_user, outsider, manager_user
):
    sheet = objects["sheet"]
    validate = reverse("timekeeping:sheet_validate", args=[sheet.pk])
    assert client_for(employee_user).post(validate).status_code == 403  # not one's own week
    assert client_for(outsider).post(validate).status_code == 404
    delete = reverse(
        "timekeeping:assignment_delete", args=[objects["member"].pk, objects["assignment"].pk]
    )
    assert client_for(manager_user).post(delete).status_code == 403
    assert client_for(outsider).post(delete).status_code == 404
    confirm = reverse("timekeeping:clock_confirm", args=[objects["other_batch"].pk])
    assert client_for(outsider).post(confirm).status_code == 404
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SUBMITTED

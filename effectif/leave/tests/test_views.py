"""Every page for every role: the owner gets it, others get 403 or 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from effectif.core.testing import sample_pdf
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.models import LeaveRequest, LedgerEntry, Notification, Status
from effectif.leave.services import leave_request_submit
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db
MON = date(2026, 6, 8)
ROLES = ("hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider")


@pytest.fixture
def pending(world, types, employee_user):
    acquisitions_post(leave_type=types["cp"], up_to=date(2026, 5, 31))
    return leave_request_submit(
        employee=world.member, leave_type=types["cp"], span=Span(MON, MON), by=employee_user
    ).request


def status_for(client_for, request, role, url, method="get", data=None):
    client = client_for(request.getfixturevalue(role))
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 302),  # no file of their own: sent to the requests
        ("manager_user", 200),
        ("employee_user", 200),
        ("outsider", 302),
    ],
)
def test_my_leave(request, client_for, pending, role, expected):
    assert status_for(client_for, request, role, reverse("leave:mine")) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("manager_user", 200),
        ("employee_user", 403),
        ("outsider", 200),
    ],
)
def test_request_list(request, client_for, pending, role, expected):
    status = status_for(client_for, request, role, reverse("leave:requests"))
    assert status == expected


def test_request_list_shows_only_the_scope(client_for, pending, manager_user, outsider):
    assert (
        pending.employee.display_name
        in client_for(manager_user).get(reverse("leave:requests")).content.decode()
    )
    assert (
        pending.employee.display_name
        not in client_for(outsider).get(reverse("leave:requests")).content.decode()
    )
    export = client_for(manager_user).get(reverse("leave:requests") + "?export=csv")
    assert export.status_code == 200
    assert pending.employee.matricule in b"".join(export.streaming_content).decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("hr_manager", 200),
        ("hr_assistant", 200),
        ("manager_user", 200),
        ("employee_user", 200),
        ("outsider", 404),
    ],
)
def test_request_detail(request, client_for, pending, role, expected):
    url = reverse("leave:request_detail", args=[pending.pk])
    assert status_for(client_for, request, role, url) == expected


def test_stranger_requests_are_not_found(client_for, world, types, hr_manager):
    other = leave_request_submit(
        employee=world.stranger,
        leave_type=world.stranger.employer.leave_types.get(code="cp"),
        span=Span(MON, MON),
        by=None,
    ).request
    response = client_for(hr_manager).get(reverse("leave:request_detail", args=[other.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "expected", "status"),
    [
        ("employee_user", 403, Status.SUBMITTED),  # never on one's own request
        ("outsider", 404, Status.SUBMITTED),
        ("manager_user", 302, Status.APPROVED),
    ],
)
def test_approve(request, client_for, pending, role, expected, status):
    url = reverse("leave:request_approve", args=[pending.pk])
    assert status_for(client_for, request, role, url, "post") == expected
    pending.refresh_from_db()
    assert pending.status == status


def test_manager_sees_who_else_is_away_and_refuses_with_a_reason(
    client_for, world, types, pending, manager_user, hr_manager
):
    # A teammate (the manager's own file is elsewhere; add one in the team) is off that day.
    colleague = world.colleague
    colleague.department = world.team
    colleague.save()
    leave_request_submit(
        employee=colleague, leave_type=types["cp"], span=Span(MON, MON), by=hr_manager
    )
    client = client_for(manager_user)
    page = client.get(reverse("leave:request_detail", args=[pending.pk])).content.decode()
    assert colleague.display_name in page
    response = client.post(reverse("leave:request_refuse", args=[pending.pk]), {"comment": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.SUBMITTED  # a refusal needs its reason
    client.post(reverse("leave:request_refuse", args=[pending.pk]), {"comment": "Inventaire"})
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 302), ("manager_user", 403), ("employee_user", 302), ("outsider", 404)],
)
def test_cancel(request, client_for, pending, role, expected):
    url = reverse("leave:request_cancel", args=[pending.pk])
    assert status_for(client_for, request, role, url, "post") == expected


def test_employee_asks_with_a_preview_and_an_overlap_is_refused(
    client_for, world, types, pending, employee_user
):
    client = client_for(employee_user)
    assert client.get(reverse("leave:request_new")).status_code == 200
    data = {
        "leave_type": types["cp"].pk,
        "start_date": "2026-06-15",
        "end_date": "2026-06-19",
    }
    preview = client.post(reverse("leave:request_preview"), data).content.decode()
    assert "6,00" in preview  # Monday to Friday: six jours ouvrables
    response = client.post(reverse("leave:request_new"), data)
    assert response.status_code == 302
    overlap = client.post(
        reverse("leave:request_new"), {**data, "start_date": "2026-06-08", "end_date": "2026-06-09"}
    )
    assert overlap.status_code == 200
    assert "chevauche une autre absence" in overlap.content.decode()
    assert LeaveRequest.objects.filter(employee=world.member).count() == 2


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 302), ("hr_assistant", 302), ("manager_user", 403), ("outsider", 404)],
)
def test_on_behalf(request, client_for, world, types, role, expected):
    url = reverse("leave:request_new") + f"?salarie={world.member.pk}"
    data = {"leave_type": types["cp"].pk, "start_date": "2026-06-15", "end_date": "2026-06-15"}
    assert status_for(client_for, request, role, url, "post", data) == expected


def test_hr_records_a_sick_leave_with_its_document(
    client_for, world, types, hr_assistant, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    client = client_for(hr_assistant)
    url = reverse("leave:absence_new") + f"?salarie={world.member.pk}"
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("arret.pdf", sample_pdf("Arrêt"), "application/pdf")
    response = client.post(
        url,
        {
            "leave_type": types["maladie"].pk,
            "start_date": "2026-03-02",
            "end_date": "2026-03-13",
            "subrogation": "on",
            "document": upload,
        },
    )
    assert response.status_code == 302
    absence = LeaveRequest.objects.get(employee=world.member)
    assert absence.status == Status.APPROVED
    assert absence.subrogation
    assert absence.amount == 12  # calendar days
    assert absence.document is not None
    assert client_for(world.member.user).get(url).status_code == 403


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 200), ("manager_user", 200), ("employee_user", 200), ("outsider", 404)],
)
def test_statement(request, client_for, world, pending, role, expected):
    url = reverse("leave:statement", args=[world.member.pk]) + "?date=2026-06-30"
    assert status_for(client_for, request, role, url) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 302), ("manager_user", 403), ("employee_user", 403), ("outsider", 404)],
)
def test_adjust(request, client_for, world, types, role, expected):
    url = reverse("leave:adjust", args=[world.member.pk])
    data = {
        "leave_type": types["rtt"].pk,
        "amount": "10",
        "entry_date": "2026-01-01",
        "label": "RTT 2026",
    }
    assert status_for(client_for, request, role, url, "post", data) == expected
    assert LedgerEntry.objects.filter(employee=world.member).exists() is (expected == 302)


@pytest.mark.parametrize("name", ["leave:balances", "leave:types", "leave:pay", "leave:closing"])
@pytest.mark.parametrize(
    ("role", "expected"),
    [("hr_manager", 200), ("hr_assistant", 200), ("manager_user", 403), ("employee_user", 403)],
)
def test_hr_pages(request, client_for, pending, name, role, expected):
    assert status_for(client_for, request, role, reverse(name)) == expected


def test_hr_pages_show_data_and_export(client_for, world, types, pending, hr_manager):
    client = client_for(hr_manager)
    balances = client.get(reverse("leave:balances") + "?date=2026-05-31").content.decode()
    assert world.member.display_name in balances
    assert "60,00" in balances
    assert client.get(reverse("leave:balances") + "?export=xlsx").status_code == 200
    client.post(reverse("leave:request_approve", args=[pending.pk]))
    pay = client.get(reverse("leave:pay") + "?mois=2026-06").content.decode()
    assert world.member.display_name in pay
    closing = client.get(reverse("leave:closing")).content.decode()
    assert "2025-2026" in closing
    assert client.get(reverse("leave:closing") + "?export=csv").status_code == 200


def test_types_edit_and_defaults(client_for, world, types, hr_manager, manager_user):
    client = client_for(hr_manager)
    url = reverse("leave:type_edit", args=[types["rtt"].pk])
    assert client.get(url).status_code == 200
    assert client_for(manager_user).get(url).status_code == 403
    other = world.other_employer.leave_types.get(code="cp")
    assert client.get(reverse("leave:type_edit", args=[other.pk])).status_code == 404
    response = client.post(reverse("leave:type_defaults"), {"employeur": world.employer.pk})
    assert response.status_code == 302
    new = client.get(reverse("leave:type_new") + f"?employeur={world.employer.pk}")
    assert new.status_code == 200


def test_notifications(client_for, pending, manager_user, outsider):
    client = client_for(manager_user)
    page = client.get(reverse("leave:notifications")).content.decode()
    assert "demande" in page
    client.post(reverse("leave:notifications"))
    assert not Notification.objects.filter(user=manager_user, read_at__isnull=True).exists()
    assert client_for(outsider).get(reverse("leave:notifications")).status_code == 200


def test_the_panel_on_the_personnel_file(client_for, world, pending, employee_user):
    page = client_for(employee_user).get(reverse("employees:detail", args=[world.member.pk]))
    assert "Congés payés" in page.content.decode()

"""Expense report pages by role: scope (outsiders get 404, an employee never sees another's
receipt), the employee's writes with their French errors, the approver's decisions with htmx,
who may approve and check, the approvers' list with its filters and exports."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.travel.models import ExpenseLine, ExpenseReport, ExpenseStatus, LineDecision
from effectif.travel.services.expenses import report_approve, report_submit
from effectif.travel.tests.builders import (
    DAY,
    PDF,
    approved_trip,
    meal,
    report_with,
    vehicle,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, employee_user):
    report = report_with(world.member, employee_user, meal("32.00"))
    return report_submit(report=report, by=employee_user)


def line_post(**changes):
    data = {
        "category": "repas",
        "expense_date": DAY.isoformat(),
        "merchant": "Brasserie du Parc",
        "amount": "24,90",
        "vat_amount": "2,26",
        "currency": "EUR",
        "meal_kind": "restaurant",
        "guests": "1",
    }
    data.update(changes)
    return data


def test_outsider_gets_404_and_the_owner_gets_the_page(
    world, employee_user, outsider, client_for, submitted
):
    url = reverse("travel:report", args=[submitted.pk])
    assert client_for(outsider).get(url).status_code == 404
    response = client_for(employee_user).get(url)
    assert response.status_code == 200
    assert submitted.reference in response.content.decode()


def test_an_employee_cannot_see_anothers_report_or_receipt(
    world, employee_user, make_user, client_for, submitted
):
    other = make_user(Role.EMPLOYEE)
    world.colleague.user = other
    world.colleague.save()
    line = submitted.lines.get()
    client = client_for(other)
    assert client.get(reverse("travel:report", args=[submitted.pk])).status_code == 404
    assert client.get(reverse("travel:receipt", args=[submitted.pk, line.pk])).status_code == 404
    own = client_for(employee_user).get(reverse("travel:receipt", args=[submitted.pk, line.pk]))
    assert own.status_code == 200
    assert b"".join(own.streaming_content).startswith(b"%PDF")


def test_hr_reading_a_receipt_is_audited(world, hr_manager, client_for, submitted):
    line = submitted.lines.get()
    response = client_for(hr_manager).get(reverse("travel:receipt", args=[submitted.pk, line.pk]))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, target_id=str(line.pk), actor=hr_manager
    ).exists()


def test_the_employee_creates_a_report_and_adds_a_line_with_its_receipt(
    world, employee_user, client_for
):
    client = client_for(employee_user)
    assert client.get(reverse("travel:my_reports")).status_code == 200
    response = client.post(reverse("travel:report_create"), {"title": "Salon Pollutec"})
    report = ExpenseReport.objects.get()
    assert response.url == reverse("travel:report", args=[report.pk])
    receipt = SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("travel:line_add", args=[report.pk]), {**line_post(), "receipt": receipt}
    )
    assert response.status_code == 302
    line = report.lines.get()
    assert line.amount == Decimal("24.90")
    assert line.receipt
    page = client.get(reverse("travel:report", args=[report.pk])).content.decode()
    assert "Brasserie du Parc" in page


def test_an_htmx_line_added_redirects_the_page(world, employee_user, client_for):
    report = report_with(world.member, employee_user)
    response = client_for(employee_user).post(
        reverse("travel:line_add", args=[report.pk]), line_post(), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("travel:report", args=[report.pk])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-5"}, "négatif"),
        ({"expense_date": "2099-01-01"}, "futur"),
        ({"vat_amount": "30"}, "dépasser le montant TTC"),
        ({"currency": "USD", "amount": "", "original_amount": "20"}, "taux de change"),
    ],
)
def test_bad_input_shows_a_french_error_and_writes_nothing(
    world, employee_user, client_for, changes, message
):
    report = report_with(world.member, employee_user)
    response = client_for(employee_user).post(
        reverse("travel:line_add", args=[report.pk]), line_post(**changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ExpenseLine.objects.exists()


def test_a_receipt_that_is_not_a_pdf_is_refused(world, employee_user, client_for):
    report = report_with(world.member, employee_user)
    fake = SimpleUploadedFile("ticket.pdf", b"GIF89a not a pdf")
    response = client_for(employee_user).post(
        reverse("travel:line_add", args=[report.pk]), {**line_post(), "receipt": fake}
    )
    assert "ne correspond pas à son extension" in response.content.decode()
    assert not ExpenseLine.objects.exists()


def test_changing_the_category_shows_its_fields(world, employee_user, client_for):
    vehicle(world.member)
    report = report_with(world.member, employee_user, trip=approved_trip(world.member))
    response = client_for(employee_user).get(
        reverse("travel:line_add", args=[report.pk]),
        {"category": "kilometres", "expense_date": DAY.isoformat()},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert 'name="vehicle"' in page
    assert "Peugeot 308" in page
    assert 'name="amount"' not in page
    lodging = client_for(employee_user).get(
        reverse("travel:line_add", args=[report.pk]),
        {"category": "hebergement"},
        HTTP_HX_REQUEST="true",
    )
    # The trip goes to Paris 15e: the Paris-area box comes ticked.
    assert 'name="paris_area" class="form-check-input" id="id_paris_area" checked' in (
        lodging.content.decode()
    )


def test_the_manager_sees_the_anomaly_and_reduces_the_line(
    world, manager_user, client_for, submitted
):
    client = client_for(manager_user)
    page = client.get(reverse("travel:report", args=[submitted.pk])).content.decode()
    assert "au-delà de la limite URSSAF de 21,40" in page
    line = submitted.lines.get()
    url = reverse("travel:line_decide", args=[submitted.pk, line.pk])
    prefix = f"l{line.pk}"
    version = str(line.version)  # the version of the line the page shows
    refused = client.post(
        url,
        {
            f"{prefix}-decision": "reduite",
            f"{prefix}-accepted_amount": "21,40",
            f"{prefix}-version": version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert "Expliquez la réduction" in refused.content.decode()
    done = client.post(
        url,
        {
            f"{prefix}-decision": "reduite",
            f"{prefix}-accepted_amount": "21,40",
            f"{prefix}-comment": "Plafond URSSAF",
            f"{prefix}-version": version,
        },
        HTTP_HX_REQUEST="true",
    )
    assert done.status_code == 200
    assert f'id="line-{line.pk}"' in done.content.decode()
    line.refresh_from_db()
    assert (line.decision, line.accepted_amount) == (LineDecision.REDUCED, Decimal("21.40"))
    assert client.post(reverse("travel:report_approve", args=[submitted.pk])).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ExpenseStatus.MANAGER_APPROVED
    assert submitted.accepted_amount == Decimal("21.40")


def test_the_manager_cannot_check_and_the_employee_cannot_decide(
    world, employee_user, manager_user, client_for, submitted
):
    line = submitted.lines.get()
    employee = client_for(employee_user)
    assert employee.post(reverse("travel:report_approve", args=[submitted.pk])).status_code == 403
    assert (
        employee.post(
            reverse("travel:line_decide", args=[submitted.pk, line.pk]),
            {f"l{line.pk}-decision": "acceptee"},
        ).status_code
        == 403
    )
    report_approve(report=submitted, by=manager_user)
    manager = client_for(manager_user)
    assert manager.post(reverse("travel:report_check", args=[submitted.pk])).status_code == 403


def test_hr_checks_after_the_manager(world, manager_user, hr_manager, client_for, submitted):
    report_approve(report=submitted, by=manager_user)
    response = client_for(hr_manager).post(reverse("travel:report_check", args=[submitted.pk]))
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ExpenseStatus.CHECKED
    assert submitted.taxable_amount == Decimal("10.60")


def test_rejecting_without_a_reason_is_refused(world, manager_user, client_for, submitted):
    client = client_for(manager_user)
    client.post(reverse("travel:report_reject", args=[submitted.pk]), {"comment": ""})
    submitted.refresh_from_db()
    assert submitted.status == ExpenseStatus.SUBMITTED
    client.post(reverse("travel:report_reject", args=[submitted.pk]), {"comment": "Doublon"})
    submitted.refresh_from_db()
    assert submitted.status == ExpenseStatus.REJECTED


def test_a_draft_is_editable_by_its_author_only(world, employee_user, manager_user, client_for):
    report = report_with(world.member, employee_user, meal("12"))
    edit = reverse("travel:report_edit", args=[report.pk])
    assert client_for(employee_user).get(edit).status_code == 200
    # a draft is out of the manager's scope altogether (not even readable)
    assert client_for(manager_user).get(edit).status_code == 404
    line = report.lines.get()
    delete = reverse("travel:line_delete", args=[report.pk, line.pk])
    assert client_for(employee_user).post(delete).status_code == 302
    assert not report.lines.exists()


def test_the_approvers_list_filters_and_exports(
    world, employee_user, manager_user, hr_manager, outsider, client_for, submitted
):
    draft = report_with(world.member, employee_user, meal("9"))
    manager = client_for(manager_user)
    page = manager.get(reverse("travel:reports")).content.decode()
    assert submitted.reference in page
    assert draft.reference not in page  # others' drafts are not listed
    filtered = manager.get(reverse("travel:reports"), {"statut": "checked"}).content.decode()
    assert submitted.reference not in filtered
    assert client_for(employee_user).get(reverse("travel:reports")).status_code == 403
    assert (
        submitted.reference
        not in client_for(outsider).get(reverse("travel:reports")).content.decode()
    )
    xlsx = client_for(hr_manager).get(reverse("travel:reports"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Référence"
    assert rows[1][0] == submitted.reference
    assert rows[1][9] == 1  # one line with anomalies
    csv_response = client_for(hr_manager).get(reverse("travel:reports"), {"export": "csv"})
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert submitted.reference in next(
        row for row in csv.reader(io.StringIO(text), delimiter=";") if row[0] != "Référence"
    )

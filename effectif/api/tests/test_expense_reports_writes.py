"""Expense reports through /api/v1/expense-reports per role (the employee, the manager of the
team, a manager outside it, HR, HR of another employer, an outsider, anonymous): the draft, a
line, the approver's decisions, the manager's approval and HR's check through the services,
audited; 404 out of scope, 403 for an action that is not the user's, 422 in French naming the
field. The lines and their bad input: test_expense_lines_writes.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from effectif.api.tests.conftest import CALLERS, fields_of
from effectif.api.tests.travel_builders import (
    CREATE_FOR_THE_EMPLOYEE,
    DAY,
    FORBIDDEN,
    PDF,
    approved_trip,
    at_status,
    draft_writers,
    line_body,
    multipart,
    pdf,
    post,
    report_draft,
    report_submitted,
)
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.roles import Role
from effectif.travel.models import (
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
)
from effectif.travel.services.expenses import (
    report_approve,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

STATUS_SUBMITTED = at_status("En attente du manager")


# --- per role ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", CALLERS)
def test_create_for_the_employee_by_role(world, api_for, role):
    response = post(
        api_for(role),
        "/api/v1/expense-reports",
        {"employee": world.employee_file.pk, "title": "Salon du mobilier"},
    )
    expected = CREATE_FOR_THE_EMPLOYEE[role]
    assert response.status_code == expected, (role, response.content)
    if expected == 201:
        created = response.json()
        assert (created["status"], created["line_count"], created["lines"]) == ("draft", 0, [])
        assert created["reference"].startswith("NF-")
        assert created["employee"]["id"] == world.employee_file.pk
        assert AuditEntry.objects.filter(
            target_type="travel.ExpenseReport",
            target_id=str(created["id"]),
            action=AuditAction.CREATE,
        ).exists()
    else:
        assert not ExpenseReport.objects.exists()
    if expected == 403:
        assert response.json() == FORBIDDEN


ADD_LINE_TO_DRAFT = draft_writers(201)


@pytest.mark.parametrize("role", CALLERS)
def test_add_a_line_by_role(world, api_for, employee_user, role):
    report = report_draft(world.employee_file, employee_user)
    response = post(api_for(role), f"/api/v1/expense-reports/{report.pk}/lines", line_body())
    assert response.status_code == ADD_LINE_TO_DRAFT[role], (role, response.content)
    assert report.lines.exists() is (response.status_code == 201)


DECIDE_SUBMITTED = {
    "admin": 422,  # HR decides after the manager: not at this step
    "hr_manager": 422,
    "hr_assistant": 422,
    "hr_ungranted": 404,
    "manager": 200,
    "manager_outside": 404,
    "employee": 403,  # never on one's own report
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", CALLERS)
def test_decide_a_line_by_role(world, api_for, employee_user, role):
    report = report_submitted(world.employee_file, employee_user)
    line = report.lines.order_by("pk").first()
    response = post(
        api_for(role),
        f"/api/v1/expense-reports/{report.pk}/lines/{line.pk}/decision",
        {"decision": "rejetee", "comment": "Repas personnel"},
    )
    expected = DECIDE_SUBMITTED[role]
    assert response.status_code == expected, (role, response.content)
    line.refresh_from_db()
    assert (line.decision == "rejetee") is (expected == 200)
    if expected == 422:
        assert fields_of(response) == {"status": STATUS_SUBMITTED}
    if expected == 403:
        assert response.json() == FORBIDDEN


CHECK_APPROVED = {
    "admin": 200,
    "hr_manager": 200,
    "hr_assistant": 200,
    "hr_ungranted": 404,
    "manager": 403,  # the manager approved; the check is HR's
    "manager_outside": 404,
    "employee": 403,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", CALLERS)
def test_check_by_role(world, api_for, employee_user, manager_user, role):
    report = report_approve(
        report=report_submitted(world.employee_file, employee_user), by=manager_user
    )
    response = post(api_for(role), f"/api/v1/expense-reports/{report.pk}/check")
    expected = CHECK_APPROVED[role]
    assert response.status_code == expected, (role, response.content)
    report.refresh_from_db()
    assert (report.status == ExpenseStatus.CHECKED) is (expected == 200)


# --- the workflow --------------------------------------------------------------------------


def test_the_whole_workflow_through_the_api(world, api_for):
    employee, manager, hr = api_for("employee"), api_for("manager"), api_for("hr_manager")
    trip = approved_trip(world.employee_file)
    created = post(employee, "/api/v1/expense-reports", {"title": "Salon", "trip": trip.pk})
    assert created.status_code == 201, created.content
    assert created.json()["trip"] == {"id": trip.pk, "reference": "OM-2026-0042"}
    base = f"/api/v1/expense-reports/{created.json()['id']}"

    # A meal with its receipt, as a multipart form.
    with_receipt = multipart(
        employee, f"{base}/lines", line_body(amount="32.00", vat_amount="2.91"), receipt=pdf()
    )
    assert with_receipt.status_code == 201, with_receipt.content
    meal_line = with_receipt.json()
    assert (meal_line["has_receipt"], Decimal(meal_line["vat_amount"])) == (True, Decimal("2.91"))
    assert meal_line["receipt_url"].endswith(f"/lignes/{meal_line['id']}/justificatif/")
    assert ExpenseLine.objects.get(pk=meal_line["id"]).receipt.read() == PDF
    # A train ticket as JSON, and a taxi in pounds converted at the rate given.
    train = post(
        employee,
        f"{base}/lines",
        line_body(category="transport", amount="142.00", merchant="SNCF", meal_kind=""),
    )
    assert train.status_code == 201, train.content
    taxi = post(
        employee,
        f"{base}/lines",
        {
            "category": "transport",
            "expense_date": str(DAY),
            "currency": "GBP",
            "original_amount": "20.00",
            "exchange_rate": "1.17",
            "merchant": "London cab",
        },
    )
    assert taxi.status_code == 201, taxi.content
    assert Decimal(taxi.json()["amount"]) == Decimal("23.40")

    sent = post(employee, f"{base}/submit")
    assert sent.status_code == 200, sent.content
    assert (sent.json()["status"], sent.json()["line_count"]) == ("submitted", 3)
    assert Decimal(sent.json()["total_amount"]) == Decimal("197.40")
    # The checks ran at the submission: the meal is over the URSSAF limit, the others lack
    # their receipts.
    codes = {line["id"]: {a["code"] for a in line["anomalies"]} for line in sent.json()["lines"]}
    assert codes == {
        meal_line["id"]: {"au_dela_urssaf"},
        train.json()["id"]: {"sans_justificatif"},
        taxi.json()["id"]: {"sans_justificatif"},
    }

    decided = post(
        manager,
        f"{base}/lines/{meal_line['id']}/decision",
        {"decision": "reduite", "accepted_amount": "25.00", "comment": "Plafond de la politique"},
    )
    assert decided.status_code == 200, decided.content
    assert (decided.json()["decision"], Decimal(decided.json()["accepted_amount"])) == (
        "reduite",
        Decimal("25.00"),
    )
    approved = post(manager, f"{base}/approve", {"comment": "Vu"})
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "manager_approved"
    assert Decimal(approved.json()["accepted_amount"]) == Decimal("190.40")
    assert post(manager, f"{base}/check").json() == FORBIDDEN  # the check is HR's

    checked = post(hr, f"{base}/check")
    assert checked.status_code == 200, checked.content
    report = checked.json()
    assert report["status"] == "checked"
    assert Decimal(report["payable_amount"]) == Decimal("190.40")
    assert Decimal(report["exempt_amount"]) + Decimal(report["taxable_amount"]) == Decimal("190.40")
    assert report["parameters_version"]

    details = set(
        AuditEntry.objects.filter(
            target_type="travel.ExpenseReport", target_id=str(report["id"])
        ).values_list("detail", flat=True)
    )
    assert {
        "Note de frais soumise",
        "Note de frais validée par le manager",
        "Note de frais contrôlée",
    } <= details
    line_entries = AuditEntry.objects.filter(target_type="travel.ExpenseLine")
    assert line_entries.filter(action=AuditAction.CREATE).count() == 3
    assert line_entries.filter(
        action=AuditAction.UPDATE, target_id=str(meal_line["id"]), actor__role=Role.MANAGER
    ).exists()


def test_reject_needs_a_comment(world, api_for, employee_user):
    report = report_submitted(world.employee_file, employee_user)
    manager = api_for("manager")
    path = f"/api/v1/expense-reports/{report.pk}/reject"
    assert fields_of(post(manager, path)) == {"comment": "Expliquez le refus dans un commentaire."}
    report.refresh_from_db()
    assert report.status == ExpenseStatus.SUBMITTED
    done = post(manager, path, {"comment": "Hors mission"})
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["decision_comment"]) == ("rejected", "Hors mission")


def test_a_reduction_needs_an_amount_below_the_line_and_a_comment(world, api_for, employee_user):
    report = report_submitted(world.employee_file, employee_user)
    line = report.lines.order_by("pk").first()
    path = f"/api/v1/expense-reports/{report.pk}/lines/{line.pk}/decision"
    manager = api_for("manager")
    response = post(manager, path, {"decision": "reduite", "accepted_amount": "40.00"})
    errors = fields_of(response)
    assert errors["accepted_amount"].startswith("Une réduction accepte moins que le montant")
    assert errors["comment"] == "Expliquez la réduction ou le rejet dans un commentaire."
    unknown = post(manager, path, {"decision": "a_decider"})
    assert fields_of(unknown)["decision"].startswith("Valeur non autorisée.")
    line.refresh_from_db()
    assert line.decision == "a_decider"

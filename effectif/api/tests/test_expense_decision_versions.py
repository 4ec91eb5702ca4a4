"""Deciding an expense line through the API with the version read: each line says its
`version`; a decision sent with a version the line no longer has (another approver decided
meanwhile) is a 422 on `version` in French, naming who, and writes nothing. Two approvers
approving, checking or refusing the same report: the second is a 422 on `status`."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import fields_of
from effectif.api.tests.travel_builders import post, report_submitted
from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import ExpenseReport
from effectif.travel.services.expenses import report_approve
from effectif.travel.tests.racing import together

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def _paths(report, line):
    base = f"/api/v1/expense-reports/{report.pk}"
    return base, f"{base}/lines/{line.pk}/decision"


def test_lines_say_their_version_and_a_stale_one_is_refused(
    world, api_for, employee_user, manager_user, hr_assistant
):
    report = report_submitted(world.employee_file, employee_user)
    report_approve(report=report, by=manager_user)  # at HR's check: both HR users decide
    line = report.lines.order_by("pk").first()
    base, decide = _paths(report, line)
    read = next(
        item for item in api_for("hr_manager").get(base).json()["lines"] if item["id"] == line.pk
    )
    assert read["version"] == line.version
    first = post(
        api_for("hr_manager"),
        decide,
        {
            "decision": "reduite",
            "accepted_amount": "10.00",
            "comment": "Plafond",
            "version": read["version"],
        },
    )
    assert first.status_code == 200, first.content
    assert first.json()["version"] == read["version"] + 1
    # The other HR user read the same version before that decision.
    late = post(
        api_for("hr_assistant"),
        decide,
        {"decision": "rejetee", "comment": "Doublon", "version": read["version"]},
    )
    assert fields_of(late) == {
        "version": "Cette ligne a été modifiée par Rita Rh entre-temps : rechargez la page "
        "pour voir sa décision actuelle avant de décider."
    }
    line.refresh_from_db()
    assert (line.decision, line.decision_comment) == ("reduite", "Plafond")
    updates = AuditEntry.objects.filter(
        target_type="travel.ExpenseLine", target_id=str(line.pk), action=AuditAction.UPDATE
    )
    assert not updates.filter(actor=hr_assistant).exists()


def test_a_decision_without_version_still_applies(world, api_for, employee_user):
    report = report_submitted(world.employee_file, employee_user)
    line = report.lines.order_by("pk").first()
    response = post(api_for("manager"), _paths(report, line)[1], {"decision": "acceptee"})
    assert response.status_code == 200, response.content
    assert response.json()["version"] == line.version + 1


def test_the_openapi_document_describes_the_version(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert "version" in schemas["LineDecisionIn"]["properties"]
    assert "422" in schemas["LineDecisionIn"]["properties"]["version"]["description"]
    assert "version" in schemas["ExpenseLineOut"]["required"]


@pytest.mark.django_db(transaction=True)
def test_two_hr_checking_the_same_report_at_once(world, api_for, employee_user, manager_user):
    report = report_submitted(world.employee_file, employee_user)
    report_approve(report=report, by=manager_user)
    clients = [api_for("hr_manager"), api_for("hr_assistant")]
    outcomes = together(
        [
            lambda client=client: post(client, f"/api/v1/expense-reports/{report.pk}/check", {})
            for client in clients
        ]
    )
    assert [o.error for o in outcomes] == ["", ""]
    statuses = sorted(o.value.status_code for o in outcomes)
    assert statuses == [200, 422]
    refused = next(o.value for o in outcomes if o.value.status_code == 422)
    assert "status" in fields_of(refused)
    checks = AuditEntry.objects.filter(
        target_type="travel.ExpenseReport",
        target_id=str(report.pk),
        detail="Note de frais contrôlée",
    )
    assert checks.count() == 1
    assert ExpenseReport.objects.get(pk=report.pk).status == "checked"

"""/api/v1/expense-reports per role: the scope of the pages (own reports, the manager's team,
HR's employers), filters, pagination, detail with lines, anomalies and decisions; a receipt is
a URL, never inlined; out of scope is a 404."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from effectif.api.tests.conftest import ROLES, ids
from effectif.travel.models import (
    ExpenseStatus,
    LineDecision,
)
from effectif.travel.tests.factories import ExpenseLineFactory, ExpenseReportFactory, TripFactory

pytestmark = pytest.mark.django_db
_numbers = itertools.count(1)


def make_report(employee, *, status=ExpenseStatus.SUBMITTED, trip=None, lines=()):
    report = ExpenseReportFactory(
        employee=employee, reference=f"NF-API{next(_numbers):04d}", trip=trip, status=status
    )
    for amount in lines:
        ExpenseLineFactory(report=report, amount=Decimal(amount))
    return report


@pytest.fixture
def reports(world):
    trip = TripFactory(
        employee=world.employee_file,
        department=None,
        reference="OM-NF1",
        purpose="Salon",
        start_date=dt.date(2026, 3, 10),
    )
    return {
        "employee": make_report(world.employee_file, trip=trip, lines=("142.00", "25.50")),
        "colleague": make_report(world.colleague, status=ExpenseStatus.DRAFT),
        "stranger": make_report(world.stranger, lines=("10.00",)),
    }


EXPECTED = {
    "admin": {"employee", "colleague", "stranger"},
    "hr_manager": {"employee", "colleague"},
    "hr_assistant": {"employee", "colleague"},
    "manager": {"employee"},
    "employee": {"employee"},
}


@pytest.mark.parametrize("role", ROLES)
def test_list_and_detail_by_role(api_for, reports, role):
    client = api_for(role)
    listed = client.get("/api/v1/expense-reports")
    if role == "anonymous":
        assert listed.status_code == 401
        return
    expected = EXPECTED.get(role, set())
    assert ids(listed) == {reports[name].pk for name in expected}
    for name, report in reports.items():
        detail = client.get(f"/api/v1/expense-reports/{report.pk}")
        assert detail.status_code == (200 if name in expected else 404), (name, role)


def test_list_gives_totals(api_for, reports):
    items = {
        i["id"]: i for i in api_for("hr_manager").get("/api/v1/expense-reports").json()["items"]
    }
    mine = items[reports["employee"].pk]
    assert (mine["line_count"], Decimal(mine["total_amount"])) == (2, Decimal("167.50"))
    assert mine["trip"] == {"id": reports["employee"].trip_id, "reference": "OM-NF1"}
    empty = items[reports["colleague"].pk]
    assert (empty["line_count"], Decimal(empty["total_amount"])) == (0, Decimal("0"))
    assert empty["status_label"] == "Brouillon"


def test_detail_has_lines_anomalies_decisions_and_no_receipt_inline(
    api_for, world, reports, manager_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = reports["employee"]
    line = report.lines.order_by("pk").first()
    line.anomalies = [
        {
            "code": "au_dela_urssaf",
            "message": "Repas de 32,00 € au-delà de la limite URSSAF de 21,40 €.",
            "excess_amount": "10.60",
        },
        {"code": "sans_justificatif", "message": "Aucun justificatif."},
    ]
    line.decision = LineDecision.REDUCED
    line.accepted_amount = Decimal("120.00")
    line.decision_comment = "Tarif de seconde classe."
    line.decided_by = manager_user
    line.receipt.save("billet.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    body = api_for("employee").get(f"/api/v1/expense-reports/{report.pk}").json()
    assert body["employee"]["id"] == world.employee_file.pk
    lines = {item["id"]: item for item in body["lines"]}
    assert len(lines) == 2
    shown = lines[line.pk]
    assert (shown["decision"], shown["decision_label"]) == ("reduite", "Réduite")
    assert Decimal(shown["accepted_amount"]) == Decimal("120.00")
    assert shown["decision_comment"] == "Tarif de seconde classe."
    assert shown["anomalies"][0]["code"] == "au_dela_urssaf"
    assert Decimal(shown["anomalies"][0]["excess_amount"]) == Decimal("10.60")
    assert shown["anomalies"][1] == {
        "code": "sans_justificatif",
        "message": "Aucun justificatif.",
        "excess_amount": None,
    }
    assert shown["has_receipt"] is True
    assert (
        shown["receipt_url"]
        == f"/deplacements/notes-de-frais/{report.pk}/lignes/{line.pk}/justificatif/"
    )
    assert "%PDF" not in str(body)  # never the file itself
    assert shown["category_label"] == "Transport"
    other = next(item for item in body["lines"] if item["id"] != line.pk)
    assert (other["has_receipt"], other["receipt_url"], other["anomalies"]) == (False, None, [])


def test_filters_and_pagination(api_for, world, reports):
    client = api_for("hr_manager")
    assert ids(client.get("/api/v1/expense-reports?status=draft")) == {reports["colleague"].pk}
    by_employee = client.get(f"/api/v1/expense-reports?employee={world.employee_file.pk}")
    assert ids(by_employee) == {reports["employee"].pk}
    by_trip = client.get(f"/api/v1/expense-reports?trip={reports['employee'].trip_id}")
    assert ids(by_trip) == {reports["employee"].pk}
    for _ in range(4):
        make_report(world.colleague, lines=("1.00", "2.00"))
    page = client.get("/api/v1/expense-reports?limit=2&offset=2").json()
    assert (page["count"], page["limit"], page["offset"], len(page["items"])) == (6, 2, 2, 2)
    assert client.get("/api/v1/expense-reports?offset=-1").status_code == 422


def test_list_reads_in_constant_queries(api_for, world, reports, django_assert_max_num_queries):
    for _ in range(10):
        make_report(world.colleague, lines=("1.00", "2.00"))
    with django_assert_max_num_queries(8):
        assert api_for("hr_manager").get("/api/v1/expense-reports").status_code == 200


def test_the_openapi_document_still_builds(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "get" in document["paths"]["/api/v1/expense-reports"]
    assert "get" in document["paths"]["/api/v1/expense-reports/{report_id}"]
    line = document["components"]["schemas"]["ExpenseLineOut"]["properties"]
    assert {"anomalies", "decision", "receipt_url"} <= set(line)

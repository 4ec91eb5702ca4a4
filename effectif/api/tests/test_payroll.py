"""/api/v1/payroll-periods, /api/v1/payroll-elements and /api/v1/payslips: HR of the employer
run the period through the services, the payroll lead alone validates and closes, an employee
reads their own payslips once the period is closed, a manager none of their team's; out of
scope is a 404, a refusal a 422 in French on its field with nothing written; reading someone
else's payslip is audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from effectif.api.tests import test_fuzzing as fuzzing
from effectif.api.tests.conftest import ROLES, fields_of, ids
from effectif.core.models import AuditAction, AuditEntry
from effectif.payroll.computing import compute
from effectif.payroll.models import (
    Anomaly,
    ElementSource,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
    PeriodStatus,
    Severity,
    TaskStatus,
)
from effectif.payroll.tests.factories import PayrollPeriodFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

#: Who runs the payroll of the team's employer (the administrator runs every employer's).
RUNS = {"admin", "hr_manager", "hr_assistant"}
#: Who sees the payroll pages at all: HR, granted an employer or not.
HR_ROLES = {*RUNS, "hr_ungranted", "outsider"}


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/Paris")), tick=False)


@pytest.fixture(autouse=True)
def _tasks_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def period(world):
    """May 2026 of the team's employer."""
    return PayrollPeriodFactory(employer=world.employer)


@pytest.fixture
def other_period(world):
    """May 2026 of the employer granted to no HR user of the tests."""
    return PayrollPeriodFactory(employer=world.other_employer)


@pytest.fixture
def computed(period):
    compute(period.pk)
    period.refresh_from_db()
    return period


def closed(period):
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSED)


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def audit_count():
    return AuditEntry.objects.count()


def refused(client, url, data=None):
    """The fields of a write's 422, once checked that it audited nothing (wrote nothing)."""
    before = audit_count()
    response = post(client, url, data)
    assert audit_count() == before
    return fields_of(response)


# --- periods -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_periods_per_role(api_for, period, other_period, role):
    client = api_for(role)
    listed = client.get("/api/v1/payroll-periods")
    if role == "anonymous":
        assert listed.status_code == 401
        return
    if role not in HR_ROLES:  # a manager, an employee: no payroll at all
        assert listed.status_code == 403
        assert "droit" in listed.json()["detail"]
    else:
        expected = {period.pk} if role in RUNS else set()
        if role == "admin":
            expected.add(other_period.pk)
        assert ids(listed) == expected
    for row, visible in (
        (period, role in RUNS),
        (other_period, role == "admin"),
    ):
        detail = client.get(f"/api/v1/payroll-periods/{row.pk}")
        assert detail.status_code == (200 if visible else 404), (role, row)
        elements = client.get(f"/api/v1/payroll-periods/{row.pk}/elements")
        assert elements.status_code == (200 if visible else 404), (role, row)


def test_period_filters(api_for, world, period, other_period):
    PayrollPeriodFactory(
        employer=world.employer,
        month=dt.date(2025, 12, 1),
        pay_date=dt.date(2025, 12, 31),
        cutoff_date=dt.date(2025, 12, 20),
        status=PeriodStatus.CLOSED,
    )
    client = api_for("admin")
    assert ids(client.get(f"/api/v1/payroll-periods?employer={world.other_employer.pk}")) == {
        other_period.pk
    }
    items = client.get("/api/v1/payroll-periods?year=2026").json()["items"]
    assert {item["id"] for item in items} == {period.pk, other_period.pk}
    closed_ones = client.get("/api/v1/payroll-periods?status=closed").json()["items"]
    assert [item["month"] for item in closed_ones] == ["2025-12-01"]
    assert closed_ones[0]["status_label"] == "Close"
    refused = fields_of(client.get("/api/v1/payroll-periods?status=fermee"))
    assert refused["status"].startswith("Valeur non autorisée")
    assert "year" in fields_of(client.get("/api/v1/payroll-periods?year=deux"))


def test_period_detail_has_the_totals_and_the_anomaly_counts(api_for, world, computed):
    payslips = Payslip.objects.filter(period=computed, status=PayslipStatus.COMPUTED)
    Anomaly.objects.create(
        period=computed, code="test", severity=Severity.WARNING, message="Net en hausse"
    )
    body = api_for("hr_assistant").get(f"/api/v1/payroll-periods/{computed.pk}").json()
    assert body["status"] == computed.status
    assert body["label"] == "Mai 2026"
    assert body["employer"] == {"id": world.employer.pk, "name": str(world.employer)}
    assert body["payslip_count"] == Payslip.objects.filter(period=computed).count() > 0
    totals = body["totals"]
    assert totals["count"] == payslips.count()
    assert Decimal(totals["gross_amount"]) == sum(p.gross_amount for p in payslips)
    assert Decimal(totals["net_paid_amount"]) == sum(p.net_paid_amount for p in payslips)
    blocking = computed.anomalies.filter(severity=Severity.BLOCKING).count()
    warnings = computed.anomalies.filter(severity=Severity.WARNING).count()
    assert body["anomalies"] == {
        "blocking": blocking,
        "warnings": warnings,
        "open_warnings": warnings,
    }
    assert body["blocking_count"] == blocking


# --- the steps -----------------------------------------------------------------------------


def test_prepare_gathers_the_elements(api_for, period, hr_assistant):
    response = post(api_for("hr_assistant"), f"/api/v1/payroll-periods/{period.pk}/prepare")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == PeriodStatus.COLLECTING
    assert response.json()["collected_at"] is not None
    assert AuditEntry.objects.filter(
        actor=hr_assistant,
        target_type="payroll.PayrollPeriod",
        target_id=str(period.pk),
        detail__startswith="Éléments variables collectés",
    ).exists()


def test_prepare_refuses_a_closed_period(api_for, period):
    closed(period)
    errors = refused(api_for("hr_assistant"), f"/api/v1/payroll-periods/{period.pk}/prepare")
    assert "est close : rien ne peut y être modifié" in errors["status"]
    period.refresh_from_db()
    assert period.collected_at is None


def test_compute_enqueues_the_worker(api_for, period, django_capture_on_commit_callbacks):
    client = api_for("hr_assistant")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, f"/api/v1/payroll-periods/{period.pk}/compute")
    assert response.status_code == 200, response.content
    assert response.json()["task_status"] == TaskStatus.PENDING
    assert response.json()["task_status_label"] == "En attente du processus de calcul"
    assert len(callbacks) == 1  # the worker was asked, once the request's writes committed
    after = client.get(f"/api/v1/payroll-periods/{period.pk}").json()
    assert after["status"] == PeriodStatus.COMPUTED
    assert after["task_status"] == TaskStatus.DONE
    assert after["payslip_count"] > 0


def test_compute_refuses_a_validated_period(api_for, period):
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.VALIDATED)
    errors = refused(api_for("hr_manager"), f"/api/v1/payroll-periods/{period.pk}/compute")
    assert "rouvrez-la" in errors["status"]
    period.refresh_from_db()
    assert period.task_status == ""


@pytest.mark.parametrize("step", ["prepare", "compute", "validate", "close"])
def test_steps_out_of_scope_are_404(api_for, other_period, step):
    for role in ("hr_manager", "hr_assistant", "manager", "employee"):
        response = post(api_for(role), f"/api/v1/payroll-periods/{other_period.pk}/{step}")
        assert response.status_code == 404, (role, step)
    other_period.refresh_from_db()
    assert (other_period.status, other_period.task_status) == (PeriodStatus.OPEN, "")


@pytest.mark.parametrize("step", ["validate", "close"])
def test_only_the_payroll_lead_validates_and_closes(api_for, period, step):
    status = PeriodStatus.CHECKED if step == "validate" else PeriodStatus.VALIDATED
    PayrollPeriod.objects.filter(pk=period.pk).update(status=status)
    client = api_for("hr_assistant")
    before = audit_count()
    refused = post(client, f"/api/v1/payroll-periods/{period.pk}/{step}")
    assert refused.status_code == 403
    assert "responsable de la paie" in refused.json()["detail"]
    assert audit_count() == before
    done = post(api_for("hr_manager"), f"/api/v1/payroll-periods/{period.pk}/{step}")
    assert done.status_code == 200, done.content
    expected = PeriodStatus.VALIDATED if step == "validate" else PeriodStatus.CLOSED
    assert done.json()["status"] == expected
    assert done.json()["validated_by" if step == "validate" else "closed_by"]
    assert AuditEntry.objects.filter(
        action=AuditAction.UPDATE, target_type="payroll.PayrollPeriod", target_id=str(period.pk)
    ).exists()


def test_a_step_the_period_is_not_at_is_a_422_on_status(api_for, period):
    client = api_for("hr_manager")
    validate = post(client, f"/api/v1/payroll-periods/{period.pk}/validate")
    assert fields_of(validate)["status"] == "La période doit être contrôlée avant d'être validée."
    close = post(client, f"/api/v1/payroll-periods/{period.pk}/close")
    assert fields_of(close)["status"] == "Seule une période validée peut être close."
    period.refresh_from_db()
    assert period.status == PeriodStatus.OPEN


# --- elements ------------------------------------------------------------------------------


def element(period, employee, code="HS25", source=ElementSource.MANUAL, **values):
    return PayrollElement.objects.create(
        period=period,
        employee=employee,
        code=code,
        label=code,
        source=source,
        quantity=values.pop("quantity", Decimal(2)),
        **values,
    )


def test_elements_are_paged_and_filtered_by_employee(api_for, world, period):
    element(period, world.employee_file)
    element(period, world.employee_file, code="HS50")
    mine = element(period, world.colleague)
    client = api_for("hr_assistant")
    page = client.get(f"/api/v1/payroll-periods/{period.pk}/elements?limit=2").json()
    assert (page["count"], len(page["items"])) == (3, 2)
    filtered = client.get(
        f"/api/v1/payroll-periods/{period.pk}/elements?employee={world.colleague.pk}"
    )
    assert ids(filtered) == {mine.pk}
    item = filtered.json()["items"][0]
    assert item["employee"]["id"] == world.colleague.pk
    assert (item["code"], Decimal(item["quantity"]), item["source"]) == (
        "HS25",
        Decimal(2),
        "manual",
    )


def test_hr_adds_an_element(api_for, world, period, hr_assistant):
    response = post(
        api_for("hr_assistant"),
        f"/api/v1/payroll-periods/{period.pk}/elements",
        {
            "employee": world.employee_file.pk,
            "code": "PRIME",
            "amount": "150.00",
            "corrected_month": "2026-04-01",
            "comment": "Prime d'objectif",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    added = PayrollElement.objects.get(pk=body["id"])
    assert (added.code, added.amount, added.source) == ("PRIME", Decimal("150.00"), "manual")
    assert added.corrected_month == dt.date(2026, 4, 1)
    assert body["label"] == "Prime soumise à cotisations"
    assert AuditEntry.objects.filter(
        actor=hr_assistant,
        action=AuditAction.CREATE,
        target_type="payroll.PayrollElement",
        target_id=str(added.pk),
    ).exists()


@pytest.mark.parametrize(
    ("role", "changes", "field", "message"),
    [
        ("hr_assistant", {"code": "XYZ"}, "code", "Code d'élément inconnu : XYZ."),
        ("hr_assistant", {"code": "CP"}, "code", "Code d'élément inconnu : CP."),
        ("hr_assistant", {"quantity": "-1"}, "quantity", "La quantité ne peut être négative."),
        ("hr_assistant", {"quantity": None}, "quantity", "Indiquez la quantité."),
        ("hr_assistant", {"rate": "-0.5"}, "rate", "Le taux ne peut être négatif."),
        ("hr_assistant", {"quantity": "1.234"}, "quantity", "Trop de chiffres pour ce nombre."),
        ("hr_assistant", {"employee": "stranger"}, "employee", "Aucun élément n°"),
        ("admin", {"employee": "stranger"}, "employee", "Ce salarié n'est pas de l'employeur"),
        ("hr_assistant", {"extra": 1}, "extra", "Ce champ est inconnu"),
    ],
)
def test_a_refused_element_is_a_422_on_its_field_and_nothing_is_written(
    api_for, world, period, role, changes, field, message
):
    data = {"employee": world.employee_file.pk, "code": "HS25", "quantity": "3"}
    data.update(changes)
    if data["employee"] == "stranger":
        data["employee"] = world.stranger.pk
    errors = refused(api_for(role), f"/api/v1/payroll-periods/{period.pk}/elements", data)
    assert errors[field].startswith(message), errors
    assert not PayrollElement.objects.exists()


def test_no_element_on_a_closed_period(api_for, world, period):
    closed(period)
    errors = refused(
        api_for("hr_manager"),
        f"/api/v1/payroll-periods/{period.pk}/elements",
        {"employee": world.employee_file.pk, "code": "HS25", "quantity": "3"},
    )
    assert "est close" in errors["period"]
    assert not PayrollElement.objects.exists()


def test_no_element_out_of_scope(api_for, world, other_period):
    response = post(
        api_for("hr_manager"),
        f"/api/v1/payroll-periods/{other_period.pk}/elements",
        {"employee": world.stranger.pk, "code": "HS25", "quantity": "3"},
    )
    assert response.status_code == 404
    assert not PayrollElement.objects.exists()


def test_delete_a_manual_element(api_for, world, period, other_period, hr_assistant):
    client = api_for("hr_assistant")
    manual = element(period, world.employee_file)
    gathered = element(period, world.employee_file, source=ElementSource.LEAVE)
    foreign = element(other_period, world.stranger)
    assert client.delete(f"/api/v1/payroll-elements/{foreign.pk}").status_code == 404
    refused = client.delete(f"/api/v1/payroll-elements/{gathered.pk}")
    assert "corrigez-le à sa source" in fields_of(refused)["source"]
    assert client.delete(f"/api/v1/payroll-elements/{manual.pk}").status_code == 204
    assert set(PayrollElement.objects.values_list("pk", flat=True)) == {gathered.pk, foreign.pk}
    assert AuditEntry.objects.filter(
        actor=hr_assistant, action=AuditAction.DELETE, target_id=str(manual.pk)
    ).exists()


def test_no_deletion_in_a_closed_period(api_for, world, period):
    manual = element(period, world.employee_file)
    closed(period)
    response = api_for("hr_manager").delete(f"/api/v1/payroll-elements/{manual.pk}")
    assert "est close" in fields_of(response)["period"]
    assert PayrollElement.objects.filter(pk=manual.pk).exists()
    for role in ("manager", "employee", "outsider"):
        assert api_for(role).delete(f"/api/v1/payroll-elements/{manual.pk}").status_code == 404


# --- payslips ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_payslips_per_role(api_for, world, computed, role):
    client = api_for(role)
    everyone = set(Payslip.objects.filter(period=computed).values_list("pk", flat=True))
    own = {
        "employee": world.employee_file,
        "manager": world.manager_file,
    }
    listed = client.get("/api/v1/payslips")
    if role == "anonymous":
        assert listed.status_code == 401
        return
    # Before the period is closed: HR of the employer only.
    assert ids(listed) == (everyone if role in RUNS else set())
    closed(computed)
    visible = everyone if role in RUNS else set()
    if role in own:  # once closed, one's own, and only it
        visible = {Payslip.objects.get(period=computed, employee=own[role]).pk}
    assert ids(client.get("/api/v1/payslips")) == visible
    for pk in everyone:
        status = client.get(f"/api/v1/payslips/{pk}").status_code
        assert status == (200 if pk in visible else 404), (role, pk)


def test_payslip_filters(api_for, world, computed):
    client = api_for("hr_manager")
    mine = Payslip.objects.get(period=computed, employee=world.employee_file)
    assert ids(client.get(f"/api/v1/payslips?employee={world.employee_file.pk}")) == {mine.pk}
    assert len(ids(client.get(f"/api/v1/payslips?period={computed.pk}"))) > 1
    assert ids(client.get("/api/v1/payslips?period=999999")) == set()


def test_payslip_detail_has_the_amounts_and_the_lines(api_for, world, computed):
    payslip = Payslip.objects.get(period=computed, employee=world.employee_file)
    body = api_for("hr_assistant").get(f"/api/v1/payslips/{payslip.pk}").json()
    assert body["employee"]["id"] == world.employee_file.pk
    assert body["period"] == {
        "id": computed.pk,
        "month": "2026-05-01",
        "label": "Mai 2026",
        "status": computed.status,
        "pay_date": "2026-05-29",
    }
    for name in Payslip.AMOUNT_FIELDS:
        assert Decimal(body[name]) == getattr(payslip, name), name
    assert len(body["gross_lines"]) == len(payslip.result["gross_lines"]) > 0
    assert [line["code"] for line in body["lines"]] == [
        line["code"] for line in payslip.result["lines"]
    ]
    first = body["lines"][0]
    assert first["heading_label"] == payslip.result["lines"][0]["heading_label"]
    assert Decimal(body["withholding"]["amount"]) == payslip.withheld_amount
    assert body["after_net_lines"] == payslip.result.get("after_net_lines", [])
    assert body["parameters_version"] == payslip.parameters_version


def test_reading_someone_elses_payslip_is_audited(api_for, world, computed, hr_assistant):
    payslip = Payslip.objects.get(period=computed, employee=world.employee_file)
    reads = AuditEntry.objects.filter(
        action=AuditAction.READ, target_type="payroll.Payslip", target_id=str(payslip.pk)
    )
    api_for("hr_assistant").get(f"/api/v1/payslips/{payslip.pk}")
    assert reads.filter(actor=hr_assistant).count() == 1
    closed(computed)
    api_for("employee").get(f"/api/v1/payslips/{payslip.pk}")
    api_for("employee").get(f"/api/v1/payslips/{payslip.pk}/pdf")
    assert reads.count() == 1  # the employee's own reads are not
    api_for("hr_assistant").get(f"/api/v1/payslips/{payslip.pk}/pdf")
    assert reads.filter(actor=hr_assistant).count() == 2


def test_the_payslip_pdf(api_for, world, computed):
    payslip = Payslip.objects.get(period=computed, employee=world.employee_file)
    url = f"/api/v1/payslips/{payslip.pk}/pdf"
    assert api_for("employee").get(url).status_code == 404  # not closed yet
    response = api_for("hr_assistant").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF")
    assert "bulletin-2026-05-" in response["Content-Disposition"]
    closed(computed)
    own = api_for("employee").get(url)
    assert (own.status_code, own["Content-Type"]) == (200, "application/pdf")
    assert api_for("manager").get(url).status_code == 404
    Payslip.objects.filter(pk=payslip.pk).update(status=PayslipStatus.FAILED)
    assert api_for("hr_assistant").get(url).status_code == 404


def test_documented(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/payroll-periods"]) == {"get"}
    assert set(paths["/api/v1/payroll-periods/{period_id}/elements"]) == {"get", "post"}
    assert set(paths["/api/v1/payroll-elements/{element_id}"]) == {"delete"}
    pdf = paths["/api/v1/payslips/{payslip_id}/pdf"]["get"]["responses"]["200"]
    assert "application/pdf" in pdf["content"]


# --- fuzzing with the rows of a computed period ----------------------------------------------

#: The fuzzing of the whole API (`test_fuzzing.py`) draws the payroll's identifiers at random
#: (404s); here its operations also get a computed period, its payslips and its elements.
PAYROLL_OPERATIONS = [
    operation
    for operation in fuzzing.OPERATIONS
    if operation.path.startswith(("/api/v1/payroll-", "/api/v1/payslips"))
]
_wsgi_in_the_test_transaction = fuzzing._wsgi_in_the_test_transaction
server_errors = fuzzing.server_errors


@pytest.fixture
def payroll_identifiers(world, computed):
    element(computed, world.employee_file)
    element(computed, world.colleague, source=ElementSource.LEAVE)
    return {
        "period_id": [computed.pk],
        "element_id": list(computed.elements.values_list("pk", flat=True)),
        "payslip_id": list(computed.payslips.values_list("pk", flat=True))[:2],
    }


@pytest.mark.slow
@pytest.mark.usefixtures("_wsgi_in_the_test_transaction")
@pytest.mark.parametrize("operation", PAYROLL_OPERATIONS, ids=fuzzing._operation_id)
def test_no_server_error_on_a_computed_period(
    operation, payroll_identifiers, server_errors, request
):
    fuzzing.test_no_server_error(operation, payroll_identifiers, server_errors, request)

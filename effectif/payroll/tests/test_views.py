"""Payroll pages per role: HR of the employer run the period, the payroll lead validates,
closes and reopens, an employee reads their own payslips once the period is closed, a manager
sees no payroll at all; out-of-scope objects are 404."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.payroll.computing import compute
from effectif.payroll.models import (
    ElementSource,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PeriodStatus,
)

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("payroll:periods", [200, 200, 200, 403, 403, 200]),
        ("payroll:period_create", [200, 200, 200, 403, 403, 200]),
        ("payroll:my_payslips", [200, 200, 200, 200, 200, 200]),
    ],
)
def test_list_pages_access_per_role(request, client_for, world, name, statuses):
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(reverse(name)).status_code == status, role


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("payroll:period", [200, 200, 200, 403, 403, 404]),
        ("payroll:period_progress", [200, 200, 200, 403, 403, 404]),
        ("payroll:elements", [200, 200, 200, 403, 403, 404]),
        ("payroll:anomalies", [200, 200, 200, 403, 403, 404]),
        ("payroll:period_reopen", [200, 200, 403, 403, 403, 403]),
    ],
)
def test_period_pages_access_per_role(request, client_for, period, name, statuses):
    compute(period.pk)
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSED)
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(reverse(name, args=[period.pk])).status_code == status, role


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("payroll:period_collect", [404, 404, 404, 403, 403, 404]),
        ("payroll:period_compute", [404, 404, 404, 403, 403, 404]),
        ("payroll:period_check", [404, 404, 404, 403, 403, 404]),
        ("payroll:period_validate", [404, 404, 403, 403, 403, 403]),
        ("payroll:period_close", [404, 404, 403, 403, 403, 403]),
        ("payroll:element_delete", [404, 404, 404, 403, 403, 404]),
        ("payroll:anomaly_acknowledge", [404, 404, 404, 403, 403, 404]),
    ],
)
def test_actions_access_per_role(request, client_for, world, name, statuses):
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.post(reverse(name, args=[999_999])).status_code == status, role


@pytest.mark.parametrize("name", ["payroll:payslip"])
def test_payslip_access_per_role(request, client_for, period, world, name):
    compute(period.pk)
    member = Payslip.objects.get(period=period, employee=world.member)
    url = reverse(name, args=[member.pk])
    # Before closing, the employee does not see it yet; the manager never.
    expected = [200, 200, 200, 404, 404, 404]
    for role, status in zip(ROLES, expected, strict=True):
        assert client_for(request.getfixturevalue(role)).get(url).status_code == status, role
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSED)
    own = client_for(request.getfixturevalue("employee_user"))
    assert own.get(url).status_code == 200
    assert "Montant net social" in own.get(url).content.decode()
    assert member.period.label in own.get(reverse("payroll:my_payslips")).content.decode()
    colleague = Payslip.objects.get(period=period, employee=world.colleague)
    assert own.get(reverse("payroll:payslip", args=[colleague.pk])).status_code == 404


def test_reading_someone_elses_payslip_is_audited(client_for, period, world, hr_assistant):
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    client_for(hr_assistant).get(reverse("payroll:payslip", args=[payslip.pk]))
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, target_type="payroll.Payslip", target_id=str(payslip.pk)
    ).exists()


def test_hr_opens_a_period_and_a_second_one_is_refused(client_for, world, hr_assistant):
    client = client_for(hr_assistant)
    data = {
        "employer": world.employer.pk,
        "month": "2026-06",
        "pay_date": "2026-06-30",
        "cutoff_date": "2026-06-20",
    }
    response = client.post(reverse("payroll:period_create"), data)
    period = PayrollPeriod.objects.get(employer=world.employer)
    assert response.url == period.get_absolute_url()
    again = client.post(reverse("payroll:period_create"), data)
    assert again.status_code == 200
    assert "existe déjà" in again.content.decode()
    assert PayrollPeriod.objects.count() == 1


def test_the_period_page_lists_filters_and_searches(client_for, period, world, hr_assistant):
    compute(period.pk)
    client = client_for(hr_assistant)
    url = reverse("payroll:period", args=[period.pk])
    page = client.get(url).content.decode()
    assert world.member.display_name in page
    assert world.colleague.display_name in page
    found = client.get(url, {"q": world.member.matricule}).content.decode()
    assert world.member.display_name in found
    assert world.colleague.display_name not in found
    assert "Aucun bulletin ne correspond." in client.get(url, {"filtre": "echec"}).content.decode()


def test_the_progress_bar_tells_htmx_to_reload_when_done(client_for, period, hr_assistant):
    client = client_for(hr_assistant)
    url = reverse("payroll:period_progress", args=[period.pk])
    PayrollPeriod.objects.filter(pk=period.pk).update(
        task_status="running", progress_done=120, progress_total=400
    )
    running = client.get(url, HTTP_HX_REQUEST="true")
    assert "120 bulletins calculés sur 400" in running.content.decode()
    assert 'hx-trigger="every 1s"' in running.content.decode()
    assert "HX-Refresh" not in running
    PayrollPeriod.objects.filter(pk=period.pk).update(task_status="done")
    assert client.get(url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_hr_enters_an_element_with_errors_in_french(client_for, period, world, hr_assistant):
    client = client_for(hr_assistant)
    url = reverse("payroll:elements", args=[period.pk])
    bad = client.post(url, {"employee": world.member.pk, "code": "HS25", "quantity": "-3"})
    assert "La quantité ne peut être négative." in bad.content.decode()
    missing = client.post(url, {"employee": world.member.pk, "code": "PRIME"})
    assert "Indiquez le montant." in missing.content.decode()
    assert not PayrollElement.objects.exists()
    stranger = client.post(url, {"employee": world.stranger.pk, "code": "PRIME", "amount": "10"})
    assert stranger.status_code == 200
    assert not PayrollElement.objects.exists()
    client.post(url, {"employee": world.member.pk, "code": "PRIME", "amount": "250"})
    element = PayrollElement.objects.get()
    assert (element.amount, element.source) == (D("250.00"), ElementSource.MANUAL)
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="payroll.PayrollElement"
    ).exists()


def test_the_whole_cycle_by_the_pages(client_for, period, world, hr_assistant, hr_manager):
    for person in (world.member, world.colleague, world.manager_file):
        person.iban = "FR7630006000011234567890189"
        person.save()
    assistant, lead = client_for(hr_assistant), client_for(hr_manager)
    compute(period.pk)
    period.refresh_from_db()
    assert period.status == PeriodStatus.COMPUTED
    for anomaly in period.anomalies.filter(severity="warning"):
        assistant.post(
            reverse("payroll:anomaly_acknowledge", args=[anomaly.pk]),
            {"comment": "Taux notifié attendu le mois prochain."},
        )
    assert not period.anomalies.filter(severity="blocking").exists()
    assistant.post(reverse("payroll:period_check", args=[period.pk]))
    assert assistant.post(reverse("payroll:period_validate", args=[period.pk])).status_code == 403
    lead.post(reverse("payroll:period_validate", args=[period.pk]))
    lead.post(reverse("payroll:period_close", args=[period.pk]))
    period.refresh_from_db()
    assert period.status == PeriodStatus.CLOSED
    assert period.closed_by == hr_manager
    # Closed: nothing changes any more, and the page says why.
    refused = assistant.post(
        reverse("payroll:elements", args=[period.pk]),
        {"employee": world.member.pk, "code": "PRIME", "amount": "10"},
    )
    assert refused.status_code == 403
    response = assistant.post(reverse("payroll:period_compute", args=[period.pk]), follow=True)
    assert "est close" in response.content.decode()
    # Reopening needs a reason, and is audited with it.
    url = reverse("payroll:period_reopen", args=[period.pk])
    assert "Ce champ est obligatoire." in lead.post(url, {"reason": ""}).content.decode()
    lead.post(url, {"reason": "Prime oubliée"})
    period.refresh_from_db()
    assert period.status == PeriodStatus.COMPUTED
    assert AuditEntry.objects.filter(
        target_type="payroll.PayrollPeriod", detail__contains="Prime oubliée"
    ).exists()


def test_an_employee_who_chose_paper_does_not_see_the_payslip_online(
    client_for, period, world, employee_user, hr_assistant
):
    from datetime import date

    from effectif.payroll.models import EmployeePayrollSettings

    EmployeePayrollSettings.objects.create(
        employee=world.member, effective_date=date(2026, 1, 1), paper_payslip=True
    )
    compute(period.pk)
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSED)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    own = client_for(employee_user)
    listing = own.get(reverse("payroll:my_payslips")).content.decode()
    assert "sur papier" in listing
    assert reverse("payroll:payslip", args=[payslip.pk]) not in listing
    assert own.get(reverse("payroll:payslip", args=[payslip.pk])).status_code == 404
    assert (
        client_for(hr_assistant).get(reverse("payroll:payslip", args=[payslip.pk])).status_code
        == 200
    )

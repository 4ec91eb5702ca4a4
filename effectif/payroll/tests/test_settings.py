"""Payroll settings: an employee's by date of effect (a wrong rate is refused on its field, in
French, nothing written), used by the computation of the month; an employer's (payroll lead)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

from effectif.payroll.computing import compute
from effectif.payroll.models import EmployeePayrollSettings, EmployerPayrollSettings, Payslip

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


@pytest.mark.parametrize(
    ("name", "target", "statuses"),
    [
        ("payroll:employee_settings", "member", [200, 200, 200, 403, 403, 404]),
        ("payroll:employee_settings", "stranger", [200, 404, 404, 403, 403, 404]),
        ("payroll:employer_settings", "employer", [200, 200, 403, 403, 403, 403]),
        ("payroll:employer_settings", "other_employer", [200, 404, 403, 403, 403, 403]),
    ],
)
def test_settings_pages_access_per_role(request, client_for, world, name, target, statuses):
    url = reverse(name, args=[getattr(world, target).pk])
    for role, status in zip(ROLES, statuses, strict=True):
        assert client_for(request.getfixturevalue(role)).get(url).status_code == status, role


def _post(client, world, **values):
    data = {
        "effective_date": "2026-05-01",
        "pas_origin": "notified",
        "pas_rate": "0.075",
        "health_premium_amount": "80",
        "health_employer_share": "0.5",
        "prevoyance_premium_amount": "0",
        "prevoyance_employer_share": "0.5",
        "transit_pass_amount": "0",
        **values,
    }
    return client.post(reverse("payroll:employee_settings", args=[world.member.pk]), data)


def test_wrong_rates_are_refused_in_french(client_for, world, hr_assistant):
    client = client_for(hr_assistant)
    above = _post(client, world, pas_rate="0.5").content.decode()
    assert "inférieure ou égale à 0.43" in above
    missing = _post(client, world, pas_rate="").content.decode()
    assert "Indiquez le taux notifié par l&#x27;administration fiscale." in missing
    share = _post(client, world, health_employer_share="0.3").content.decode()
    assert "supérieure ou égale à 0.5" in share
    assert not EmployeePayrollSettings.objects.exists()


def test_the_month_uses_the_version_in_force(client_for, world, hr_assistant, period):
    client = client_for(hr_assistant)
    assert _post(client, world).status_code == 302
    # The same date again corrects the version rather than adding one.
    assert _post(client, world, pas_rate="0.08").status_code == 302
    version = EmployeePayrollSettings.objects.get()
    assert version.pas_rate == D("0.0800")
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.result["withholding"]["rate"] == "0.0800"
    assert payslip.result["withholding"]["neutral"] is False
    assert D(payslip.engine_input["employee"]["health_premium_amount"]) == D("80")


def test_the_payroll_lead_sets_the_employers_settings(client_for, world, hr_manager):
    url = reverse("payroll:employer_settings", args=[world.employer.pk])
    data = {"absence_method": "jours_ouvres", "headcount": "12", "variation_threshold": "0.3"}
    assert client_for(hr_manager).post(url, data).status_code == 302
    settings = EmployerPayrollSettings.objects.get(employer=world.employer)
    assert (settings.absence_method, settings.headcount) == ("jours_ouvres", 12)

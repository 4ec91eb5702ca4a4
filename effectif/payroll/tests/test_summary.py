"""The period's summary per establishment: the sums of the payslips, beside the previous
month's; the .xlsx export; HR only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from effectif.payroll.computing import compute
from effectif.payroll.models import Payslip
from effectif.payroll.summary import period_summary
from effectif.payroll.tests.factories import PayrollPeriodFactory

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


@pytest.mark.parametrize(
    ("name", "statuses"), [("payroll:summary", [200, 200, 200, 403, 403, 404])]
)
def test_summary_access_per_role(request, client_for, period, name, statuses):
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(reverse(name, args=[period.pk])).status_code == status, role


def test_the_summary_sums_the_payslips_beside_the_previous_month(world, period):
    april = PayrollPeriodFactory(
        employer=world.employer,
        month=date(2026, 4, 1),
        pay_date=date(2026, 4, 30),
        cutoff_date=date(2026, 4, 20),
    )
    compute(april.pk)
    compute(period.pk)
    rows, total, previous = period_summary(period)
    assert previous == april
    assert [row.label for row in rows] == [world.establishment.name]
    payslips = Payslip.objects.filter(period=period)
    assert total.current.headcount == 3
    assert total.current.amounts["gross_amount"] == sum(p.gross_amount for p in payslips)
    assert total.current.amounts["employer_cost_amount"] == sum(
        p.employer_cost_amount for p in payslips
    )
    assert total.previous.headcount == 3
    assert total.cost_change == D(0)


def test_the_summary_exports_to_xlsx(client_for, period, hr_assistant):
    compute(period.pk)
    response = client_for(hr_assistant).get(
        reverse("payroll:summary", args=[period.pk]), {"export": "xlsx"}
    )
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Établissement"
    assert rows[-1][0] == "Total"
    assert rows[-1][1] == 3

"""The simulator: HR only; gross to net, net to gross and employer cost with the engine; bad
input says what is wrong in French."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.urls import reverse

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]
URL = reverse("payroll:simulator")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "statuses"), [("payroll:simulator", [200, 200, 200, 403, 403, 200])]
)
def test_simulator_access_per_role(request, client_for, world, name, statuses):
    for role, status in zip(ROLES, statuses, strict=True):
        client = client_for(request.getfixturevalue(role))
        assert client.get(reverse(name)).status_code == status, role


def _simulate(client, world, **values):
    data = {
        "mode": "brut",
        "amount": "2500",
        "establishment": world.establishment.pk,
        "month": "2026-03",
        "contract": "cdi",
        "monthly_hours": "151.67",
        "headcount": "12",
        "pas_rate": "0.05",
        "health_premium_amount": "0",
        **values,
    }
    return client.get(URL, data)


def test_gross_to_net_and_back(client_for, world, hr_assistant):
    client = client_for(hr_assistant)
    forward = _simulate(client, world).context["result"]
    assert D(forward["gross_amount"]) == D("2500.00")
    net = D(forward["net_before_tax_amount"])
    backward = _simulate(client, world, mode="net_avant_impot", amount=str(net)).context["result"]
    # Two grosses a cent apart may give the same net to the cent: the least is given.
    assert D("2499.99") <= D(backward["gross_amount"]) <= D("2500.00")
    assert D(backward["net_before_tax_amount"]) == net
    cost = _simulate(client, world, mode="cout_employeur", amount=forward["employer_cost_amount"])
    solved = cost.context["result"]
    assert D("2499.99") <= D(solved["gross_amount"]) <= D("2500.00")
    assert solved["employer_cost_amount"] == forward["employer_cost_amount"]
    assert "Total des cotisations et contributions" in cost.content.decode()


def test_bad_input_is_explained(client_for, world, hr_assistant):
    client = client_for(hr_assistant)
    page = _simulate(client, world, amount="-5").content.decode()
    assert "supérieure ou égale à 1" in page
    unreachable = _simulate(client, world, mode="net_paye", amount="99999999")
    assert "Aucun salaire brut ne donne ce montant." in unreachable.content.decode()
    outside = _simulate(client, world, month="2019-01").content.decode()
    assert "2019" in outside
    assert (
        _simulate(client, world, establishment=world.other_establishment.pk).context["result"]
        is None
    )

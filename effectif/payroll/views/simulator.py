"""The payroll simulator page: gross to net, net to gross (solved) and employer cost, with the
same engine as the payslips. Nothing is stored."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from effectif.core.access import require
from effectif.core.editing import add_missing_parameter_error
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.selectors import establishments_for, hr_employers_for
from effectif.payroll.forms import SimulatorForm
from effectif.payroll.permissions import may_run_payroll
from effectif.payroll.simulating import Simulation, simulate
from effectif.payroll.storing import headings_of, result_json
from effectif.rules.parameters.base import MissingParameter
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.solving import UnreachableTarget


@require(may_run_payroll)
def simulator(request: AuthenticatedRequest) -> HttpResponse:
    establishments = establishments_for(request.user).filter(
        employer__in=hr_employers_for(request.user)
    )
    initial = {
        "month": timezone.localdate().replace(day=1),
        "establishment": establishments.first(),
    }
    form = SimulatorForm(
        request.GET if "amount" in request.GET else None,
        establishments=establishments,
        initial=initial,
    )
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            computed = simulate(
                Simulation(
                    month=data["month"],
                    establishment=data["establishment"],
                    headcount=data["headcount"],
                    mode=data["mode"],
                    amount=data["amount"],
                    cadre=data["cadre"],
                    contract=ContractKind(data["contract"]),
                    monthly_hours=data["monthly_hours"],
                    pas_rate=data["pas_rate"],
                    health_premium_amount=data["health_premium_amount"] or Decimal(0),
                )
            )
        except MissingParameter as error:
            add_missing_parameter_error(form, error)
        except UnreachableTarget:
            form.add_error("amount", "Aucun salaire brut ne donne ce montant.")
        else:
            result = result_json(computed)
    return render(
        request,
        "payroll/simulator.html",
        {
            "form": form,
            "result": result,
            "headings": headings_of(result) if result else [],
        },
    )

"""Computing a period: gather the elements (until the cut-off), compute each person's payslip
with the engine, store it with its lines and year-to-date figures, then run the checks.

Runs in the task worker (`tasks.compute_period`); the period's progress fields are updated as it
goes so that the page's progress bar follows. Re-running replaces the payslips: idempotent.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from effectif.contracts.models import Contract
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.payroll import checks
from effectif.payroll.collecting import collect
from effectif.payroll.facts import (
    Paid,
    contracts_of_month,
    employer_facts,
    paid_in,
    payslip_input,
    planned_month,
    year_to_date,
)
from effectif.payroll.models import (
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
    PeriodStatus,
    TaskStatus,
)
from effectif.payroll.storing import amounts_of, result_json, to_json
from effectif.rules.parameters.base import MissingParameter
from effectif.rules.payroll import PayslipInputError, compute_payslip, month_parameters

logger = logging.getLogger(__name__)

#: How many payslips between two updates of the progress bar.
PROGRESS_STEP = 50


def _progress(period: PayrollPeriod, done: int) -> None:
    PayrollPeriod.objects.filter(pk=period.pk).update(progress_done=done)


def compute(period_id: int) -> str:
    """Compute the whole period; the task's body. Returns the task's final status."""
    period = PayrollPeriod.objects.select_related("employer").get(pk=period_id)
    if not period.is_editable:
        return str(period.task_status)
    PayrollPeriod.objects.filter(pk=period.pk).update(
        task_status=TaskStatus.RUNNING, progress_done=0, task_error=""
    )
    try:
        contracts = contracts_of_month(period)
        paid = paid_in(period, contracts=contracts)
        if timezone.localdate() <= period.cutoff_date or period.collected_at is None:
            collect(period, by=None, paid=paid)
        _compute_payslips(period, paid, contracts)
    except Exception as error:  # the page says it failed; the log keeps the trace
        logger.exception("Calcul de la période de paie %s", period_id)
        PayrollPeriod.objects.filter(pk=period.pk).update(
            task_status=TaskStatus.FAILED, task_error=str(error)[:500]
        )
        return TaskStatus.FAILED
    return TaskStatus.DONE


def _compute_payslips(period: PayrollPeriod, paid: list[Paid], contracts: list[Contract]) -> None:
    PayrollPeriod.objects.filter(pk=period.pk).update(progress_total=len(paid))
    ids = [p.employee.pk for p in paid]
    elements: dict[int, list[PayrollElement]] = defaultdict(list)
    for element in PayrollElement.objects.filter(period=period):
        elements[element.employee_id].append(element)
    employer = employer_facts(period, contracts)
    planned = planned_month(paid, period)
    ytd = year_to_date(period, ids)
    try:
        params = month_parameters(period.month)
    except MissingParameter as error:
        raise ValueError(str(error)) from error
    now = timezone.now()
    payslips: list[Payslip] = []
    for done, person in enumerate(paid, start=1):
        own = elements.get(person.employee.pk, [])
        payslip = Payslip(
            period=period,
            employee=person.employee,
            contract=person.contract,
            element_count=len(own),
            computed_at=now,
        )
        try:
            given = payslip_input(
                period,
                person,
                employer=employer,
                elements=own,
                planned=planned.get(person.employee.pk),
                ytd=ytd.get(person.employee.pk),
            )
            payslip.engine_input = to_json(given)
            computed = compute_payslip(given, params)
        except (PayslipInputError, MissingParameter, ValueError) as error:
            payslip.status = PayslipStatus.FAILED
            payslip.error = str(error)[:500]
        else:
            payslip.result = result_json(computed)
            payslip.parameters_version = computed.parameters_version[:40]
            for name, value in amounts_of(computed).items():
                setattr(payslip, name, value)
        payslips.append(payslip)
        if done % PROGRESS_STEP == 0:
            _progress(period, done)
    found = checks.findings(period, payslips, contracts)
    with transaction.atomic():
        locked = PayrollPeriod.objects.select_for_update().get(pk=period.pk)
        if not locked.is_editable:
            raise ValueError("La période a été validée pendant le calcul : rien n'est modifié.")
        Payslip.objects.filter(period=period).delete()
        Payslip.objects.bulk_create(payslips, batch_size=500)
        stored = checks.store(locked, found)
        PayrollPeriod.objects.filter(pk=period.pk).update(
            status=PeriodStatus.COMPUTED,
            task_status=TaskStatus.DONE,
            progress_done=len(paid),
            computed_at=timezone.now(),
        )
        audit(
            actor=None,
            action=AuditAction.UPDATE,
            target=locked,
            detail=(
                f"Période calculée : {len(payslips)} bulletins, "
                f"{sum(1 for p in payslips if p.status == PayslipStatus.FAILED)} en échec, "
                f"{stored} anomalies"
            ),
        )

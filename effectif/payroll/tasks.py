"""Background work of payroll, run by the task worker (`manage.py db_worker`, started by
`make run` beside the web server): computing a period. The period's page follows the progress."""

from __future__ import annotations

from django_tasks import task

from effectif.payroll.computing import compute
from effectif.payroll.documents import build_period_documents


@task()
def compute_period(period_id: int) -> str:
    return compute(period_id)


@task()
def build_payslip_pdfs(period_id: int) -> int:
    """Print every computed payslip of the period into its `document` (the period's page
    follows the count of payslips that have one)."""
    return build_period_documents(period_id)

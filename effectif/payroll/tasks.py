"""Background work of payroll, run by the task worker (`manage.py db_worker`, started by
`make run` beside the web server): computing a period. The period's page follows the progress."""

from __future__ import annotations

from django_tasks import task

from effectif.payroll.computing import compute


@task()
def compute_period(period_id: int) -> str:
    return compute(period_id)

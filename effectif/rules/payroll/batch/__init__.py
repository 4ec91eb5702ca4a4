"""The batch path: a whole month's population in numpy columns, computed in integer cents."""

from effectif.rules.payroll.batch.engine import compute_batch
from effectif.rules.payroll.batch.population import Population
from effectif.rules.payroll.batch.result import BatchResult

__all__ = ["BatchResult", "Population", "compute_batch"]

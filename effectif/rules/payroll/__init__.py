"""French payslips as code, for 2025 and 2026.

One payslip: `compute_payslip(PayslipInput) -> Payslip`, in `Decimal`. A whole month's
population: `compute_batch(Population) -> BatchResult`, in integer cents, equal to the cent.
Parameters are read from `effectif.rules.parameters` by `month_parameters(period_date)`.
Command line: `python -m effectif.rules.payroll simulate FILE.json` or `bench --employees N`.
"""

from effectif.rules.payroll.batch import BatchResult, Population, compute_batch
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import (
    AbsenceMethod,
    ContractKind,
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    SickLeave,
    YearToDate,
)
from effectif.rules.payroll.month_parameters import MonthParameters, month_parameters
from effectif.rules.payroll.results import (
    AfterNetLine,
    ContributionLine,
    GrossLine,
    Heading,
    Payslip,
    Withholding,
)
from effectif.rules.payroll.validation import PayslipInputError

__all__ = [
    "AbsenceMethod",
    "AfterNetLine",
    "BatchResult",
    "ContractKind",
    "ContributionLine",
    "Employee",
    "Employer",
    "GrossLine",
    "Heading",
    "MonthParameters",
    "MonthVariables",
    "Payslip",
    "PayslipInput",
    "PayslipInputError",
    "Population",
    "SickLeave",
    "Withholding",
    "YearToDate",
    "compute_batch",
    "compute_payslip",
    "month_parameters",
]

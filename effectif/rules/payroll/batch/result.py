"""What the batch path returns: one array per figure, one row per line code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.payroll.batch.cents import Bool, Int, from_cents
from effectif.rules.payroll.batch.lines import LineMatrix
from effectif.rules.payroll.catalogue import LINE_ORDER


@dataclass(frozen=True)
class BatchResult:
    """Every figure of every payslip of a population, in cents (rates in millionths, the
    réduction générale's coefficient in ten-thousandths)."""

    period_date: date
    parameters_version: str
    lines: LineMatrix
    gross: Int
    employee_contributions: Int
    employer_contributions: Int
    general_reduction: Int
    general_reduction_coefficient: Int
    overtime_employee_reduction: Int
    overtime_employer_deduction: Int
    exempt_overtime: Int
    net_social: Int
    net_taxable: Int
    net_before_tax: Int
    withholding_base: Int
    withholding_abatement: Int
    withholding_rate: Int
    withholding_neutral: Bool
    withholding: Int
    net_paid: Int
    employer_cost: Int
    ytd_gross: Int
    ytd_taxable: Int
    ytd_withheld: Int
    ytd_exempt_overtime: Int
    ytd_reduction_pay: Int
    ytd_reduction_smic: Int
    ytd_reduction: Int

    def __len__(self) -> int:
        return int(self.gross.shape[0])

    def totals(self, index: int) -> dict[str, Decimal]:
        """The figures of one payslip as Decimal amounts (rates as Decimal fractions)."""
        figures = {
            name: from_cents(getattr(self, name)[index])
            for name in (
                "gross",
                "employee_contributions",
                "employer_contributions",
                "general_reduction",
                "overtime_employee_reduction",
                "overtime_employer_deduction",
                "exempt_overtime",
                "net_social",
                "net_taxable",
                "net_before_tax",
                "withholding_base",
                "withholding_abatement",
                "withholding",
                "net_paid",
                "employer_cost",
                "ytd_gross",
                "ytd_taxable",
                "ytd_withheld",
                "ytd_exempt_overtime",
                "ytd_reduction_pay",
                "ytd_reduction_smic",
                "ytd_reduction",
            )
        }
        figures["withholding_rate"] = Decimal(int(self.withholding_rate[index])).scaleb(-6)
        figures["general_reduction_coefficient"] = Decimal(
            int(self.general_reduction_coefficient[index])
        ).scaleb(-4)
        return figures

    def line_amounts(self, index: int) -> dict[str, tuple[Decimal, Decimal, Decimal, Decimal]]:
        """(employee base, employee amount, employer base, employer amount) of each line the
        payslip has."""
        lines = self.lines
        result = {}
        for row, code in enumerate(LINE_ORDER):
            employee_base = from_cents(lines.employee_bases[row, index])
            employee_amount = from_cents(lines.employee_amounts[row, index])
            employer_base = from_cents(lines.employer_bases[row, index])
            employer_amount = from_cents(lines.employer_amounts[row, index])
            if employee_base or employee_amount or employer_base or employer_amount:
                result[code] = (employee_base, employee_amount, employer_base, employer_amount)
        return result

"""What the engine returns for one payslip: lines under the headings of the "bulletin clarifié"
(arrêté du 25/02/2016 modifié, C. trav. R3243-2), totals, nets and year-to-date figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum

from effectif.rules.parameters.dsn_codes import DsnCodes
from effectif.rules.payroll.inputs import YearToDate


class Heading(IntEnum):
    """Headings of the contributions section, in the order of the arrêté du 25/02/2016."""

    HEALTH = 1
    WORK_ACCIDENTS = 2
    PENSION = 3
    FAMILY = 4
    UNEMPLOYMENT = 5
    OTHER_EMPLOYER = 6
    CONVENTIONAL = 7
    CSG_DEDUCTIBLE = 8
    CSG_NON_DEDUCTIBLE = 9
    CSG_NON_TAXABLE_INCOME = 10
    EXEMPTIONS = 11

    @property
    def label(self) -> str:
        return _HEADING_LABELS[self]


_HEADING_LABELS = {
    Heading.HEALTH: "Santé",
    Heading.WORK_ACCIDENTS: "Accidents du travail - maladies professionnelles",
    Heading.PENSION: "Retraite",
    Heading.FAMILY: "Famille",
    Heading.UNEMPLOYMENT: "Assurance chômage",
    Heading.OTHER_EMPLOYER: "Autres contributions dues par l'employeur",
    Heading.CONVENTIONAL: "Cotisations statutaires ou prévues par la convention collective",
    Heading.CSG_DEDUCTIBLE: "CSG déductible de l'impôt sur le revenu",
    Heading.CSG_NON_DEDUCTIBLE: "CSG/CRDS non déductible de l'impôt sur le revenu",
    Heading.CSG_NON_TAXABLE_INCOME: "CSG/CRDS sur les revenus non imposables",
    Heading.EXEMPTIONS: "Exonérations, écrêtements et allègements de cotisations",
}


@dataclass(frozen=True, slots=True)
class GrossLine:
    """One element of gross pay: base salary, deductions, overtime, bonuses, benefits in kind."""

    code: str
    label: str
    quantity: Decimal | None
    rate: Decimal | None
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ContributionLine:
    """One contribution with its employee and employer parts (a reduction has negative amounts).

    The two parts have their own base because an apprentice's employee part is levied on the
    pay above the exempt share of the SMIC; otherwise both bases are equal.
    """

    code: str
    label: str
    heading: Heading
    employee_base_amount: Decimal
    employee_rate: Decimal | None
    employee_amount: Decimal
    employer_base_amount: Decimal
    employer_rate: Decimal | None
    employer_amount: Decimal
    dsn: DsnCodes


@dataclass(frozen=True, slots=True)
class AfterNetLine:
    """An amount added to (positive) or taken from (negative) the net pay after the
    contributions, outside gross pay: the IJSS the employer received by subrogation and pays
    over, and the CSG/CRDS the CPAM withheld on them (shown with their base and rate)."""

    code: str
    label: str
    quantity: Decimal | None
    base_amount: Decimal | None
    rate: Decimal | None
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Withholding:
    """Prélèvement à la source: base (net taxable, plus the taxable IJSS paid by subrogation),
    abatement, rate, amount."""

    base_amount: Decimal
    abatement_amount: Decimal
    rate: Decimal
    neutral: bool
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Payslip:
    """A computed payslip. Every line is rounded to the cent; totals are sums of lines."""

    reference: str
    period_date: date
    parameters_version: str
    gross_lines: tuple[GrossLine, ...]
    gross_amount: Decimal
    lines: tuple[ContributionLine, ...]
    employee_contributions_amount: Decimal
    employer_contributions_amount: Decimal
    general_reduction_amount: Decimal
    general_reduction_coefficient: Decimal
    overtime_employee_reduction_amount: Decimal
    overtime_employer_deduction_amount: Decimal
    exempt_overtime_amount: Decimal
    net_social_amount: Decimal
    net_taxable_amount: Decimal
    net_before_tax_amount: Decimal
    withholding: Withholding
    net_paid_amount: Decimal
    employer_cost_amount: Decimal
    year_to_date: YearToDate
    after_net_lines: tuple[AfterNetLine, ...] = ()

    def line(self, code: str) -> ContributionLine | None:
        """The line of that code, if the payslip has one."""
        return next((line for line in self.lines if line.code == code), None)

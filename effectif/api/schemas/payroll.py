"""Payroll in the API: the periods with their totals, their variable elements, the payslips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Input, Ref, Year, choices_help
from effectif.api.schemas.travel import PersonRef
from effectif.payroll.models import (
    ElementSource,
    PayslipStatus,
    PeriodStatus,
    TaskStatus,
)

# --- periods -------------------------------------------------------------------------------


class PeriodFilters(Schema):
    employer: Id | None = Field(None, description="Identifiant de l'employeur.")
    year: Year | None = Field(None, description="Année du mois de paie.")
    status: PeriodStatus | None = Field(None, description=choices_help(PeriodStatus))


class PeriodOut(Schema):
    id: int
    employer: Ref
    month: dt.date = Field(description="Le premier jour du mois de paie.")
    label: str = Field(description="« Mai 2026 ».")
    pay_date: dt.date
    cutoff_date: dt.date = Field(description="Date limite des éléments variables.")
    status: str = Field(description=choices_help(PeriodStatus))
    status_label: str
    task_status: str = Field(
        description="Le calcul en tâche de fond : vide s'il n'a jamais été demandé ; "
        + choices_help(TaskStatus)
    )
    task_status_label: str
    progress_done: int = Field(description="Bulletins calculés par le calcul en cours.")
    progress_total: int
    progress_percent: int
    task_error: str
    collected_at: dt.datetime | None
    computed_at: dt.datetime | None
    validated_by: str | None
    validated_at: dt.datetime | None
    closed_by: str | None
    closed_at: dt.datetime | None
    payslip_count: int
    blocking_count: int = Field(description="Anomalies bloquantes.")


class AmountsOut(Schema):
    """The figures of a payslip (`Payslip.AMOUNT_FIELDS`), in the order of the bulletin."""

    gross_amount: Decimal
    employee_contributions_amount: Decimal
    employer_contributions_amount: Decimal
    net_social_amount: Decimal
    net_taxable_amount: Decimal
    net_before_tax_amount: Decimal
    withheld_amount: Decimal = Field(description="Impôt prélevé à la source.")
    net_paid_amount: Decimal
    employer_cost_amount: Decimal


class TotalsOut(AmountsOut):
    """The sums of the period's computed payslips."""

    count: int = Field(description="Bulletins calculés.")


class AnomalyCountsOut(Schema):
    blocking: int = Field(description="Anomalies bloquantes : à corriger avant le contrôle.")
    warnings: int
    open_warnings: int = Field(description="Avertissements pas encore acceptés.")


class PeriodDetailOut(PeriodOut):
    element_count: int
    failed_count: int = Field(description="Bulletins dont le calcul a échoué.")
    totals: TotalsOut
    anomalies: AnomalyCountsOut


# --- elements ------------------------------------------------------------------------------


class ElementFilters(Schema):
    employee: Id | None = Field(None, description="Identifiant du salarié.")


class ElementOut(Schema):
    id: int
    period_id: int
    employee: PersonRef
    code: str
    label: str
    quantity: Decimal | None
    base_amount: Decimal | None
    rate: Decimal | None
    amount: Decimal | None
    start_date: dt.date | None
    end_date: dt.date | None
    corrected_month: dt.date | None
    source: str = Field(description=choices_help(ElementSource))
    source_label: str
    comment: str


class ElementIn(Input):
    """A variable element entered by hand: its `code` among the catalogue's manual ones
    (« HS25 », « ABS_J », « PRIME », « TR »…); a quantity (hours, days or count) or, for a
    money element, an amount."""

    employee: Id = Field(description="Un salarié de l'employeur de la période.")
    code: str = Field(max_length=20)
    quantity: Decimal | None = Field(None, max_digits=9, decimal_places=2)
    base_amount: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    rate: Decimal | None = Field(None, max_digits=9, decimal_places=4)
    amount: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    corrected_month: Day | None = Field(
        None, description="Pour un rappel ou une régularisation : le mois qu'il corrige."
    )
    comment: str = Field("", max_length=300)


# --- payslips ------------------------------------------------------------------------------


class PayslipFilters(Schema):
    period: Id | None = Field(None, description="Identifiant de la période.")
    employee: Id | None = Field(None, description="Identifiant du salarié.")


class PeriodRef(Schema):
    id: int
    month: dt.date
    label: str
    status: str = Field(description=choices_help(PeriodStatus))
    pay_date: dt.date


class PayslipOut(AmountsOut):
    id: int
    employer: Ref
    period: PeriodRef
    employee: PersonRef
    status: str = Field(description=choices_help(PayslipStatus))
    error: str
    computed_at: dt.datetime | None


class GrossLineOut(Schema):
    code: str
    label: str
    quantity: Decimal | None
    rate: Decimal | None
    amount: Decimal


class ContributionLineOut(Schema):
    code: str
    label: str
    heading: int = Field(description="La rubrique de l'arrêté du 25/02/2016, dans son ordre.")
    heading_label: str = ""
    employee_base_amount: Decimal
    employee_rate: Decimal | None
    employee_amount: Decimal
    employer_base_amount: Decimal
    employer_rate: Decimal | None
    employer_amount: Decimal


class AfterNetLineOut(Schema):
    code: str
    label: str
    quantity: Decimal | None
    base_amount: Decimal | None
    rate: Decimal | None
    amount: Decimal


class WithholdingOut(Schema):
    base_amount: Decimal
    abatement_amount: Decimal
    rate: Decimal
    neutral: bool = Field(description="Taux non personnalisé (grille neutre).")
    amount: Decimal


class PayslipDetailOut(PayslipOut):
    parameters_version: str
    gross_lines: list[GrossLineOut]
    lines: list[ContributionLineOut] = Field(description="Cotisations et contributions.")
    withholding: WithholdingOut | None
    after_net_lines: list[AfterNetLineOut] = Field(
        description="Après le net : indemnités journalières en subrogation, frais…"
    )

"""Every legal value the engine needs for one pay month, read once from the dated parameters.

`month_parameters(period_date)` is cached: both the one-by-one and the batch paths read the same
snapshot. A month with no value for some parameter raises `MissingParameter`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from effectif.rules.parameters import (
    apprentices,
    benefits_in_kind,
    csg_crds,
    dsn_codes,
    employer_levies,
    general_reduction,
    income_tax,
    net_social,
    overtime,
    payroll_tax,
    smic,
    social_security_ceiling,
    social_security_contributions,
    supplementary_pensions,
    unemployment,
    withholding,
)
from effectif.rules.parameters.benefits_in_kind import MealVoucherRules, TransportRules
from effectif.rules.parameters.dsn_codes import DsnCodes
from effectif.rules.parameters.employer_levies import (
    ApprenticeshipTax,
    ThresholdRates,
    WorkStudyContribution,
)
from effectif.rules.parameters.general_reduction import FillonFormula, ReductionSmic, RgduFormula
from effectif.rules.parameters.income_tax import PrevoyanceDeductionLimit
from effectif.rules.parameters.overtime import EmployerDeduction, HourPremiums
from effectif.rules.parameters.payroll_tax import PayrollTaxScale
from effectif.rules.parameters.supplementary_pensions import SplitRates
from effectif.rules.parameters.withholding import NeutralGrid


@dataclass(frozen=True)
class MonthParameters:
    """The parameters in force on the first day of a pay month."""

    period_date: date
    smic_hourly: Decimal
    smic_monthly: Decimal
    legal_monthly_hours: Decimal
    legal_weekly_hours: int
    forfait_full_days: int
    pss: Decimal
    ceiling_proration_days: int
    health_rate: Decimal
    health_reduced: tuple[Decimal, Decimal] | None
    family_rate: Decimal
    family_reduced: tuple[Decimal, Decimal] | None
    reduced_rates_smic_hourly: Decimal
    alsace_moselle_rate: Decimal
    old_age_capped: tuple[Decimal, Decimal]
    old_age_uncapped: tuple[Decimal, Decimal]
    csa_rate: Decimal
    fnal: tuple[Decimal, Decimal, int]
    social_dialogue_rate: Decimal
    unemployment_rate: Decimal
    ags_rate: Decimal
    unemployment_multiple: int
    agirc_arrco: SplitRates
    ceg: SplitRates
    cet: tuple[Decimal, Decimal]
    tranche_2_multiple: int
    apec: tuple[Decimal, Decimal]
    apec_multiple: int
    cadre_prevoyance_rate: Decimal
    csg_deductible_rate: Decimal
    csg_non_deductible_rate: Decimal
    crds_rate: Decimal
    csg_base: tuple[Decimal, int]
    vocational_training: ThresholdRates
    cpf_fixed_term_rate: Decimal
    apprenticeship_tax: ApprenticeshipTax
    apprenticeship_tax_non_profit_liable: bool
    apprentice_wages_exempt_below: int
    work_study: WorkStudyContribution
    construction_effort: tuple[Decimal, int]
    forfait_social: tuple[Decimal, int]
    mobility_threshold: int
    payroll_tax: PayrollTaxScale
    reduction_formula: FillonFormula | RgduFormula
    reduction_smic: ReductionSmic
    reduction_large_employer: int
    reduction_pension_rate: Decimal
    hour_premiums: HourPremiums
    overtime_reduction_cap: Decimal
    overtime_employer_deduction: EmployerDeduction
    overtime_tax_cap: Decimal
    neutral_grid: NeutralGrid
    short_contract_abatement: Decimal
    short_contract_max_months: int
    meal_benefit_value: Decimal
    meal_vouchers: MealVoucherRules
    public_transport: TransportRules
    apprentice_income_tax_smic: Decimal
    employer_health_taxable: bool
    employer_prevoyance_taxable: bool
    prevoyance_deduction_limit: PrevoyanceDeductionLimit
    net_social_includes_employer_protection: bool
    dsn_codes: tuple[tuple[str, DsnCodes], ...]
    cache: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def dsn(self, code: str) -> DsnCodes:
        """DSN codes of a line."""
        for key, codes in self.dsn_codes:
            if key == code:
                return codes
        return DsnCodes(None, None, None)

    @property
    def version(self) -> str:
        """A short fingerprint of every value, stored with each payslip."""
        cached = self.cache.get("version")
        if cached is None:
            text = repr(tuple(getattr(self, f.name) for f in fields(self) if f.compare))
            cached = hashlib.sha256(text.encode()).hexdigest()[:16]
            self.cache["version"] = cached
        return str(cached)

    def with_reference_conventions(self) -> MonthParameters:
        """These parameters with the choices of the reference model (mon-entreprise) on the
        points the law leaves to interpretation: the employer's prévoyance share is taxable."""
        return replace(self, employer_prevoyance_taxable=True)


@lru_cache(maxsize=64)
def month_parameters(period_date: date) -> MonthParameters:
    """The snapshot for the month starting on `period_date` (its first day)."""
    on = period_date.replace(day=1)
    p = social_security_contributions
    return MonthParameters(
        period_date=on,
        smic_hourly=smic.SMIC_HOURLY.at(on),
        smic_monthly=smic.SMIC_MONTHLY_FULL_TIME.at(on),
        legal_monthly_hours=smic.LEGAL_MONTHLY_HOURS.at(on),
        legal_weekly_hours=smic.LEGAL_WEEKLY_HOURS.at(on),
        forfait_full_days=smic.FORFAIT_DAYS_FULL_YEAR.at(on),
        pss=social_security_ceiling.PSS_MONTHLY.at(on),
        ceiling_proration_days=social_security_ceiling.CEILING_PRORATION_DAYS.at(on),
        health_rate=p.HEALTH_EMPLOYER_RATE.at(on),
        health_reduced=p.HEALTH_EMPLOYER_REDUCED.at(on),
        family_rate=p.FAMILY_EMPLOYER_RATE.at(on),
        family_reduced=p.FAMILY_EMPLOYER_REDUCED.at(on),
        reduced_rates_smic_hourly=p.REDUCED_RATES_SMIC_HOURLY.at(on),
        alsace_moselle_rate=p.HEALTH_ALSACE_MOSELLE_EMPLOYEE_RATE.at(on),
        old_age_capped=p.OLD_AGE_CAPPED_RATES.at(on),
        old_age_uncapped=p.OLD_AGE_UNCAPPED_RATES.at(on),
        csa_rate=p.CSA_RATE.at(on),
        fnal=p.FNAL.at(on),
        social_dialogue_rate=p.SOCIAL_DIALOGUE_RATE.at(on),
        unemployment_rate=unemployment.UNEMPLOYMENT_EMPLOYER_RATE.at(on),
        ags_rate=unemployment.AGS_RATE.at(on),
        unemployment_multiple=unemployment.UNEMPLOYMENT_CEILING_MULTIPLE.at(on),
        agirc_arrco=supplementary_pensions.AGIRC_ARRCO_RATES.at(on),
        ceg=supplementary_pensions.CEG_RATES.at(on),
        cet=supplementary_pensions.CET_RATES.at(on),
        tranche_2_multiple=supplementary_pensions.TRANCHE_2_CEILING_MULTIPLE.at(on),
        apec=supplementary_pensions.APEC_RATES.at(on),
        apec_multiple=supplementary_pensions.APEC_CEILING_MULTIPLE.at(on),
        cadre_prevoyance_rate=supplementary_pensions.CADRE_PREVOYANCE_EMPLOYER_RATE.at(on),
        csg_deductible_rate=csg_crds.CSG_DEDUCTIBLE_RATE.at(on),
        csg_non_deductible_rate=csg_crds.CSG_NON_DEDUCTIBLE_RATE.at(on),
        crds_rate=csg_crds.CRDS_RATE.at(on),
        csg_base=csg_crds.CSG_BASE_SHARE.at(on),
        vocational_training=employer_levies.VOCATIONAL_TRAINING.at(on),
        cpf_fixed_term_rate=employer_levies.CPF_FIXED_TERM_RATE.at(on),
        apprenticeship_tax=employer_levies.APPRENTICESHIP_TAX.at(on),
        apprenticeship_tax_non_profit_liable=(
            employer_levies.APPRENTICESHIP_TAX_NON_PROFIT_LIABLE.at(on)
        ),
        apprentice_wages_exempt_below=employer_levies.APPRENTICE_WAGES_EXEMPT_BELOW.at(on),
        work_study=employer_levies.WORK_STUDY_CONTRIBUTION.at(on),
        construction_effort=employer_levies.CONSTRUCTION_EFFORT.at(on),
        forfait_social=employer_levies.FORFAIT_SOCIAL_PREVOYANCE.at(on),
        mobility_threshold=employer_levies.MOBILITY_HEADCOUNT_THRESHOLD.at(on),
        payroll_tax=payroll_tax.PAYROLL_TAX_SCALE.at(on),
        reduction_formula=general_reduction.GENERAL_REDUCTION_FORMULA.at(on),
        reduction_smic=general_reduction.GENERAL_REDUCTION_SMIC.at(on),
        reduction_large_employer=general_reduction.GENERAL_REDUCTION_LARGE_EMPLOYER.at(on),
        reduction_pension_rate=general_reduction.GENERAL_REDUCTION_PENSION_RATE.at(on),
        hour_premiums=overtime.HOUR_PREMIUMS.at(on),
        overtime_reduction_cap=overtime.EMPLOYEE_REDUCTION_CAP.at(on),
        overtime_employer_deduction=overtime.EMPLOYER_DEDUCTION.at(on),
        overtime_tax_cap=overtime.INCOME_TAX_EXEMPTION_CAP.at(on),
        neutral_grid=withholding.NEUTRAL_GRID_METROPOLE.at(on),
        short_contract_abatement=withholding.SHORT_CONTRACT_ABATEMENT.at(on),
        short_contract_max_months=withholding.SHORT_CONTRACT_MAX_MONTHS.at(on),
        meal_benefit_value=benefits_in_kind.MEAL_BENEFIT_VALUE.at(on),
        meal_vouchers=benefits_in_kind.MEAL_VOUCHERS.at(on),
        public_transport=benefits_in_kind.PUBLIC_TRANSPORT.at(on),
        apprentice_income_tax_smic=apprentices.APPRENTICE_INCOME_TAX_EXEMPT_SMIC.at(on),
        employer_health_taxable=income_tax.EMPLOYER_HEALTH_SHARE_TAXABLE.at(on),
        employer_prevoyance_taxable=income_tax.EMPLOYER_PREVOYANCE_TAXABLE.at(on),
        prevoyance_deduction_limit=income_tax.PREVOYANCE_DEDUCTION_LIMIT.at(on),
        net_social_includes_employer_protection=(
            net_social.NET_SOCIAL_INCLUDES_EMPLOYER_PROTECTION.at(on)
        ),
        dsn_codes=tuple(sorted(dsn_codes.LINE_DSN_CODES.at(on).items())),
    )

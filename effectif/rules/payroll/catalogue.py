"""The contribution lines of a payslip, in the order of the bulletin clarifié, with their bases,
rates and DSN codes, resolved for one profile and one month.

Both computation paths walk the same resolved tuple: the one-by-one path with `Decimal`, the batch
path with integer cents. Rates that vary per employee (AT/MP, versement mobilité) are named by
`InputRate`; lines computed from amounts rather than one base × rate are `SpecialLine`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from effectif.rules.parameters.dsn_codes import DsnCodes
from effectif.rules.parameters.general_reduction import RgduFormula
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile
from effectif.rules.payroll.results import Heading


class Base(Enum):
    """Bases a rate applies to (see `bases.py` for their definitions)."""

    SUBJECT = "brut soumis"
    TRANCHE_1 = "tranche 1"
    TRANCHE_2 = "tranche 2"
    UNEMPLOYMENT = "brut limité à 4 PSS (chômage)"
    APEC = "brut limité à 4 PSS (APEC)"
    CET = "brut limité à 8 PSS si supérieur au PSS"
    CSG_TAXABLE = "assiette CSG hors heures supplémentaires exonérées"
    CSG_OVERTIME = "assiette CSG des heures supplémentaires exonérées"


class InputRate(Enum):
    """Employer rates given per establishment rather than by law."""

    WORK_ACCIDENTS = "taux AT/MP"
    MOBILITY = "taux du versement mobilité"


class Special(Enum):
    """Lines not of the form base × rate."""

    PREVOYANCE = "prévoyance"
    HEALTH_COVER = "complémentaire santé"
    FORFAIT_SOCIAL = "forfait social"
    PAYROLL_TAX = "taxe sur les salaires"
    OVERTIME_REDUCTION = "réduction salariale heures supplémentaires"
    OVERTIME_DEDUCTION = "déduction patronale heures supplémentaires"
    GENERAL_REDUCTION = "réduction générale"
    GENERAL_REDUCTION_PENSION = "réduction générale, part retraite complémentaire"


@dataclass(frozen=True, slots=True)
class RateLine:
    """A contribution = base × rate, for the employee and/or the employer.

    `reduced` is a reduced employer rate and the pay ceiling, in SMIC, below which it applies
    (the 2025 "bandeaux" of health and family contributions).
    """

    code: str
    label: str
    heading: Heading
    base: Base
    dsn: DsnCodes
    employee_rate: Decimal | None = None
    employer_rate: Decimal | None = None
    employer_input: InputRate | None = None
    reduced: tuple[Decimal, Decimal] | None = None


@dataclass(frozen=True, slots=True)
class SpecialLine:
    """A line the engines compute by its own rule; `rate` is the rate it uses, if any."""

    kind: Special
    code: str
    label: str
    heading: Heading
    dsn: DsnCodes
    rate: Decimal | None = None


Line = RateLine | SpecialLine


def resolve_lines(params: MonthParameters, profile: Profile) -> tuple[Line, ...]:
    """The lines that apply to `profile` in the month, in payslip order (cached)."""
    key = ("lines", profile)
    cached = params.cache.get(key)
    if cached is None:
        cached = tuple(_lines(params, profile))
        params.cache[key] = cached
    return tuple(cached)


def _lines(p: MonthParameters, profile: Profile) -> list[Line]:
    def rate(code: str, label: str, heading: Heading, base: Base, **kwargs: object) -> RateLine:
        return RateLine(code, label, heading, base, p.dsn(code), **kwargs)  # type: ignore[arg-type]

    def special(
        kind: Special, code: str, label: str, heading: Heading, **kw: object
    ) -> SpecialLine:
        return SpecialLine(kind, code, label, heading, p.dsn(code), **kw)  # type: ignore[arg-type]

    headcount = profile.headcount
    apprentice = profile.contract is ContractKind.APPRENTICESHIP
    h = Heading
    lines: list[Line] = [
        rate(
            "maladie",
            "Sécurité sociale - maladie, maternité, invalidité, décès",
            h.HEALTH,
            Base.SUBJECT,
            employer_rate=p.health_rate,
            reduced=p.health_reduced,
        )
    ]
    if profile.alsace_moselle:
        lines.append(
            rate(
                "maladie_alsace_moselle",
                "Complément maladie du régime local Alsace-Moselle",
                h.HEALTH,
                Base.SUBJECT,
                employee_rate=p.alsace_moselle_rate,
            )
        )
    if profile.cadre:
        lines.append(
            rate(
                "prevoyance_cadre",
                "Complémentaire incapacité, invalidité, décès - prévoyance des cadres",
                h.HEALTH,
                Base.TRANCHE_1,
                employer_rate=p.cadre_prevoyance_rate,
            )
        )
    lines += [
        special(
            Special.PREVOYANCE,
            "prevoyance",
            "Complémentaire incapacité, invalidité, décès",
            h.HEALTH,
        ),
        special(Special.HEALTH_COVER, "complementaire_sante", "Complémentaire santé", h.HEALTH),
        rate(
            "atmp",
            "Accidents du travail - maladies professionnelles",
            h.WORK_ACCIDENTS,
            Base.SUBJECT,
            employer_input=InputRate.WORK_ACCIDENTS,
        ),
        rate(
            "vieillesse_plafonnee",
            "Sécurité sociale plafonnée",
            h.PENSION,
            Base.TRANCHE_1,
            employee_rate=p.old_age_capped[0],
            employer_rate=p.old_age_capped[1],
        ),
        rate(
            "vieillesse_deplafonnee",
            "Sécurité sociale déplafonnée",
            h.PENSION,
            Base.SUBJECT,
            employee_rate=p.old_age_uncapped[0],
            employer_rate=p.old_age_uncapped[1],
        ),
        rate(
            "retraite_complementaire_t1",
            "Complémentaire tranche 1",
            h.PENSION,
            Base.TRANCHE_1,
            employee_rate=p.agirc_arrco.employee_t1,
            employer_rate=p.agirc_arrco.employer_t1,
        ),
        rate(
            "ceg_t1",
            "Contribution d'équilibre général tranche 1",
            h.PENSION,
            Base.TRANCHE_1,
            employee_rate=p.ceg.employee_t1,
            employer_rate=p.ceg.employer_t1,
        ),
        rate(
            "retraite_complementaire_t2",
            "Complémentaire tranche 2",
            h.PENSION,
            Base.TRANCHE_2,
            employee_rate=p.agirc_arrco.employee_t2,
            employer_rate=p.agirc_arrco.employer_t2,
        ),
        rate(
            "ceg_t2",
            "Contribution d'équilibre général tranche 2",
            h.PENSION,
            Base.TRANCHE_2,
            employee_rate=p.ceg.employee_t2,
            employer_rate=p.ceg.employer_t2,
        ),
        rate(
            "cet",
            "Contribution d'équilibre technique",
            h.PENSION,
            Base.CET,
            employee_rate=p.cet[0],
            employer_rate=p.cet[1],
        ),
        rate(
            "allocations_familiales",
            "Famille - allocations familiales",
            h.FAMILY,
            Base.SUBJECT,
            employer_rate=p.family_rate,
            reduced=p.family_reduced,
        ),
        rate(
            "chomage",
            "Assurance chômage",
            h.UNEMPLOYMENT,
            Base.UNEMPLOYMENT,
            employer_rate=p.unemployment_rate,
        ),
        rate(
            "ags",
            "Garantie des salaires (AGS)",
            h.UNEMPLOYMENT,
            Base.UNEMPLOYMENT,
            employer_rate=p.ags_rate,
        ),
    ]
    lines += _other_employer_lines(p, profile, apprentice)
    if profile.cadre:
        lines.append(
            rate(
                "apec",
                "APEC",
                h.CONVENTIONAL,
                Base.APEC,
                employee_rate=p.apec[0],
                employer_rate=p.apec[1],
            )
        )
    lines += [
        rate(
            "csg_deductible",
            "CSG déductible de l'impôt sur le revenu",
            h.CSG_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.csg_deductible_rate,
        ),
        rate(
            "csg_non_deductible",
            "CSG non déductible de l'impôt sur le revenu",
            h.CSG_NON_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.csg_non_deductible_rate,
        ),
        rate(
            "crds",
            "CRDS non déductible de l'impôt sur le revenu",
            h.CSG_NON_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.crds_rate,
        ),
        rate(
            "csg_heures_supplementaires",
            "CSG sur les heures supplémentaires et complémentaires exonérées",
            h.CSG_NON_TAXABLE_INCOME,
            Base.CSG_OVERTIME,
            employee_rate=p.csg_deductible_rate + p.csg_non_deductible_rate,
        ),
        rate(
            "crds_heures_supplementaires",
            "CRDS sur les heures supplémentaires et complémentaires exonérées",
            h.CSG_NON_TAXABLE_INCOME,
            Base.CSG_OVERTIME,
            employee_rate=p.crds_rate,
        ),
        special(
            Special.OVERTIME_REDUCTION,
            "reduction_heures_supplementaires",
            "Réduction de cotisations salariales sur heures supplémentaires",
            h.EXEMPTIONS,
            rate=p.overtime_reduction_cap,
        ),
        special(
            Special.OVERTIME_DEDUCTION,
            "deduction_heures_supplementaires",
            "Déduction forfaitaire patronale sur heures supplémentaires",
            h.EXEMPTIONS,
            rate=p.overtime_employer_deduction.per_hour(headcount),
        ),
        special(
            Special.GENERAL_REDUCTION,
            "reduction_generale",
            _general_reduction_label(p),
            h.EXEMPTIONS,
        ),
        special(
            Special.GENERAL_REDUCTION_PENSION,
            "reduction_generale_retraite",
            _general_reduction_label(p) + " - part retraite complémentaire",
            h.EXEMPTIONS,
            rate=p.reduction_pension_rate,
        ),
    ]
    return lines


def _general_reduction_label(p: MonthParameters) -> str:
    if isinstance(p.reduction_formula, RgduFormula):
        return "Réduction générale dégressive unique"
    return "Réduction générale des cotisations patronales"


def _other_employer_lines(p: MonthParameters, profile: Profile, apprentice: bool) -> list[Line]:
    def rate(code: str, label: str, base: Base, value: Decimal) -> RateLine:
        return RateLine(code, label, Heading.OTHER_EMPLOYER, base, p.dsn(code), employer_rate=value)

    headcount = profile.headcount
    lines: list[Line] = []
    if headcount >= p.mobility_threshold:
        lines.append(
            RateLine(
                "versement_mobilite",
                "Versement mobilité",
                Heading.OTHER_EMPLOYER,
                Base.SUBJECT,
                p.dsn("versement_mobilite"),
                employer_input=InputRate.MOBILITY,
            )
        )
    fnal_small, fnal_large, fnal_threshold = p.fnal
    if headcount < fnal_threshold:
        lines.append(rate("fnal_plafonnee", "FNAL", Base.TRANCHE_1, fnal_small))
    else:
        lines.append(rate("fnal_deplafonnee", "FNAL", Base.SUBJECT, fnal_large))
    lines.append(rate("csa", "Contribution solidarité autonomie", Base.SUBJECT, p.csa_rate))
    forfait_rate, forfait_threshold = p.forfait_social
    if headcount >= forfait_threshold:
        lines.append(
            SpecialLine(
                Special.FORFAIT_SOCIAL,
                "forfait_social",
                "Forfait social sur les contributions de prévoyance et de santé",
                Heading.OTHER_EMPLOYER,
                p.dsn("forfait_social"),
                rate=forfait_rate,
            )
        )
    lines.append(
        rate(
            "dialogue_social",
            "Contribution au dialogue social",
            Base.SUBJECT,
            p.social_dialogue_rate,
        )
    )
    small_with_apprentice = apprentice and headcount < p.apprentice_wages_exempt_below
    training = p.vocational_training
    if not small_with_apprentice:
        training_rate = (
            training.rate_below if headcount < training.threshold else training.rate_at_or_above
        )
        lines.append(
            rate(
                "formation_professionnelle",
                "Contribution à la formation professionnelle",
                Base.SUBJECT,
                training_rate,
            )
        )
    if profile.contract is ContractKind.FIXED_TERM:
        lines.append(
            rate("cpf_cdd", "Contribution CPF des CDD", Base.SUBJECT, p.cpf_fixed_term_rate)
        )
    tax = p.apprenticeship_tax
    liable = not profile.non_profit or p.apprenticeship_tax_non_profit_liable
    if liable and not small_with_apprentice:
        main = tax.main_rate_alsace_moselle if profile.alsace_moselle else tax.main_rate
        lines.append(
            rate("taxe_apprentissage", "Taxe d'apprentissage - part principale", Base.SUBJECT, main)
        )
        if not profile.alsace_moselle:
            lines.append(
                rate(
                    "taxe_apprentissage_solde",
                    "Taxe d'apprentissage - solde",
                    Base.SUBJECT,
                    tax.balance_rate,
                )
            )
    work_study_rate = _work_study_rate(p, profile)
    if work_study_rate is not None:
        lines.append(
            rate(
                "contribution_supplementaire_apprentissage",
                "Contribution supplémentaire à l'apprentissage",
                Base.SUBJECT,
                work_study_rate,
            )
        )
    construction_rate, construction_threshold = p.construction_effort
    if headcount >= construction_threshold:
        lines.append(
            rate(
                "peec", "Participation à l'effort de construction", Base.SUBJECT, construction_rate
            )
        )
    if profile.payroll_tax_liable:
        lines.append(
            SpecialLine(
                Special.PAYROLL_TAX,
                "taxe_sur_les_salaires",
                "Taxe sur les salaires",
                Heading.OTHER_EMPLOYER,
                p.dsn("taxe_sur_les_salaires"),
            )
        )
    return lines


def _work_study_rate(p: MonthParameters, profile: Profile) -> Decimal | None:
    """Rate of the contribution supplémentaire à l'apprentissage, or None when not due."""
    rules = p.work_study
    if profile.headcount < rules.headcount_threshold:
        return None
    for index, (limit, band_rate) in enumerate(rules.bands):
        if profile.work_study_share < limit:
            if index == 0 and profile.headcount >= rules.large_headcount:
                return rules.large_rate
            return band_rate
    return None

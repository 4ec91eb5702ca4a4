"""Lines of the heading « Autres contributions dues par l'employeur »."""

from __future__ import annotations

from decimal import Decimal

from effectif.rules.payroll.catalogue.kinds import (
    Base,
    InputRate,
    Line,
    Special,
    rate_line,
    special_line,
)
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile
from effectif.rules.payroll.results import Heading

_HEADING = Heading.OTHER_EMPLOYER


def employer_levy_lines(p: MonthParameters, profile: Profile) -> list[Line]:
    """Versement mobilité (CGCT L2333-64), FNAL (CSS L834-1), CSA (L137-40), forfait social
    (L137-15), dialogue social (C. trav. L2135-10), formation professionnelle (L6331-1), CPF-CDD
    (L6331-6), taxe d'apprentissage (L6241-2), contribution supplémentaire à l'apprentissage
    (L6242-1), PEEC (CCH L313-1) and taxe sur les salaires (CGI 231)."""

    def levy(code: str, label: str, base: Base, rate: Decimal) -> Line:
        return rate_line(p, code, label, _HEADING, base, employer_rate=rate)

    headcount = profile.headcount
    lines: list[Line] = []
    if headcount >= p.mobility_threshold:
        lines.append(
            rate_line(
                p,
                "versement_mobilite",
                "Versement mobilité",
                _HEADING,
                Base.SUBJECT,
                employer_input=InputRate.MOBILITY,
            )
        )
    fnal_small, fnal_large, fnal_threshold = p.fnal
    if headcount < fnal_threshold:
        lines.append(levy("fnal_plafonnee", "FNAL", Base.TRANCHE_1, fnal_small))
    else:
        lines.append(levy("fnal_deplafonnee", "FNAL", Base.SUBJECT, fnal_large))
    lines.append(levy("csa", "Contribution solidarité autonomie", Base.SUBJECT, p.csa_rate))
    forfait_rate, forfait_threshold = p.forfait_social
    if headcount >= forfait_threshold:
        lines.append(
            special_line(
                p,
                Special.FORFAIT_SOCIAL,
                "forfait_social",
                "Forfait social sur les contributions de prévoyance et de santé",
                _HEADING,
                forfait_rate,
            )
        )
    lines.append(
        levy(
            "dialogue_social",
            "Contribution au dialogue social",
            Base.SUBJECT,
            p.social_dialogue_rate,
        )
    )
    lines += _training_lines(p, profile)
    construction_rate, construction_threshold = p.construction_effort
    if headcount >= construction_threshold:
        lines.append(
            levy(
                "peec", "Participation à l'effort de construction", Base.SUBJECT, construction_rate
            )
        )
    if profile.payroll_tax_liable:
        lines.append(
            special_line(
                p, Special.PAYROLL_TAX, "taxe_sur_les_salaires", "Taxe sur les salaires", _HEADING
            )
        )
    return lines


def _training_lines(p: MonthParameters, profile: Profile) -> list[Line]:
    """Vocational training and apprenticeship levies; apprentices' wages are exempt at small
    employers, non-profit associations pay no taxe d'apprentissage before March 2026."""

    def levy(code: str, label: str, rate: Decimal) -> Line:
        return rate_line(p, code, label, _HEADING, Base.SUBJECT, employer_rate=rate)

    headcount = profile.headcount
    apprentice = profile.contract is ContractKind.APPRENTICESHIP
    small_with_apprentice = apprentice and headcount < p.apprentice_wages_exempt_below
    lines: list[Line] = []
    training = p.vocational_training
    if not small_with_apprentice:
        rate = training.rate_below if headcount < training.threshold else training.rate_at_or_above
        lines.append(
            levy("formation_professionnelle", "Contribution à la formation professionnelle", rate)
        )
    if profile.contract is ContractKind.FIXED_TERM:
        lines.append(levy("cpf_cdd", "Contribution CPF des CDD", p.cpf_fixed_term_rate))
    tax = p.apprenticeship_tax
    liable = not profile.non_profit or p.apprenticeship_tax_non_profit_liable
    if liable and not small_with_apprentice:
        main = tax.main_rate_alsace_moselle if profile.alsace_moselle else tax.main_rate
        lines.append(levy("taxe_apprentissage", "Taxe d'apprentissage - part principale", main))
        if not profile.alsace_moselle:
            lines.append(
                levy("taxe_apprentissage_solde", "Taxe d'apprentissage - solde", tax.balance_rate)
            )
    work_study_rate = _work_study_rate(p, profile)
    if work_study_rate is not None:
        lines.append(
            levy(
                "contribution_supplementaire_apprentissage",
                "Contribution supplémentaire à l'apprentissage",
                work_study_rate,
            )
        )
    return lines


def _work_study_rate(p: MonthParameters, profile: Profile) -> Decimal | None:
    """Rate of the contribution supplémentaire à l'apprentissage, or None when not due; 52 % of
    the national rate for an Alsace-Moselle employer (C. trav. L6242-1 VI)."""
    rules = p.work_study
    if profile.headcount < rules.headcount_threshold:
        return None
    for index, (limit, band_rate) in enumerate(rules.bands):
        if profile.work_study_share < limit:
            rate = band_rate
            if index == 0 and profile.headcount >= rules.large_headcount:
                rate = rules.large_rate
            if profile.alsace_moselle:
                rate *= rules.alsace_moselle_share
            return rate
    return None

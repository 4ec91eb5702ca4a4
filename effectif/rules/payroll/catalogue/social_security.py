"""Lines of the headings Santé, Accidents du travail, Retraite, Famille and Assurance chômage."""

from __future__ import annotations

from effectif.rules.payroll.catalogue.kinds import (
    Base,
    InputRate,
    Line,
    Special,
    rate_line,
    special_line,
)
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile
from effectif.rules.payroll.results import Heading


def health_lines(p: MonthParameters, profile: Profile) -> list[Line]:
    """Santé: health insurance (2025 reduced rate below 2.25 SMIC; CSS L241-2, D242-3), the
    Alsace-Moselle local regime (D325-1), cadres' prévoyance (ANI 17/11/2017), prévoyance and
    health cover premiums."""
    lines: list[Line] = [
        rate_line(
            p,
            "maladie",
            "Sécurité sociale - maladie, maternité, invalidité, décès",
            Heading.HEALTH,
            Base.SUBJECT,
            employer_rate=p.health_rate,
            reduced=p.health_reduced,
        )
    ]
    if profile.alsace_moselle:
        lines.append(
            rate_line(
                p,
                "maladie_alsace_moselle",
                "Complément maladie du régime local Alsace-Moselle",
                Heading.HEALTH,
                Base.SUBJECT,
                employee_rate=p.alsace_moselle_rate,
            )
        )
    if profile.cadre:
        lines.append(
            rate_line(
                p,
                "prevoyance_cadre",
                "Complémentaire incapacité, invalidité, décès - prévoyance des cadres",
                Heading.HEALTH,
                Base.TRANCHE_1,
                employer_rate=p.cadre_prevoyance_rate,
            )
        )
    lines += [
        special_line(
            p,
            Special.PREVOYANCE,
            "prevoyance",
            "Complémentaire incapacité, invalidité, décès",
            Heading.HEALTH,
        ),
        special_line(
            p, Special.HEALTH_COVER, "complementaire_sante", "Complémentaire santé", Heading.HEALTH
        ),
    ]
    return lines


def work_accident_lines(p: MonthParameters) -> list[Line]:
    """Accidents du travail - maladies professionnelles, at the establishment's rate (L242-5)."""
    return [
        rate_line(
            p,
            "atmp",
            "Accidents du travail - maladies professionnelles",
            Heading.WORK_ACCIDENTS,
            Base.SUBJECT,
            employer_input=InputRate.WORK_ACCIDENTS,
        )
    ]


def pension_lines(p: MonthParameters) -> list[Line]:
    """Retraite: capped and uncapped old age (CSS L241-3, D242-4), AGIRC-ARRCO and CEG by
    tranche, CET (ANI du 17/11/2017)."""
    heading, agirc, ceg = Heading.PENSION, p.agirc_arrco, p.ceg
    return [
        rate_line(
            p,
            "vieillesse_plafonnee",
            "Sécurité sociale plafonnée",
            heading,
            Base.TRANCHE_1,
            employee_rate=p.old_age_capped[0],
            employer_rate=p.old_age_capped[1],
        ),
        rate_line(
            p,
            "vieillesse_deplafonnee",
            "Sécurité sociale déplafonnée",
            heading,
            Base.SUBJECT,
            employee_rate=p.old_age_uncapped[0],
            employer_rate=p.old_age_uncapped[1],
        ),
        rate_line(
            p,
            "retraite_complementaire_t1",
            "Complémentaire tranche 1",
            heading,
            Base.TRANCHE_1,
            employee_rate=agirc.employee_t1,
            employer_rate=agirc.employer_t1,
        ),
        rate_line(
            p,
            "ceg_t1",
            "Contribution d'équilibre général tranche 1",
            heading,
            Base.TRANCHE_1,
            employee_rate=ceg.employee_t1,
            employer_rate=ceg.employer_t1,
        ),
        rate_line(
            p,
            "retraite_complementaire_t2",
            "Complémentaire tranche 2",
            heading,
            Base.TRANCHE_2,
            employee_rate=agirc.employee_t2,
            employer_rate=agirc.employer_t2,
        ),
        rate_line(
            p,
            "ceg_t2",
            "Contribution d'équilibre général tranche 2",
            heading,
            Base.TRANCHE_2,
            employee_rate=ceg.employee_t2,
            employer_rate=ceg.employer_t2,
        ),
        rate_line(
            p,
            "cet",
            "Contribution d'équilibre technique",
            heading,
            Base.CET,
            employee_rate=p.cet[0],
            employer_rate=p.cet[1],
        ),
    ]


def family_and_unemployment_lines(p: MonthParameters) -> list[Line]:
    """Famille (CSS L241-6; 2025 reduced rate below 3.3 SMIC) and Assurance chômage with the AGS
    (C. trav. L5422-9, L3253-18)."""
    return [
        rate_line(
            p,
            "allocations_familiales",
            "Famille - allocations familiales",
            Heading.FAMILY,
            Base.SUBJECT,
            employer_rate=p.family_rate,
            reduced=p.family_reduced,
        ),
        rate_line(
            p,
            "chomage",
            "Assurance chômage",
            Heading.UNEMPLOYMENT,
            Base.UNEMPLOYMENT,
            employer_rate=p.unemployment_rate,
        ),
        rate_line(
            p,
            "ags",
            "Garantie des salaires (AGS)",
            Heading.UNEMPLOYMENT,
            Base.UNEMPLOYMENT,
            employer_rate=p.ags_rate,
        ),
    ]

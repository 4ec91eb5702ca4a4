"""Lines of the headings « Cotisations statutaires ou conventionnelles » (APEC), CSG/CRDS and
« Exonérations, écrêtements et allègements »."""

from __future__ import annotations

from effectif.rules.parameters.general_reduction import RgduFormula
from effectif.rules.payroll.catalogue.kinds import Base, Line, Special, rate_line, special_line
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.profile import Profile
from effectif.rules.payroll.results import Heading


def conventional_lines(p: MonthParameters, profile: Profile) -> list[Line]:
    """APEC for cadres (ANI du 12/07/2011)."""
    if not profile.cadre:
        return []
    return [
        rate_line(
            p,
            "apec",
            "APEC",
            Heading.CONVENTIONAL,
            Base.APEC,
            employee_rate=p.apec[0],
            employer_rate=p.apec[1],
        )
    ]


def csg_lines(p: MonthParameters) -> list[Line]:
    """CSG and CRDS (CSS L136-8, ordonnance 96-50): deductible, non-deductible, and on the
    overtime pay exempt from income tax (wholly non-deductible, CGI 81 quater)."""
    return [
        rate_line(
            p,
            "csg_deductible",
            "CSG déductible de l'impôt sur le revenu",
            Heading.CSG_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.csg_deductible_rate,
        ),
        rate_line(
            p,
            "csg_non_deductible",
            "CSG non déductible de l'impôt sur le revenu",
            Heading.CSG_NON_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.csg_non_deductible_rate,
        ),
        rate_line(
            p,
            "crds",
            "CRDS non déductible de l'impôt sur le revenu",
            Heading.CSG_NON_DEDUCTIBLE,
            Base.CSG_TAXABLE,
            employee_rate=p.crds_rate,
        ),
        rate_line(
            p,
            "csg_heures_supplementaires",
            "CSG sur les heures supplémentaires et complémentaires exonérées",
            Heading.CSG_NON_TAXABLE_INCOME,
            Base.CSG_OVERTIME,
            employee_rate=p.csg_deductible_rate + p.csg_non_deductible_rate,
        ),
        rate_line(
            p,
            "crds_heures_supplementaires",
            "CRDS sur les heures supplémentaires et complémentaires exonérées",
            Heading.CSG_NON_TAXABLE_INCOME,
            Base.CSG_OVERTIME,
            employee_rate=p.crds_rate,
        ),
    ]


def exemption_lines(p: MonthParameters, profile: Profile) -> list[Line]:
    """Reduction of employee contributions on overtime (CSS L241-17), the employer's flat
    deduction per overtime hour (L241-18), and the réduction générale (L241-13) split between
    URSSAF and AGIRC-ARRCO contributions."""
    reduction = (
        "Réduction générale dégressive unique"
        if isinstance(p.reduction_formula, RgduFormula)
        else "Réduction générale des cotisations patronales"
    )
    heading = Heading.EXEMPTIONS
    return [
        special_line(
            p,
            Special.OVERTIME_REDUCTION,
            "reduction_heures_supplementaires",
            "Réduction de cotisations salariales sur heures supplémentaires",
            heading,
            p.overtime_reduction_cap,
        ),
        special_line(
            p,
            Special.OVERTIME_DEDUCTION,
            "deduction_heures_supplementaires",
            "Déduction forfaitaire patronale sur heures supplémentaires",
            heading,
            p.overtime_employer_deduction.per_hour(profile.headcount),
        ),
        special_line(p, Special.GENERAL_REDUCTION, "reduction_generale", reduction, heading),
        special_line(
            p,
            Special.GENERAL_REDUCTION_PENSION,
            "reduction_generale_retraite",
            f"{reduction} - part retraite complémentaire",
            heading,
            p.reduction_pension_rate,
        ),
    ]

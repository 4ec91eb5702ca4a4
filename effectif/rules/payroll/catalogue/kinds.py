"""What a catalogue line is: a base × rate (`RateLine`) or a line with its own rule
(`SpecialLine`), the bases and per-establishment rates they refer to, and the order of all codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from effectif.rules.parameters.dsn_codes import DsnCodes
from effectif.rules.payroll.month_parameters import MonthParameters
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

#: Every line code, in payslip order (the batch path's rows).
LINE_ORDER: tuple[str, ...] = (
    "maladie",
    "maladie_alsace_moselle",
    "prevoyance_cadre",
    "prevoyance",
    "complementaire_sante",
    "atmp",
    "vieillesse_plafonnee",
    "vieillesse_deplafonnee",
    "retraite_complementaire_t1",
    "ceg_t1",
    "retraite_complementaire_t2",
    "ceg_t2",
    "cet",
    "allocations_familiales",
    "chomage",
    "ags",
    "versement_mobilite",
    "fnal_plafonnee",
    "fnal_deplafonnee",
    "csa",
    "forfait_social",
    "dialogue_social",
    "formation_professionnelle",
    "cpf_cdd",
    "taxe_apprentissage",
    "taxe_apprentissage_solde",
    "contribution_supplementaire_apprentissage",
    "peec",
    "taxe_sur_les_salaires",
    "apec",
    "csg_deductible",
    "csg_non_deductible",
    "crds",
    "csg_heures_supplementaires",
    "crds_heures_supplementaires",
    "reduction_heures_supplementaires",
    "deduction_heures_supplementaires",
    "reduction_generale",
    "reduction_generale_retraite",
)


def rate_line(
    params: MonthParameters,
    code: str,
    label: str,
    heading: Heading,
    base: Base,
    *,
    employee_rate: Decimal | None = None,
    employer_rate: Decimal | None = None,
    employer_input: InputRate | None = None,
    reduced: tuple[Decimal, Decimal] | None = None,
) -> RateLine:
    """A `RateLine` with the DSN codes of the month."""
    return RateLine(
        code,
        label,
        heading,
        base,
        params.dsn(code),
        employee_rate,
        employer_rate,
        employer_input,
        reduced,
    )


def special_line(
    params: MonthParameters,
    kind: Special,
    code: str,
    label: str,
    heading: Heading,
    rate: Decimal | None = None,
) -> SpecialLine:
    """A `SpecialLine` with the DSN codes of the month."""
    return SpecialLine(kind, code, label, heading, params.dsn(code), rate)

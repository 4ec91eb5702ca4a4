"""Sick leave and work accidents: the daily benefits of the Sécurité sociale (IJSS) and the
employer's legal salary maintenance (C. trav. L1226-1, D1226-1 to D1226-8).

The IJSS rules apply by the first day of the stop (a stop begun before 1 April 2025 keeps the
1,8 SMIC cap for its whole duration), not by the pay month: `sickness.py` of the engine reads
them on the stop's first day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

_DECRET_2008 = date(2008, 7, 20)  # Décret n° 2008-716 du 18/07/2008 (JO du 19/07/2008)
_BEFORE_2025 = date(2020, 1, 1)  # unchanged over 2020-2026; older values are not needed


@dataclass(frozen=True, slots=True)
class SicknessBenefit:
    """IJSS for a non-occupational illness (CSS L323-4, R323-1, R323-4, R323-5).

    `rate` of the daily basic wage, the three months' gross divided by `divisor` (91,25), each
    month's gross limited to `smic_cap_multiple` × the monthly SMIC in force on the last day of
    the month before the stop; paid from the day after the `waiting_days`.
    """

    waiting_days: int
    rate: Decimal
    divisor: Decimal
    smic_cap_multiple: Decimal


@dataclass(frozen=True, slots=True)
class WorkAccidentBenefit:
    """IJ for a work accident or occupational disease (CSS L433-1, L433-2, R433-1 to R433-4).

    No waiting day; `first_rate` of the daily wage (previous month's gross / `divisor`) up to day
    `first_days`, `second_rate` from the next day; the daily wage is limited to `pass_cap_share`
    of the annual social security ceiling; an IJ never exceeds the net daily wage, the daily
    wage × `net_wage_share` (less a flat 21 %).
    """

    first_rate: Decimal
    first_days: int
    second_rate: Decimal
    divisor: Decimal
    pass_cap_share: Decimal
    net_wage_share: Decimal


@dataclass(frozen=True, slots=True)
class LegalMaintenance:
    """The employer's legal maintenance (C. trav. L1226-1, D1226-1 to D1226-5).

    From `min_seniority_years` of seniority on the first day of absence. First `base_days` at
    `first_share` (numerator, denominator) of the gross the employee would have earned, then as
    many days at `second_share`; each band grows by `step_days` per `step_years` of seniority
    beyond the first year, up to `max_days`. Paid after `waiting_days` (none for a work accident
    or occupational disease), net of the IJSS.
    """

    min_seniority_years: int
    first_share: tuple[int, int]
    second_share: tuple[int, int]
    base_days: int
    step_days: int
    step_years: int
    max_days: int
    waiting_days: int
    occupational_waiting_days: int
    look_back_months: int


@dataclass(frozen=True, slots=True)
class BenefitLevies:
    """CSG and CRDS on the IJSS, on their whole amount (no 1,75 % abatement), and the share of
    work-accident IJ that is taxable."""

    csg_deductible_rate: Decimal
    csg_non_deductible_rate: Decimal
    crds_rate: Decimal
    work_accident_taxable_share: Decimal


SICKNESS_BENEFIT: Parameter[SicknessBenefit] = Parameter(
    name="ijss_maladie",
    description="IJSS maladie : carence, taux, diviseur du gain journalier, plafond en SMIC",
    values=(
        DatedValue(
            _BEFORE_2025,
            SicknessBenefit(3, Decimal("0.5"), Decimal("91.25"), Decimal("1.8")),
            "CSS art. R323-1 (IJ dues à partir du 4e jour), R323-4 (1/91,25 des trois dernières "
            "paies, limite de 1,8 SMIC mensuel), R323-5 (moitié du gain journalier de base)",
        ),
        DatedValue(
            date(2025, 4, 1),
            SicknessBenefit(3, Decimal("0.5"), Decimal("91.25"), Decimal("1.4")),
            "Décret n° 2025-160 du 20/02/2025 (JO du 21/02/2025), art. R323-4 : limite abaissée "
            "à 1,4 SMIC pour les arrêts débutant à compter du 1er avril 2025 (IJ maximale "
            "41,47 € = 2 522,52 × 3 / 91,25 × 50 %)",
        ),
    ),
)

WORK_ACCIDENT_BENEFIT: Parameter[WorkAccidentBenefit] = Parameter(
    name="ij_accident_travail",
    description="IJ accident du travail / maladie professionnelle : taux, diviseur, plafond",
    values=(
        DatedValue(
            _BEFORE_2025,
            WorkAccidentBenefit(
                Decimal("0.6"),
                28,
                Decimal("0.8"),
                Decimal("30.42"),
                Decimal("0.00834"),
                Decimal("0.79"),
            ),
            "CSS art. L433-1 (pas de carence), L433-2 et R433-1 (60 % jusqu'au 28e jour, 80 % "
            "à partir du 29e, dans la limite du gain journalier net), R433-4 (salaire du mois "
            "précédent / 30,42) ; plafond du salaire journalier 0,834 % du PASS (366,89 € en "
            "2023) et gain journalier net = salaire journalier − 21 % : service-public.fr F175 "
            "(articles réglementaires de la limite et du taux de 21 % non relus)",
            unconfirmed=True,
        ),
    ),
)

LEGAL_MAINTENANCE: Parameter[LegalMaintenance] = Parameter(
    name="maintien_salaire_legal",
    description="Maintien de salaire légal : ancienneté, taux, durées, carence, période de 12 mois",
    values=(
        DatedValue(
            _DECRET_2008,
            LegalMaintenance(
                min_seniority_years=1,
                first_share=(9, 10),
                second_share=(2, 3),
                base_days=30,
                step_days=10,
                step_years=5,
                max_days=90,
                waiting_days=7,
                occupational_waiting_days=0,
                look_back_months=12,
            ),
            "C. trav. art. L1226-1 (un an d'ancienneté), D1226-1 (90 % puis deux tiers de la "
            "rémunération brute), D1226-2 (30 + 30 jours, + 10 jours par 5 ans au-delà d'un an, "
            "90 jours au plus), D1226-3 (à compter du 8e jour, du 1er en cas d'AT/MP), D1226-4 "
            "(absences des 12 mois précédents), D1226-5 (déduction des IJSS) ; décret n° "
            "2008-716 du 18/07/2008",
        ),
    ),
)

BENEFIT_LEVIES: Parameter[BenefitLevies] = Parameter(
    name="ijss_csg_crds",
    description="CSG (déductible, non déductible) et CRDS sur les IJSS ; part imposable des IJ AT",
    values=(
        DatedValue(
            date(2018, 1, 1),
            BenefitLevies(Decimal("0.038"), Decimal("0.024"), Decimal("0.005"), Decimal("0.5")),
            "CSS art. L136-1-3 et L136-8 (CSG de 6,2 % sur les IJ, sans abattement), CGI art. "
            "154 quinquies (3,8 % déductibles) ; ordonnance n° 96-50 art. 14 (CRDS 0,5 %) ; CGI "
            "art. 80 quinquies et 81 8° (IJ AT/MP imposables pour 50 %)",
            unconfirmed=True,
        ),
    ),
)

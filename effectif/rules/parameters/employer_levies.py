"""Employer-only levies on payroll besides social security: vocational training, apprenticeship
taxes, construction effort, forfait social, versement mobilité."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class ThresholdRates:
    """A rate below a headcount threshold and another at or above it."""

    threshold: int
    rate_below: Decimal
    rate_at_or_above: Decimal


#: Contribution à la formation professionnelle (CFP), by headcount (C. trav. L6331-1, L6331-3).
VOCATIONAL_TRAINING: Parameter[ThresholdRates] = Parameter(
    name="contribution_formation_professionnelle",
    description="Contribution à la formation professionnelle : < 11 salariés / ≥ 11 salariés",
    values=(
        DatedValue(
            date(2019, 1, 1),
            ThresholdRates(11, Decimal("0.0055"), Decimal("0.01")),
            "C. trav. art. L6331-1 et L6331-3 — ME cotisations, OF contrib_formation_pro",
        ),
    ),
)

#: CPF-CDD contribution: 1 % of the pay of fixed-term contracts (C. trav. L6331-6).
CPF_FIXED_TERM_RATE: Parameter[Decimal] = Parameter(
    name="contribution_cpf_cdd_taux",
    description="Contribution CPF des titulaires de CDD (hors apprentissage, saisonniers, aidés)",
    values=(DatedValue(date(2019, 1, 1), Decimal("0.01"), "C. trav. art. L6331-6 — ME CPF CDD"),),
)


@dataclass(frozen=True, slots=True)
class ApprenticeshipTax:
    """Taxe d'apprentissage: main part (general and Alsace-Moselle rates) and balance (solde)."""

    main_rate: Decimal
    main_rate_alsace_moselle: Decimal
    balance_rate: Decimal  # not due in Alsace-Moselle


#: Taxe d'apprentissage (C. trav. L6241-1 et suivants, ex-CGI 1599 ter A).
APPRENTICESHIP_TAX: Parameter[ApprenticeshipTax] = Parameter(
    name="taxe_apprentissage",
    description="Taxe d'apprentissage : part principale (0,59 %, 0,44 % en Alsace-Moselle) et solde",
    values=(
        DatedValue(
            date(2020, 1, 1),
            ApprenticeshipTax(Decimal("0.0059"), Decimal("0.0044"), Decimal("0.0009")),
            "C. trav. art. L6241-2 (loi n° 2018-771) — ME cotisations ; payroll-cases p09 (0,44 %)",
        ),
    ),
)

#: Date from which non-profit associations are liable to the taxe d'apprentissage.
APPRENTICESHIP_TAX_NON_PROFIT_LIABLE: Parameter[bool] = Parameter(
    name="taxe_apprentissage_associations_assujetties",
    description="Les associations à but non lucratif sont-elles redevables de la taxe d'apprentissage",
    values=(
        DatedValue(date(2019, 1, 1), False, "CGI art. 1599 ter A et 206 (non soumises à l'IS)"),
        DatedValue(
            date(2026, 3, 1),
            True,
            "LF 2026 — ME CHANGELOG « associations redevables de la TA à partir de mars 2026 »",
        ),
    ),
)

#: Headcount below which apprentices' wages bear neither taxe d'apprentissage nor CFP.
APPRENTICE_WAGES_EXEMPT_BELOW: Parameter[int] = Parameter(
    name="apprentis_exoneration_ta_cfp_seuil",
    description="Effectif en dessous duquel les salaires des apprentis sont exonérés de TA et de CFP",
    values=(
        DatedValue(
            date(2019, 1, 1),
            11,
            "C. trav. art. L6243-2 (employeurs de moins de 11 salariés)",
            unconfirmed=True,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class WorkStudyContribution:
    """Contribution supplémentaire à l'apprentissage (CSA) of large employers with few alternants.

    `bands` are (upper bound of the alternants' share, exclusive; rate), in increasing order;
    `large_rate` replaces the first band's rate from `large_headcount` employees. In the Bas-Rhin,
    the Haut-Rhin and the Moselle every rate is multiplied by `alsace_moselle_share`.
    """

    headcount_threshold: int
    large_headcount: int
    large_rate: Decimal
    bands: tuple[tuple[Decimal, Decimal], ...]
    alsace_moselle_share: Decimal


#: CSA (C. trav. L6242-1, ex-CGI 1609 quinvicies).
WORK_STUDY_CONTRIBUTION: Parameter[WorkStudyContribution] = Parameter(
    name="contribution_supplementaire_apprentissage",
    description=(
        "Contribution supplémentaire à l'apprentissage (≥ 250 salariés, < 5 % d'alternants ; "
        "52 % des taux en Alsace-Moselle)"
    ),
    values=(
        DatedValue(
            date(2022, 1, 1),
            WorkStudyContribution(
                headcount_threshold=250,
                large_headcount=2001,  # "excède deux mille salariés": more than 2 000
                large_rate=Decimal("0.006"),
                bands=(
                    (Decimal("0.01"), Decimal("0.004")),
                    (Decimal("0.02"), Decimal("0.002")),
                    (Decimal("0.03"), Decimal("0.001")),
                    (Decimal("0.05"), Decimal("0.0005")),
                ),
                alsace_moselle_share=Decimal("0.52"),
            ),
            "C. trav. art. L6242-1 IV (0,4 % sous 1 %, 0,6 % au-delà de 2 000 salariés ; 0,2 % de "
            "1 à 2 % ; 0,1 % de 2 à 3 % ; 0,05 % de 3 à 5 %) et VI (Bas-Rhin, Haut-Rhin, Moselle : "
            "52 % de ces taux, soit 0,026 % à 0,312 %) — ME cotisations ; texte du VI non relu",
            unconfirmed=True,
        ),
    ),
)

#: Participation des employeurs à l'effort de construction (CCH L313-1): rate and threshold.
CONSTRUCTION_EFFORT: Parameter[tuple[Decimal, int]] = Parameter(
    name="participation_effort_construction",
    description="PEEC : taux et effectif à partir duquel elle est due",
    values=(
        DatedValue(
            date(2020, 1, 1),
            (Decimal("0.0045"), 50),
            "CCH art. L313-1 (seuil de 50 depuis la loi PACTE n° 2019-486) — ME",
        ),
    ),
)

#: Forfait social on employer prévoyance and health contributions: rate and headcount threshold.
FORFAIT_SOCIAL_PREVOYANCE: Parameter[tuple[Decimal, int]] = Parameter(
    name="forfait_social_prevoyance",
    description="Forfait social sur les contributions patronales de prévoyance (taux, seuil)",
    values=(
        DatedValue(
            date(2016, 1, 1),
            (Decimal("0.08"), 11),
            "CSS art. L137-15 et L137-16 (taux réduit de 8 %, employeurs d'au moins 11 salariés) "
            "— OF forfait_social",
        ),
    ),
)

#: Headcount from which the versement mobilité is due (CGCT L2333-64).
MOBILITY_HEADCOUNT_THRESHOLD: Parameter[int] = Parameter(
    name="versement_mobilite_seuil",
    description="Effectif à partir duquel le versement mobilité est dû",
    values=(DatedValue(date(2016, 1, 1), 11, "CGCT art. L2333-64 (loi PACTE : seuil de 11)"),),
)

"""Régime général contributions collected by the URSSAF: health, old age, family, CSA, FNAL,
social dialogue. Rates are fractions (0.069 = 6,90 %).

CSS L241-2 (maladie), L241-3 (vieillesse), L241-6 (famille), L137-40 (CSA), L834-1 (FNAL),
L2135-10 C. trav. (dialogue social), D242-3 to D242-4 and D242-8 (rates).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

_LFSS_2025 = "LFSS 2025 art. 18 (loi n° 2025-199 du 28/02/2025)"

#: Employer health (maladie-maternité-invalidité-décès) rate.
HEALTH_EMPLOYER_RATE: Parameter[Decimal] = Parameter(
    name="maladie_taux_employeur",
    description="Taux patronal maladie-maternité-invalidité-décès (taux plein)",
    values=(
        DatedValue(date(2018, 1, 1), Decimal("0.13"), "CSS art. D242-3 — ME cotisations (maladie)"),
    ),
)

#: Reduced employer health rate ("bandeau maladie") and its ceiling in SMIC; removed in 2026 by
#: the RGDU reform (LFSS 2025 art. 18 III 2°), so `None` from 2026.
HEALTH_EMPLOYER_REDUCED: Parameter[tuple[Decimal, Decimal] | None] = Parameter(
    name="maladie_taux_reduit_employeur",
    description="Taux patronal maladie réduit et plafond de rémunération (en SMIC) pour en bénéficier",
    values=(
        DatedValue(
            date(2025, 1, 1),
            (Decimal("0.07"), Decimal("2.25")),
            f"CSS art. L241-2-1, D241-3-2 ; {_LFSS_2025} ; décret n° 2025-318 du 04/04/2025 "
            "(seuil 2,25 SMIC, périodes d'emploi depuis le 01/01/2025 selon walterfrance/FO ; "
            "OF date le seuil du 01/04/2025)",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 1, 1),
            None,
            "LFSS 2025 art. 18 III 2° ; décret n° 2025-887 du 04/09/2025 (suppression des bandeaux)",
        ),
    ),
)

#: Employee health rate of the Alsace-Moselle local regime (CSS L242-13, D325-1).
HEALTH_ALSACE_MOSELLE_EMPLOYEE_RATE: Parameter[Decimal] = Parameter(
    name="maladie_alsace_moselle_taux_salarie",
    description="Cotisation salariale maladie du régime local Alsace-Moselle",
    values=(
        DatedValue(
            date(2022, 1, 1),
            Decimal("0.013"),
            "CSS art. D325-1 ; délibération du conseil d'administration du régime local — "
            "payroll-cases README (1,30 %)",
        ),
    ),
)

#: Capped old-age rates (≤ PSS): (employee, employer).
OLD_AGE_CAPPED_RATES: Parameter[tuple[Decimal, Decimal]] = Parameter(
    name="vieillesse_plafonnee_taux",
    description="Vieillesse plafonnée : taux salarié et taux patronal",
    values=(
        DatedValue(
            date(2016, 1, 1),
            (Decimal("0.069"), Decimal("0.0855")),
            "CSS art. D242-4 — OF cnav/*/vieillesse_plafonnee.yaml",
        ),
    ),
)

#: Uncapped old-age rates (whole pay): (employee, employer).
OLD_AGE_UNCAPPED_RATES: Parameter[tuple[Decimal, Decimal]] = Parameter(
    name="vieillesse_deplafonnee_taux",
    description="Vieillesse déplafonnée : taux salarié et taux patronal",
    values=(
        DatedValue(
            date(2024, 1, 1),
            (Decimal("0.004"), Decimal("0.0202")),
            "CSS art. D242-4 ; décret n° 2023-1329 du 29/12/2023 (2,02 % en 2024-2025)",
        ),
        DatedValue(
            date(2026, 1, 1),
            (Decimal("0.004"), Decimal("0.0211")),
            "Décret n° 2025-1446 du 31/12/2025 — OF cnav/employeur/vieillesse_deplafonnee.yaml",
        ),
    ),
)

#: Family allowances employer rate (CSS L241-6, D241-3-1).
FAMILY_EMPLOYER_RATE: Parameter[Decimal] = Parameter(
    name="allocations_familiales_taux",
    description="Taux patronal allocations familiales (taux plein)",
    values=(DatedValue(date(2015, 1, 1), Decimal("0.0525"), "CSS art. D241-3-1 — ME (famille)"),),
)

#: Reduced family rate ("bandeau famille") and its ceiling in SMIC; removed in 2026.
FAMILY_EMPLOYER_REDUCED: Parameter[tuple[Decimal, Decimal] | None] = Parameter(
    name="allocations_familiales_taux_reduit",
    description="Taux réduit allocations familiales et plafond de rémunération (en SMIC)",
    values=(
        DatedValue(
            date(2025, 1, 1),
            (Decimal("0.0345"), Decimal("3.3")),
            f"CSS art. L241-6-1, D241-3-2 ; {_LFSS_2025} ; décret n° 2025-318 du 04/04/2025",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 1, 1),
            None,
            "LFSS 2025 art. 18 III 2° ; décret n° 2025-887 du 04/09/2025 (suppression des bandeaux)",
        ),
    ),
)

#: Hourly SMIC used to compute the 2025 bandeau ceilings (SMIC in force on 1 January 2025).
REDUCED_RATES_SMIC_HOURLY: Parameter[Decimal] = Parameter(
    name="bandeaux_smic_horaire_reference",
    description="SMIC horaire retenu pour les plafonds des taux réduits maladie et famille",
    values=(
        DatedValue(
            date(2025, 1, 1),
            Decimal("11.88"),
            "Décret n° 2025-318 du 04/04/2025 (SMIC applicable au 01/01/2025) — OF "
            "plafond_smic_2025_01_01",
            unconfirmed=True,
        ),
    ),
)

#: Contribution solidarité autonomie (CSS L137-40): employer, whole pay.
CSA_RATE: Parameter[Decimal] = Parameter(
    name="contribution_solidarite_autonomie_taux",
    description="Contribution solidarité autonomie (CSA)",
    values=(DatedValue(date(2004, 7, 1), Decimal("0.003"), "CSS art. L137-40 — OF csa, ME"),),
)

#: FNAL: (rate below the headcount threshold on capped pay, rate at or above it on whole pay,
#: headcount threshold).
FNAL: Parameter[tuple[Decimal, Decimal, int]] = Parameter(
    name="fnal",
    description="FNAL : taux < 50 salariés (plafonné), taux ≥ 50 salariés (déplafonné), seuil",
    values=(
        DatedValue(
            date(2020, 1, 1),
            (Decimal("0.001"), Decimal("0.005"), 50),
            "CSS art. L834-1 ; CCH art. L813-4 et L813-5 (seuil de 50 depuis la loi PACTE) — OF fnal",
        ),
    ),
)

#: Contribution au dialogue social (C. trav. L2135-10, D2135-34): employer, whole pay.
SOCIAL_DIALOGUE_RATE: Parameter[Decimal] = Parameter(
    name="dialogue_social_taux",
    description="Contribution patronale au dialogue social",
    values=(DatedValue(date(2015, 1, 1), Decimal("0.00016"), "C. trav. art. L2135-10 — OF, ME"),),
)

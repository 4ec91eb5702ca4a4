"""Salaire minimum de croissance (SMIC) and the legal monthly duration, with their sources.

The SMIC is uprated every 1 January (C. trav. L3231-5) and mid-year when inflation since the
last uprating reaches 2 % (L3231-5, automatic uprating: 1 June 2026).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: Hourly gross SMIC, metropolitan France and DROM except Mayotte (C. trav. L3231-2, D3231-6).
SMIC_HOURLY: Parameter[Decimal] = Parameter(
    name="smic_horaire",
    description="SMIC horaire brut (métropole, DROM hors Mayotte)",
    values=(
        DatedValue(
            date(2024, 11, 1),
            Decimal("11.88"),
            "Décret n° 2024-951 du 23/10/2024 (SMIC au 1er novembre 2024, inchangé en 2025)",
        ),
        DatedValue(
            date(2026, 1, 1),
            Decimal("12.02"),
            "Décret n° 2025-1228 du 17/12/2025 — OF marche_travail/salaire_minimum/smic",
        ),
        DatedValue(
            date(2026, 6, 1),
            Decimal("12.31"),
            "Arrêté du 22/05/2026 (JORFTEXT000054126589), relèvement automatique (L3231-5)",
        ),
    ),
)

#: Monthly gross SMIC for the legal 35 hours (hourly SMIC × 35 × 52 / 12, as published).
SMIC_MONTHLY_FULL_TIME: Parameter[Decimal] = Parameter(
    name="smic_mensuel_temps_plein",
    description="SMIC mensuel brut pour 151,67 heures (35 h × 52 / 12)",
    values=(
        DatedValue(date(2024, 11, 1), Decimal("1801.80"), "Décret n° 2024-951 du 23/10/2024"),
        DatedValue(date(2026, 1, 1), Decimal("1823.03"), "Décret n° 2025-1228 du 17/12/2025"),
        DatedValue(date(2026, 6, 1), Decimal("1867.02"), "Arrêté du 22/05/2026"),
    ),
)

#: Legal monthly duration of full-time work: 35 h × 52 / 12, written 151.67 h (L3121-27).
LEGAL_MONTHLY_HOURS: Parameter[Decimal] = Parameter(
    name="duree_legale_mensuelle_heures",
    description="Durée légale mensuelle du travail à temps plein, en heures",
    values=(
        DatedValue(
            date(2002, 1, 1),
            Decimal("151.67"),
            "C. trav. art. L3121-27 (35 h hebdomadaires) — OF smic/nb_heures_travail_mensuel",
        ),
    ),
)

#: Legal weekly duration (L3121-27); a monthly SMIC is the hourly SMIC × 35 × 52 / 12.
LEGAL_WEEKLY_HOURS: Parameter[int] = Parameter(
    name="duree_legale_hebdomadaire_heures",
    description="Durée légale hebdomadaire du travail, en heures",
    values=(DatedValue(date(2002, 1, 1), 35, "C. trav. art. L3121-27"),),
)

#: Reference number of days of a full-year forfait jours (L3121-64: at most 218 days).
FORFAIT_DAYS_FULL_YEAR: Parameter[int] = Parameter(
    name="forfait_jours_annuel_reference",
    description="Nombre de jours d'un forfait annuel complet (plafond légal)",
    values=(DatedValue(date(2016, 8, 10), 218, "C. trav. art. L3121-64 (loi n° 2016-1088)"),),
)

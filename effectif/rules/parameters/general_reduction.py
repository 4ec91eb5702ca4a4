"""Réduction générale des cotisations patronales (CSS L241-13, D241-7): the 2025 "Fillon" formula
and the réduction générale dégressive unique (RGDU) that replaces it from 1 January 2026.

2025: C = T / 0.6 × (1.6 × SMIC / pay − 1), capped at T.
2026: C = Tmin + Tdelta × [½ × (3 × SMIC / pay − 1)] ^ P, capped at Tmin + Tdelta, nil from
3 SMIC. In both, C is rounded to four decimals and the reduction is C × yearly pay, computed
month by month on the year-to-date figures (progressive regularisation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class FillonFormula:
    """Réduction générale up to 2025: maximum coefficient T by FNAL rate (below/at or above the
    FNAL headcount threshold) and the SMIC multiple where it vanishes."""

    t_small: Decimal
    t_large: Decimal
    smic_multiple: Decimal


@dataclass(frozen=True, slots=True)
class RgduFormula:
    """Réduction générale dégressive unique (2026)."""

    t_min: Decimal
    t_delta_small: Decimal
    t_delta_large: Decimal
    power: Decimal
    smic_multiple: Decimal


@dataclass(frozen=True, slots=True)
class ReductionSmic:
    """SMIC the reduction is computed with: hourly, and monthly for the legal full time."""

    hourly: Decimal
    monthly_full_time: Decimal


GENERAL_REDUCTION_FORMULA: Parameter[FillonFormula | RgduFormula] = Parameter(
    name="reduction_generale_formule",
    description="Formule et paramètres de la réduction générale des cotisations patronales",
    values=(
        DatedValue(
            date(2024, 1, 1),
            FillonFormula(Decimal("0.3194"), Decimal("0.3234"), Decimal("1.6")),
            "CSS art. L241-13 et D241-7 (T = 0,3194 / 0,3234 depuis le 01/01/2024, non modifié en "
            "2025 selon nos sources) — OF allegement_general/entreprises_de_moins_de_50_salaries",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 1, 1),
            RgduFormula(
                t_min=Decimal("0.02"),
                t_delta_small=Decimal("0.3781"),
                t_delta_large=Decimal("0.3821"),
                power=Decimal("1.75"),
                smic_multiple=Decimal("3"),
            ),
            "CSS art. L241-13 (LFSS 2025 art. 18 III 2°) ; D241-7 (décret n° 2025-887 du "
            "04/09/2025, décret n° 2025-1446 du 31/12/2025) — OF t_min, t_delta_*, puissance ; "
            "payroll-cases (coefficient maximal 0,3981)",
        ),
    ),
)

#: SMIC the reduction uses. For 2026 the décret n° 2026-509 keeps the SMIC of 1 January 2026
#: for the whole year, including the months after the 1 June uprating.
GENERAL_REDUCTION_SMIC: Parameter[ReductionSmic] = Parameter(
    name="reduction_generale_smic",
    description="SMIC retenu pour le calcul de la réduction générale",
    values=(
        DatedValue(
            date(2024, 11, 1),
            ReductionSmic(Decimal("11.88"), Decimal("1801.80")),
            "CSS art. D241-7 (SMIC en vigueur) ; décret n° 2024-951 du 23/10/2024",
        ),
        DatedValue(
            date(2026, 1, 1),
            ReductionSmic(Decimal("12.02"), Decimal("1823.03")),
            "CSS art. D241-7 ; décret n° 2026-509 du 12/06/2026 (SMIC du 01/01/2026 retenu pour "
            "toute l'année 2026) — OF allegement_general/.../smic_reference.yaml",
            end=date(2026, 12, 31),  # the décret covers 2026 only
        ),
    ),
)

#: Headcount from which the "large" coefficient applies (employers paying FNAL at 0,50 %).
GENERAL_REDUCTION_LARGE_EMPLOYER: Parameter[int] = Parameter(
    name="reduction_generale_seuil_effectif",
    description="Effectif à partir duquel s'applique le coefficient des employeurs au FNAL de 0,50 %",
    values=(DatedValue(date(2020, 1, 1), 50, "CSS art. D241-7 ; CCH art. L813-5 (loi PACTE)"),),
)

#: Share of the reduction imputed on AGIRC-ARRCO contributions: employer pension rates in T
#: (4,72 % + 1,29 %), the rest being imputed on URSSAF contributions.
GENERAL_REDUCTION_PENSION_RATE: Parameter[Decimal] = Parameter(
    name="reduction_generale_part_retraite_complementaire",
    description="Taux de retraite complémentaire compris dans le coefficient (imputation AGIRC-ARRCO)",
    values=(
        DatedValue(
            date(2019, 1, 1),
            Decimal("0.0601"),
            "CSS art. L241-13 II et D241-7 (imputation sur les cotisations AGIRC-ARRCO) — ME",
        ),
    ),
)

"""Taxe sur les salaires (CGI art. 231): due by employers not subject to VAT on 90 % or more of
their turnover (associations, banks, health sector). Per-employee annual brackets, revalued each
year like the first income-tax bracket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class PayrollTaxScale:
    """Annual brackets per employee: `base_rate` on everything, `middle_rate` between the two
    thresholds and `top_rate` above the second one (rates are the total rate of the bracket)."""

    first_threshold: Decimal
    second_threshold: Decimal
    base_rate: Decimal
    middle_rate: Decimal
    top_rate: Decimal


_RATES = (Decimal("0.0425"), Decimal("0.085"), Decimal("0.136"))

#: Metropolitan scale.
PAYROLL_TAX_SCALE: Parameter[PayrollTaxScale] = Parameter(
    name="taxe_sur_les_salaires_bareme",
    description="Taxe sur les salaires : seuils annuels par salarié et taux (4,25 %, 8,50 %, 13,60 %)",
    values=(
        DatedValue(
            date(2025, 1, 1),
            PayrollTaxScale(Decimal("9147"), Decimal("18259"), *_RATES),
            "CGI art. 231 ; décret n° 2025-547 du 17/06/2025, art. 2 — OF taxsal/taux_maj.yaml",
        ),
        DatedValue(
            date(2026, 1, 1),
            PayrollTaxScale(Decimal("9229"), Decimal("18423"), *_RATES),
            "CGI art. 231 ; décret n° 2026-562 du 29/06/2026 — OF taxsal/taux_maj.yaml",
        ),
    ),
)

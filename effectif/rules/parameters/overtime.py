"""Overtime and complementary hours: premiums, the reduction of employee contributions, the
employer's flat deduction and the income-tax exemption."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class HourPremiums:
    """Default premiums (no collective agreement): overtime and complementary hours."""

    overtime_first: Decimal  # 36th to 43rd hour
    overtime_second: Decimal  # from the 44th hour
    complementary_first: Decimal  # within one tenth of the contractual duration
    complementary_second: Decimal  # beyond one tenth


HOUR_PREMIUMS: Parameter[HourPremiums] = Parameter(
    name="majorations_heures",
    description="Majorations légales supplétives des heures supplémentaires et complémentaires",
    values=(
        DatedValue(
            date(2016, 8, 10),
            HourPremiums(Decimal("0.25"), Decimal("0.50"), Decimal("0.10"), Decimal("0.25")),
            "C. trav. art. L3121-36 (25 % / 50 %), L3123-29 (10 % / 25 %)",
        ),
    ),
)

#: Cap of the reduction of employee old-age contributions on overtime pay (CSS L241-17).
EMPLOYEE_REDUCTION_CAP: Parameter[Decimal] = Parameter(
    name="reduction_salariale_heures_supplementaires_plafond",
    description="Taux maximal de la réduction de cotisations salariales sur heures supplémentaires",
    values=(
        DatedValue(
            date(2019, 1, 1),
            Decimal("0.1131"),
            "CSS art. L241-17, D241-21 — ME exonérations.publicodes",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class EmployerDeduction:
    """Flat employer deduction per overtime hour: `bands` of (headcount below which it applies,
    amount), in increasing order, then `above` for larger employers."""

    bands: tuple[tuple[int, Decimal], ...]
    above: Decimal

    def per_hour(self, headcount: int) -> Decimal:
        for limit, amount in self.bands:
            if headcount < limit:
                return amount
        return self.above


EMPLOYER_DEDUCTION: Parameter[EmployerDeduction] = Parameter(
    name="deduction_patronale_heures_supplementaires",
    description="Déduction forfaitaire patronale par heure supplémentaire, selon l'effectif",
    values=(
        DatedValue(
            date(2022, 10, 1),
            EmployerDeduction(((20, Decimal("1.50")), (250, Decimal("0.50"))), Decimal("0")),
            "CSS art. L241-18, D241-24 (loi n° 2022-1157 : 0,50 € de 20 à 249 salariés)",
        ),
        DatedValue(
            date(2026, 1, 1),
            EmployerDeduction(((20, Decimal("1.50")),), Decimal("0.50")),
            "CSS art. L241-18 ; LFSS 2026 (0,50 € aussi à partir de 250 salariés) ; décret "
            "n° 2025-318 art. 3 — ME exonérations.publicodes",
        ),
    ),
)

#: Yearly cap of overtime and complementary-hours pay exempt from income tax (CGI 81 quater).
INCOME_TAX_EXEMPTION_CAP: Parameter[Decimal] = Parameter(
    name="heures_supplementaires_exoneration_impot_plafond",
    description="Plafond annuel des rémunérations d'heures supplémentaires exonérées d'impôt",
    values=(
        DatedValue(
            date(2022, 1, 1),
            Decimal("7500"),
            "CGI art. 81 quater (loi n° 2022-1157 du 16/08/2022) — ME rémunération.publicodes",
            unconfirmed=True,
        ),
    ),
)

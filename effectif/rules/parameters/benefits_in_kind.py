"""Benefits in kind and employer-paid expenses: meal benefit, meal vouchers (titres-restaurant),
public-transport season tickets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

#: Flat value of one meal provided by the employer (arrêté du 10/12/2002, art. 1), revalued each
#: 1 January like the minimum garanti.
MEAL_BENEFIT_VALUE: Parameter[Decimal] = Parameter(
    name="avantage_nature_repas",
    description="Évaluation forfaitaire d'un repas fourni (avantage en nature nourriture)",
    values=(
        DatedValue(
            date(2025, 1, 1),
            Decimal("5.45"),
            "Arrêté du 10/12/2002 art. 1 ; URSSAF barème 2025 — de mémoire",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 1, 1),
            Decimal("5.50"),
            "Arrêté du 10/12/2002 art. 1 ; BOSS, Avantages en nature ; barème 2026 non vérifié",
            unconfirmed=True,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class MealVoucherRules:
    """Employer share of a meal voucher: exempt up to `exempt_cap` per voucher when it is between
    `min_share` and `max_share` of the face value; otherwise all of it is pay."""

    exempt_cap: Decimal
    min_share: Decimal
    max_share: Decimal


MEAL_VOUCHERS: Parameter[MealVoucherRules] = Parameter(
    name="titres_restaurant",
    description="Titres-restaurant : limite d'exonération de la part patronale et part admise",
    values=(
        DatedValue(
            date(2025, 1, 1),
            MealVoucherRules(Decimal("7.26"), Decimal("0.5"), Decimal("0.6")),
            "CGI art. 81 19° ; CSS L136-1-1 III 4° ; ME rémunération.publicodes (7,26 € en 2025)",
        ),
        DatedValue(
            date(2026, 1, 1),
            MealVoucherRules(Decimal("7.32"), Decimal("0.5"), Decimal("0.6")),
            "CGI art. 81 19° — OF seuil_prix_titre.yaml, ME (7,32 € en 2026)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class TransportRules:
    """Public-transport season ticket: compulsory employer share, and the share exempt from
    contributions and income tax (the excess is pay)."""

    mandatory_share: Decimal
    exempt_share: Decimal


PUBLIC_TRANSPORT: Parameter[TransportRules] = Parameter(
    name="prise_en_charge_transports_publics",
    description="Prise en charge des abonnements de transport public : part obligatoire et exonérée",
    values=(
        DatedValue(
            date(2022, 1, 1),
            TransportRules(Decimal("0.5"), Decimal("0.75")),
            "C. trav. art. L3261-2, R3261-1 (50 %) ; CGI art. 81 19° ter a (exonération jusqu'à "
            "75 %) — ME rémunération.publicodes",
            unconfirmed=True,
        ),
    ),
)

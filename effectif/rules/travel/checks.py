"""The control of expense lines: policy and URSSAF limits, receipts, duplicates, dates.

Built for volume: limits are computed once per (date, kind), duplicates are found with a dict.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from effectif.rules.travel.allowances import Limit


class Code(StrEnum):
    OVER_POLICY = "hors_politique"
    OVER_URSSAF = "au_dela_urssaf"
    MISSING_RECEIPT = "sans_justificatif"
    DUPLICATE = "doublon"
    WEEKEND = "week_end"
    HOLIDAY = "jour_ferie"
    OUTSIDE_TRIP = "hors_mission"
    MILEAGE_ROUTE = "kilometrage_incoherent"
    FUTURE_DATE = "date_future"


#: Categories of expense lines.
MEAL = "repas"
LODGING = "hebergement"
TRANSPORT = "transport"
MILEAGE = "kilometres"
TOLL_PARKING = "peage_parking"
OTHER = "autre"
CATEGORIES = (MEAL, LODGING, TRANSPORT, MILEAGE, TOLL_PARKING, OTHER)


@dataclass(frozen=True, slots=True)
class LineFacts:
    key: int
    employee_key: int
    category: str
    expense_date: date
    amount: Decimal
    merchant: str = ""
    has_receipt: bool = False
    meal_kind: str = ""  # a MealKind value, for meals
    paris_area: bool = False
    guests: int = 1
    nights: int = 1
    distance_km: Decimal | None = None
    route_km: Decimal | None = None  # distance expected for the declared route, if known
    trip_start: date | None = None
    trip_end: date | None = None
    months_on_site: int = 0


@dataclass(frozen=True)
class PolicyFacts:
    meal_cap: Decimal | None = None
    lodging_cap: Decimal | None = None
    lodging_cap_paris: Decimal | None = None
    receipt_required_from: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Anomaly:
    code: Code
    message: str  # French, for the approver, with the figures
    excess_amount: Decimal | None = None


def check_lines(
    lines: Iterable[LineFacts], policy: PolicyFacts, *, holidays: Collection[date], today: date
) -> dict[int, list[Anomaly]]:
    """The anomalies of each line, only for the keys that have some."""
    raise NotImplementedError


@dataclass(frozen=True)
class Split:
    exempt: Decimal
    taxable: Decimal
    limit: Limit | None


def split_exempt(line: LineFacts, accepted_amount: Decimal) -> Split:
    """The part of an accepted amount exempt from contributions, and the taxable excess."""
    raise NotImplementedError

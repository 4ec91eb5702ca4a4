"""Business trips (ordres de mission) and expense reports (notes de frais).

- `policy`: each employer's travel policy, its price list of fares, and employees' own vehicles;
- `trips`: trip requests with their destinations, travellers and transport options;
- `expenses`: expense reports, their lines with receipts and per-line decisions, and the SEPA
  credit-transfer batches that reimburse them.
"""

from effectif.travel.models.expenses import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    LineDecision,
    MealKind,
    PaymentBatch,
    ReimbursementMethod,
)
from effectif.travel.models.policy import (
    PriceListEntry,
    TransportMode,
    TravelPolicy,
    Vehicle,
    VehicleKind,
)
from effectif.travel.models.trips import Trip, TripDestination, TripOption, TripStatus

__all__ = [
    "ExpenseCategory",
    "ExpenseLine",
    "ExpenseReport",
    "ExpenseStatus",
    "LineDecision",
    "MealKind",
    "PaymentBatch",
    "PriceListEntry",
    "ReimbursementMethod",
    "TransportMode",
    "TravelPolicy",
    "Trip",
    "TripDestination",
    "TripOption",
    "TripStatus",
    "Vehicle",
    "VehicleKind",
]

"""What a client sends to write trips (ordres de mission) and expense reports (notes de frais).

The services check the values and answer in French (a negative amount, a date in the future, a
foreign currency without its rate…); the schemas only give the shapes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ninja import Field

from effectif.api.schemas.common import Day, Id, Input, choices_help
from effectif.travel.models import ExpenseCategory, MealKind, TransportMode

# --- Trips ---------------------------------------------------------------------------------


class DestinationIn(Input):
    place: str = Field(max_length=120)
    arrival_date: Day
    departure_date: Day
    postal_code: str = Field("", max_length=5, description="5 chiffres en France.")
    country: str = Field("FR", min_length=2, max_length=2, description="Code ISO du pays.")


class TripPatch(Input):
    """A change to a draft: only the fields given change; `destinations` and `travellers`,
    when given, replace the former ones."""

    purpose: str | None = None
    departure_place: str | None = Field(None, max_length=120)
    start_date: Day | None = None
    end_date: Day | None = None
    distance_km: int | None = Field(
        None, description="Distance aller jusqu'à la destination la plus éloignée."
    )
    destinations: list[DestinationIn] | None = Field(None, max_length=10)
    travellers: list[Id] | None = Field(
        None, description="Identifiants des voyageurs ; vide : le demandeur seul."
    )
    lodging_nights: int | None = None
    meals: int | None = Field(None, description="Repas pris hors du domicile.")
    advance_requested_amount: Decimal | None = None
    department: Id | None = Field(None, description="Service imputé ; vide : celui du salarié.")


class TripIn(TripPatch):
    """A new draft trip request, for oneself, or (HR) for an employee in scope. Left out:
    no night, no meal, no advance, the requester travelling alone, their own department."""

    employee: Id | None = Field(
        None, description="Le demandeur ; par défaut, le dossier de l'utilisateur."
    )
    purpose: str = Field(description="Objet de la mission.")
    departure_place: str = Field(max_length=120)
    start_date: Day
    end_date: Day
    distance_km: int = Field(description="Distance aller jusqu'à la destination la plus éloignée.")
    destinations: list[DestinationIn] = Field(max_length=10)


class OptionIn(Input):
    """A way of making the trip, estimated at once by the rules."""

    mode: str = Field(description=choices_help(TransportMode))
    duration_minutes: int | None = Field(
        None, description="Durée du trajet aller ; vide avec un tarif de la grille : sa durée."
    )
    fare_amount: Decimal | None = Field(
        None,
        description="Billets aller-retour par voyageur (TTC) ; vide avec un tarif de la "
        "grille : deux fois son prix aller.",
    )
    price_list_entry: Id | None = Field(None, description="Un tarif de la grille de l'employeur.")
    vehicle: Id | None = Field(None, description="Le véhicule personnel (« vehicule_personnel »).")


class CommentIn(Input):
    comment: str = Field(
        "", max_length=2000, description="Commentaire ; obligatoire pour un refus."
    )


# --- Expense reports -------------------------------------------------------------------------


class ReportPatch(Input):
    title: str | None = Field(None, max_length=200)
    trip: Id | None = Field(
        None, description="Un ordre de mission approuvé du salarié ; null : aucun."
    )


class ReportIn(ReportPatch):
    employee: Id | None = Field(
        None, description="Le salarié ; par défaut, le dossier de l'utilisateur (RH : un autre)."
    )
    title: str = Field(max_length=200)


class LineFields(Input):
    """The fields of a line; those left out keep their value (a change) or their default."""

    category: str | None = Field(None, description=choices_help(ExpenseCategory))
    expense_date: Day | None = None
    amount: Decimal | None = Field(None, description="Montant TTC en euros.")
    vat_amount: Decimal | None = Field(None, description="TVA récupérable, en euros.")
    merchant: str | None = Field(None, max_length=120)
    description: str | None = Field(None, max_length=200)
    currency: str | None = Field(None, description="EUR (par défaut), ou le code de la devise.")
    original_amount: Decimal | None = Field(None, description="Montant payé dans la devise.")
    exchange_rate: Decimal | None = Field(None, description="Euros pour une unité de la devise.")
    meal_kind: str | None = Field(None, description=choices_help(MealKind))
    paris_area: bool | None = Field(None, description="Hébergement à Paris et petite couronne.")
    guests: int | None = Field(None, description="Convives d'un repas (1 par défaut).")
    vehicle: Id | None = Field(None, description="Véhicule (indemnités kilométriques).")
    route_from: str | None = Field(None, max_length=120)
    route_to: str | None = Field(None, max_length=120)
    distance_km: Decimal | None = None


class LinePatch(LineFields):
    """A change to a line of a draft: only the fields given change."""

    remove_receipt: bool = Field(False, description="Retirer le justificatif de la ligne.")


class LineIn(LineFields):
    """A line: in euros (`amount`), in a foreign currency (`currency`, `original_amount` and
    `exchange_rate`), or mileage (`vehicle`, `route_from`, `route_to`, `distance_km`, priced on
    the fiscal scale). Sent as JSON, or as a multipart form with the receipt file in `receipt`."""

    category: str = Field(description=choices_help(ExpenseCategory))
    expense_date: Day


class LineDecisionIn(Input):
    decision: Literal["acceptee", "reduite", "rejetee"] = Field(
        description="« acceptee », « reduite » (avec `accepted_amount`) ou « rejetee »."
    )
    accepted_amount: Decimal | None = Field(None, description="Le montant retenu (« reduite »).")
    comment: str = Field(
        "", max_length=300, description="Obligatoire pour une réduction ou un rejet."
    )
    version: int | None = Field(
        None,
        ge=1,
        description="La `version` de la ligne lue avant de décider (recommandé). Si la ligne a "
        "changé depuis (la décision d'un autre approbateur), la décision est refusée (422 sur "
        "`version`) au lieu de remplacer l'autre : relisez la ligne.",
    )

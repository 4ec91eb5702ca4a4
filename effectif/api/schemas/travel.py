"""Trips (ordres de mission) and expense reports (notes de frais) in the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Ref, choices_help
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseStatus,
    LineDecision,
    MealKind,
    ReimbursementMethod,
    TransportMode,
    TripStatus,
)


class PersonRef(Schema):
    id: int
    matricule: str
    name: str


class TripRef(Schema):
    id: int
    reference: str


# --- Trips ---------------------------------------------------------------------------------


class TripFilters(Schema):
    status: str | None = Field(None, description=choices_help(TripStatus))
    employee: Id | None = Field(None, description="Identifiant du salarié demandeur.")
    from_date: Day | None = Field(
        None, alias="from", description="Missions se terminant ce jour ou après (AAAA-MM-JJ)."
    )
    to_date: Day | None = Field(
        None, alias="to", description="Missions commençant ce jour ou avant (AAAA-MM-JJ)."
    )


class TripOut(Schema):
    id: int
    reference: str
    employer: Ref
    employee: PersonRef
    department: Ref | None = Field(description="Service imputé.")
    purpose: str
    departure_place: str
    start_date: dt.date
    end_date: dt.date
    distance_km: int = Field(description="Distance aller jusqu'à la destination la plus éloignée.")
    lodging_nights: int
    meals: int
    advance_requested_amount: Decimal
    advance_paid_amount: Decimal
    estimated_cost_amount: Decimal = Field(description="Coût estimé, figé à la soumission.")
    parameters_version: str
    status: str = Field(description=choices_help(TripStatus))
    status_label: str
    submitted_at: dt.datetime | None
    manager_decided_at: dt.datetime | None
    hr_decided_at: dt.datetime | None
    decision_comment: str


class DestinationOut(Schema):
    id: int
    position: int
    place: str
    postal_code: str
    country: str
    arrival_date: dt.date
    departure_date: dt.date


class OptionOut(Schema):
    id: int
    mode: str = Field(description=choices_help(TransportMode))
    mode_label: str
    fare_amount: Decimal | None = Field(description="Billets aller-retour par voyageur (TTC).")
    vehicle: int | None
    duration_minutes: int = Field(description="Durée du trajet aller.")
    transport_cost_amount: Decimal
    allowances_amount: Decimal
    total_cost_amount: Decimal
    cost_basis: str
    within_policy: bool
    policy_reason: str
    chosen: bool


class TripDetailOut(TripOut):
    destinations: list[DestinationOut]
    travellers: list[PersonRef]
    options: list[OptionOut]
    cheapest_option: int | None = Field(
        description="L'option la moins chère dans la politique de voyage."
    )
    fastest_option: int | None = Field(description="L'option la plus rapide.")
    has_mission_order: bool = Field(description="L'ordre de mission a été généré.")


# --- Expense reports -------------------------------------------------------------------------


class ReportFilters(Schema):
    status: str | None = Field(None, description=choices_help(ExpenseStatus))
    employee: Id | None = Field(None, description="Identifiant du salarié.")
    trip: Id | None = Field(None, description="Identifiant de l'ordre de mission.")


class ExpenseReportOut(Schema):
    id: int
    reference: str
    employer: Ref
    employee: PersonRef
    department: Ref | None = Field(description="Service imputé.")
    trip: TripRef | None
    title: str
    status: str = Field(description=choices_help(ExpenseStatus))
    status_label: str
    line_count: int
    total_amount: Decimal = Field(description="Total TTC des lignes saisies.")
    submitted_at: dt.datetime | None
    manager_decided_at: dt.datetime | None
    checked_at: dt.datetime | None
    decision_comment: str
    reimbursement_method: str = Field(description=choices_help(ReimbursementMethod))
    payroll_month: dt.date | None
    reimbursed_at: dt.datetime | None
    accepted_amount: Decimal
    exempt_amount: Decimal = Field(description="Part exonérée (dans les limites URSSAF).")
    taxable_amount: Decimal = Field(description="Part soumise à cotisations.")
    advance_deducted_amount: Decimal
    payable_amount: Decimal = Field(description="Net à rembourser, avance déduite.")
    parameters_version: str


class AnomalyOut(Schema):
    code: str = Field(description="Code du contrôle (hors_politique, au_dela_urssaf, doublon…).")
    message: str
    excess_amount: Decimal | None = None


class ExpenseLineOut(Schema):
    id: int
    category: str = Field(description=choices_help(ExpenseCategory))
    category_label: str
    expense_date: dt.date
    merchant: str
    description: str
    amount: Decimal = Field(description="Montant TTC en euros.")
    vat_amount: Decimal
    currency: str
    original_amount: Decimal | None
    exchange_rate: Decimal | None
    has_receipt: bool
    receipt_url: str | None = Field(
        description="La page du justificatif (dans le même périmètre) ; le fichier n'est pas "
        "inclus dans l'API."
    )
    meal_kind: str = Field(description=choices_help(MealKind))
    paris_area: bool
    guests: int
    vehicle: int | None
    route_from: str
    route_to: str
    distance_km: Decimal | None
    computation: str
    anomalies: list[AnomalyOut]
    decision: str = Field(description=choices_help(LineDecision))
    decision_label: str
    accepted_amount: Decimal | None
    decision_comment: str
    exempt_amount: Decimal
    taxable_amount: Decimal
    version: int = Field(
        description="Change à chaque décision sur la ligne : à renvoyer avec une décision."
    )


class ExpenseReportDetailOut(ExpenseReportOut):
    lines: list[ExpenseLineOut]

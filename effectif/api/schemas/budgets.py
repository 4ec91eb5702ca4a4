"""Budgets in the API: each department's budget of a year with its consumption."""

from __future__ import annotations

from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Ref, choices_help
from effectif.budgets.models import BudgetKind


class MonthOut(Schema):
    month: int = Field(description="1 à 12.")
    budget: Decimal = Field(description="Un douzième du budget annuel (arrondi au centime).")
    committed: Decimal
    spent: Decimal
    variance: Decimal = Field(description="Budget − engagé − dépensé du mois.")
    budget_cumulative: Decimal
    committed_cumulative: Decimal
    spent_cumulative: Decimal
    variance_cumulative: Decimal


class FiguresOut(Schema):
    """The department's figures of the year, its sub-departments included."""

    budget: Decimal
    committed: Decimal = Field(
        description="Coût estimé des missions approuvées dont la note n'est pas remboursée."
    )
    spent: Decimal = Field(description="Montant accepté des notes de frais remboursées.")
    variance: Decimal = Field(description="Budget − engagé − dépensé.")
    consumed_percent: Decimal | None


class BudgetOut(Schema):
    id: int
    employer: Ref
    department: Ref
    kind: str = Field(description=choices_help(BudgetKind))
    year: int
    amount: Decimal = Field(description="Le budget annuel du service lui-même.")
    comment: str
    figures: FiguresOut


class BudgetDetailOut(BudgetOut):
    months: list[MonthOut]

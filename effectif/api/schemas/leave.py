"""Leave requests, their decisions and the balances of an employee."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Input, Ref, choices_help
from effectif.leave.models import Status


class EmployeeRef(Schema):
    id: int
    matricule: str
    name: str


class LeaveTypeRef(Schema):
    id: int | None = Field(
        description="Vide, comme le code, quand la nature de l'absence n'est pas montrée à "
        "l'appelant (un manager lit « Absence » pour un arrêt maladie, par exemple)."
    )
    code: str
    label: str = Field(description="Le libellé du type, ou « Absence ».")
    unit: str = Field(description="« jours », « demi_journees » ou « heures ».")


class LeaveRequestOut(Schema):
    id: int
    employee: EmployeeRef
    leave_type: LeaveTypeRef
    start_date: dt.date
    end_date: dt.date
    start_afternoon: bool
    end_morning: bool
    hours: Decimal | None
    amount: Decimal = Field(description="Le décompte, comme l'employeur le compte.")
    status: str = Field(description=choices_help(Status))
    comment: str
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_comment: str
    warnings: list[str] = Field(
        default_factory=list, description="Avertissements à la création (solde dépassé…)."
    )


class LeaveRequestIn(Input):
    employee: Id | None = Field(
        None, description="Le salarié ; par défaut, le dossier de l'utilisateur."
    )
    leave_type: int | str = Field(description="Identifiant ou code du type (« cp », « rtt »…).")
    start_date: Day
    end_date: Day
    start_afternoon: bool = False
    end_morning: bool = False
    hours: Decimal | None = Field(None, description="Pour un type en heures, sur une journée.")
    comment: str = ""


class DecisionIn(Input):
    comment: str = ""


class BucketOut(Schema):
    period: str = Field(description="La période d'acquisition, « 2025-2026 ».")
    period_start: dt.date
    available_until: dt.date | None = Field(description="À prendre avant le (échéance).")
    acquired: Decimal
    taken: Decimal
    adjusted: Decimal = Field(description="Ajustements et reports.")
    expired: Decimal
    remaining: Decimal
    planned: Decimal = Field(description="Congés validés à venir après la date.")


class BalanceOut(Schema):
    leave_type: LeaveTypeRef
    remaining: Decimal
    periods: list[BucketOut]


class BalancesOut(Schema):
    employee: EmployeeRef
    date: dt.date
    balances: list[BalanceOut]


__all__ = ["BalancesOut", "DecisionIn", "LeaveRequestIn", "LeaveRequestOut", "Ref"]

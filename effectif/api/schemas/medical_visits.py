"""Medical visits in the API: what the employer may know of them, never a medical detail."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Input, Moment, Ref, choices_help
from effectif.health.models import Outcome, Reason, Status, VisitKind


class EmployeeRef(Schema):
    id: int
    matricule: str
    name: str


class MedicalVisitOut(Schema):
    id: int
    employee: EmployeeRef
    kind: str = Field(description=choices_help(VisitKind))
    kind_label: str
    reason: str = Field(description=choices_help(Reason))
    reason_label: str
    basis: str = Field(description="Le fondement de l'échéance, avec son article.")
    due_date: dt.date
    overdue: bool
    status: str = Field(description=choices_help(Status))
    status_label: str
    planned_at: dt.datetime | None
    place: str
    health_service: Ref | None
    establishment: Ref | None
    held_on: dt.date | None
    outcome: str = Field(description=choices_help(Outcome))
    outcome_label: str
    restrictions: str = Field(description="Aménagements du poste (avis « apte_amenagements »).")
    next_visit_by: dt.date | None
    computed: bool = Field(description="Échéance calculée d'après les règles (sinon ajoutée).")


class MedicalVisitIn(Input):
    """A visit added by hand (the computed ones are created by the recalculation)."""

    employee: Id = Field(description="Identifiant du salarié.")
    kind: str = Field(description=choices_help(VisitKind))
    due_date: Day
    planned_at: Moment | None = None
    place: str = ""
    health_service: Id | None = None


class PlanIn(Input):
    planned_at: Moment
    place: str = ""
    health_service: Id | None = None


class OutcomeIn(Input):
    held_on: Day
    outcome: str = Field(description=choices_help(Outcome))
    restrictions: str = Field(
        "", max_length=300, description="Aménagements du poste, sans aucun détail médical."
    )
    next_visit_by: Day | None = None


class CancelIn(Input):
    reason: str

"""Candidates: their data, their stage in the pipeline, their consent; never the CV itself."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from effectif.api.schemas.common import Id, Input, Ref, choices_help
from effectif.hiring.models import CandidateSource, CandidateStatus, Civility


class PostingRef(Schema):
    id: int
    reference: str
    title: str


class CandidateOut(Schema):
    id: int
    employer: Ref
    posting: PostingRef | None
    civility: str = Field(description=choices_help(Civility) + " ; vide : non précisée.")
    first_names: str
    last_name: str
    email: str
    phone: str
    address: str
    postal_code: str
    city: str
    message: str
    status: str = Field(description=choices_help(CandidateStatus))
    status_label: str
    source: str = Field(description=choices_help(CandidateSource))
    created_at: dt.datetime
    consent_at: dt.datetime | None = Field(
        description="Accord donné par le candidat, s'il y a lieu."
    )
    last_contact_at: dt.datetime
    erasure_date: dt.date | None = Field(
        description="Effacement automatique des données (candidat non embauché), sauf nouveau "
        "contact : deux ans après le dernier."
    )
    has_cv: bool = Field(
        description="Un CV est joint ; il se télécharge depuis la page du candidat."
    )
    employee_id: int | None = Field(description="Le dossier du personnel, une fois embauché.")


class CandidateIn(Input):
    posting: Id = Field(description="L'offre (publiée ou close) de l'employeur.")
    civility: str = Field("", description=choices_help(Civility))
    first_names: str = Field(max_length=150)
    last_name: str = Field(max_length=100)
    email: str = Field(max_length=254)
    phone: str = Field("", max_length=30)
    address: str = Field("", max_length=300)
    postal_code: str = Field("", max_length=10)
    city: str = Field("", max_length=120)
    message: str = ""
    notes: str = Field("", description="Notes des RH, en lien avec le poste (C. trav. L1221-6).")


class StatusIn(Input):
    status: str = Field(
        description=choices_help(CandidateStatus)
        + ". L'embauche se fait depuis la page du candidat (dossier et contrat en une fois)."
    )
    comment: str = ""

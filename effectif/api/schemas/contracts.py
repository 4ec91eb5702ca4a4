"""Contracts, their dated versions (initial terms, then amendments) and their inputs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Input, Ref, choices_help
from effectif.contracts.models import (
    CategoryChoices,
    EndReason,
    FixedTermReason,
    Kind,
    WorkingTimeChoices,
)


class EmployeeRef(Schema):
    id: int
    matricule: str
    name: str


class TermsOut(Schema):
    """The terms of a contract from `effective_date` on (until the next version)."""

    id: int
    effective_date: dt.date
    reason: str
    establishment: Ref
    position: Ref | None
    job_title: str
    category: str = Field(description=choices_help(CategoryChoices))
    classification: str
    coefficient: str
    working_time: str = Field(description=choices_help(WorkingTimeChoices))
    monthly_hours: Decimal | None
    days_per_year: int | None
    monthly_gross_amount: Decimal | None = Field(
        description="Salaire de base mensuel brut ; null pour qui ne peut pas le voir (manager)."
    )
    hourly_rate_amount: Decimal | None


class ContractOut(Schema):
    id: int
    number: str
    employee: EmployeeRef
    employer: Ref
    kind: str = Field(description=choices_help(Kind))
    fixed_term_reason: str = Field(description=choices_help(FixedTermReason))
    replaced_person: str
    start_date: dt.date
    end_date: dt.date | None
    imprecise_term: bool
    trial_end_date: dt.date | None
    trial_renewed: bool
    trial_renewal_end_date: dt.date | None
    end_reason: str = Field(description=choices_help(EndReason))
    on: dt.date = Field(description="Date à laquelle `terms` est lu.")
    terms: TermsOut | None = Field(
        description="Les conditions en vigueur à la date `on` ; null si le contrat n'a pas "
        "encore commencé à cette date."
    )


class ContractDetail(ContractOut):
    versions: list[TermsOut] = Field(description="Toutes les versions, de la plus récente.")


class TermsFields(Input):
    """Amendable terms; in an amendment, those left out keep their value of the day before."""

    establishment: Id | None = None
    position: Id | None = None
    job_title: str | None = None
    category: str | None = Field(None, description=choices_help(CategoryChoices))
    classification: str | None = None
    coefficient: str | None = None
    working_time: str | None = Field(None, description=choices_help(WorkingTimeChoices))
    monthly_hours: Decimal | None = Field(None, description="Obligatoire à temps partiel.")
    days_per_year: int | None = Field(None, description="Obligatoire au forfait jours.")
    monthly_gross_amount: Decimal | None = None
    hourly_rate_amount: Decimal | None = Field(
        None, description="Calculé depuis le salaire mensuel s'il est omis."
    )


class TermsIn(TermsFields):
    """The initial terms of a new contract."""

    establishment: Id
    job_title: str
    category: str = Field(description=choices_help(CategoryChoices))
    working_time: str = Field(description=choices_help(WorkingTimeChoices))
    monthly_gross_amount: Decimal


class AmendmentIn(TermsFields):
    """An amendment (avenant): new terms from `effective_date` on."""

    effective_date: Day
    reason: str = Field(description="Objet de l'avenant, p. ex. « Augmentation ».")


class ContractPatch(Input):
    """A contract's own data (dates, reason, trial period, end); terms change by amendment."""

    kind: str | None = Field(None, description=choices_help(Kind))
    fixed_term_reason: str | None = Field(None, description=choices_help(FixedTermReason))
    replaced_person: str | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    imprecise_term: bool | None = None
    trial_end_date: Day | None = None
    trial_renewed: bool | None = None
    trial_renewal_end_date: Day | None = None
    end_reason: str | None = Field(None, description=choices_help(EndReason))


class ContractIn(ContractPatch):
    """A new contract with its initial terms; the number and the trial period are computed
    when left out."""

    employee: Id
    number: str | None = None
    kind: str = Field(description=choices_help(Kind))
    start_date: Day
    terms: TermsIn

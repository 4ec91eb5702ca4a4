"""Departures and the personnel register in the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Day, Id, Input, Ref, Time, choices_help
from effectif.departures.models import Party
from effectif.departures.workflows import Reason


class StepsIn(Input):
    """The dates of the procedure's steps; each is checked against the law's delays."""

    convocation_date: Day | None = None
    interview_date: Day | None = None
    interview_time: Time | None = None
    interview_place: str | None = None
    notification_date: Day | None = None
    notification_received_date: Day | None = None
    signature_date: Day | None = None
    withdrawn_date: Day | None = None
    withdrawn_by: str | None = Field(None, description=choices_help(Party))
    homologation_request_date: Day | None = None
    homologation_date: Day | None = None
    agreed_indemnity_amount: Decimal | None = None
    executive: bool | None = None
    cdd_exception: str | None = None
    notice_waived: bool | None = None
    end_date: Day | None = None
    note: str | None = None


class DepartureIn(StepsIn):
    contract: Id = Field(description="Identifiant du contrat qui prend fin.")
    reason: str = Field(description=choices_help(Reason))


class DepartureOut(Schema):
    id: int
    employee: Ref
    contract: int
    reason: str
    reason_label: str
    status: str
    convocation_date: dt.date | None
    interview_date: dt.date | None
    notification_date: dt.date | None
    signature_date: dt.date | None
    homologation_request_date: dt.date | None
    homologation_date: dt.date | None
    withdrawn_date: dt.date | None
    notice: str
    notice_basis: str
    notice_start_date: dt.date | None
    notice_end_date: dt.date | None
    last_working_date: dt.date | None
    end_date: dt.date | None
    dsn_end_reason: str
    reference_salary_amount: Decimal | None
    severance_amount: Decimal | None
    cdd_indemnity_amount: Decimal | None
    leave_days: Decimal | None
    leave_indemnity_amount: Decimal | None
    amounts_basis: dict[str, str]
    checklist: dict[str, bool]


class RegisterEntryOut(Schema):
    number: int
    last_name: str
    usage_name: str
    first_names: str
    nationality: str
    birth_date: dt.date
    sex: str
    job: str
    qualification: str
    hire_date: dt.date
    departure_date: dt.date | None
    contract_type: str
    temporary_work_agency: str
    work_permit: str
    intern: str


class RegisterOut(Schema):
    establishment: Ref
    siret: str
    entries: list[RegisterEntryOut]

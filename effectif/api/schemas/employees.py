"""Personnel files: the list's summary, the file as each role may read it, and its inputs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

from effectif.api.schemas.common import Day, Id, Input, Ref, choices_help
from effectif.employees.models import (
    SELF_SERVICE_FIELDS,
    ChangeRequestStatus,
    EducationLevel,
    FamilyStatus,
    Sex,
    WorkPermitType,
)
from effectif.employees.selectors import PRESENCE_CHOICES, SORTS

_PERSONAL = "Absent pour un manager qui consulte le dossier d'un membre de son équipe."
_SENSITIVE = (
    "Donnée sensible : réservée aux RH et au salarié lui-même, chaque lecture est tracée ; "
    "absente pour un manager."
)

#: Sort keys of the list; the situation on the date adds its own (hire date, contract type…).
SITUATION_SORTS = ("hire_date", "kind", "job_title", "establishment")
SORT_KEYS = (*SORTS, *SITUATION_SORTS)


class EmployeeQuery(Schema):
    """The filters of the employee list, as on the page."""

    q: str = Field("", description="Recherche dans les noms, prénoms et matricules.")
    employer: Id | None = None
    establishment: Id | None = Field(None, description="Établissement du contrat à la date.")
    department: Id | None = None
    kind: str | None = Field(None, description="Nature du contrat à la date (cdi, cdd…).")
    presence: str = Field(
        "present",
        description=" ; ".join(f"« {code} » : {label}" for code, label in PRESENCE_CHOICES),
    )
    on: Day | None = Field(None, description="Date de la situation ; aujourd'hui par défaut.")
    sort: str = Field(
        "name",
        description="Tri : " + ", ".join(SORT_KEYS) + " ; préfixé de « - » pour l'ordre inverse.",
    )

    @field_validator("presence")
    @classmethod
    def _presence(cls, value: str) -> str:
        codes = [code for code, _label in PRESENCE_CHOICES]
        if value not in codes:
            raise ValueError(
                _("Valeur non autorisée. Valeurs possibles : %(choices)s.")
                % {"choices": ", ".join(codes)}
            )
        return value

    @field_validator("sort")
    @classmethod
    def _sort(cls, value: str) -> str:
        if value.removeprefix("-") not in SORT_KEYS:
            raise ValueError(
                _("Tri inconnu. Valeurs possibles : %(choices)s.")
                % {"choices": ", ".join(SORT_KEYS)}
            )
        return value


class Situation(Schema):
    """The employee's latest contract on the list's date."""

    kind: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    job_title: str | None
    establishment: str | None


class EmployeeSummary(Schema):
    """A line of the list: professional data only, the same for every role."""

    id: int
    employer: Ref
    matricule: str
    last_name: str
    usage_name: str
    first_names: str
    display_name: str
    department: Ref | None
    work_email: str
    work_phone: str
    hire_date: dt.date | None
    situation: Situation | None


class EmployeeOut(Schema):
    """A personnel file. Personal and sensitive fields are left out for those who may not read
    them (a manager reading a team member's file)."""

    id: int
    employer: Ref
    matricule: str
    department: Ref | None
    last_name: str
    usage_name: str
    first_names: str
    display_name: str
    work_email: str
    work_phone: str
    # Personal data: HR and the employee themself.
    sex: str | None = Field(None, description=choices_help(Sex) + ". " + _PERSONAL)
    birth_date: dt.date | None = Field(None, description=_PERSONAL)
    birth_place: str | None = Field(None, description=_PERSONAL)
    birth_country: str | None = Field(None, description=_PERSONAL)
    nationality: str | None = Field(None, description=_PERSONAL)
    address: str | None = Field(None, description=_PERSONAL)
    postal_code: str | None = Field(None, description=_PERSONAL)
    city: str | None = Field(None, description=_PERSONAL)
    country: str | None = Field(None, description=_PERSONAL)
    personal_email: str | None = Field(None, description=_PERSONAL)
    personal_phone: str | None = Field(None, description=_PERSONAL)
    emergency_contact_name: str | None = Field(None, description=_PERSONAL)
    emergency_contact_phone: str | None = Field(None, description=_PERSONAL)
    emergency_contact_relation: str | None = Field(None, description=_PERSONAL)
    education_level: str | None = Field(
        None, description=choices_help(EducationLevel) + ". " + _PERSONAL
    )
    work_permit_type: str | None = Field(
        None, description=choices_help(WorkPermitType) + ". " + _PERSONAL
    )
    work_permit_number: str | None = Field(None, description=_PERSONAL)
    work_permit_expiry: dt.date | None = Field(None, description=_PERSONAL)
    # Sensitive data: HR and the employee themself, every read audited.
    nir: str | None = Field(None, description=_SENSITIVE)
    temporary_number: str | None = Field(None, description=_SENSITIVE)
    iban: str | None = Field(None, description=_SENSITIVE)
    bic: str | None = Field(None, description=_SENSITIVE)
    family_status: str | None = Field(
        None, description=choices_help(FamilyStatus) + ". " + _SENSITIVE
    )
    children_count: int | None = Field(None, description=_SENSITIVE)
    disability_recognised: bool | None = Field(None, description="RQTH. " + _SENSITIVE)
    disability_end_date: dt.date | None = Field(None, description=_SENSITIVE)


class EmployeePatch(Input):
    """The fields of a file HR may change; only those sent are changed."""

    matricule: str | None = None
    department: Id | None = None
    last_name: str | None = None
    usage_name: str | None = None
    first_names: str | None = None
    sex: str | None = Field(None, description=choices_help(Sex))
    birth_date: Day | None = None
    birth_place: str | None = None
    birth_country: str | None = None
    nationality: str | None = None
    nir: str | None = Field(None, description="15 caractères, clé comprise (2A/2B en Corse).")
    temporary_number: str | None = None
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    personal_email: str | None = None
    personal_phone: str | None = None
    work_email: str | None = None
    work_phone: str | None = None
    emergency_contact_name: str | None = None
    emergency_contact_phone: str | None = None
    emergency_contact_relation: str | None = None
    iban: str | None = Field(None, description="Clé vérifiée ; espaces acceptés.")
    bic: str | None = None
    family_status: str | None = Field(None, description=choices_help(FamilyStatus))
    children_count: int | None = None
    education_level: str | None = Field(None, description=choices_help(EducationLevel))
    disability_recognised: bool | None = None
    disability_end_date: Day | None = None
    work_permit_type: str | None = Field(None, description=choices_help(WorkPermitType))
    work_permit_number: str | None = None
    work_permit_expiry: Day | None = None


class EmployeeIn(EmployeePatch):
    """A new file. Fields left out take their default (France, Française, none…)."""

    employer: Id
    matricule: str
    last_name: str
    first_names: str
    sex: str = Field(description=choices_help(Sex))
    birth_date: Day


class ChangeRequestIn(Input):
    """An employee's request to change their own file; HR validates it in Effectif."""

    changes: dict[str, Any] = Field(
        description="Champ → nouvelle valeur, parmi : " + ", ".join(SELF_SERVICE_FIELDS) + "."
    )
    message: str = ""


class ChangeRequestOut(Schema):
    id: int
    employee: int = Field(alias="employee_id")
    status: str = Field(description=choices_help(ChangeRequestStatus))
    changes: dict[str, Any]
    message: str
    created_at: dt.datetime

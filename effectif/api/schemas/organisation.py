"""Employers, establishments, departments and job descriptions."""

from __future__ import annotations

from decimal import Decimal

from ninja import Field, Schema

from effectif.api.schemas.common import Id, Input, Ref, choices_help
from effectif.organisation.models import LegalForm, RiskExposure, Sector

_DETAIL = "Réservé aux rôles RH : absent pour un manager ou un salarié."


class EmployerOut(Schema):
    id: int
    name: str
    siren: str
    legal_form: str = Field(description=choices_help(LegalForm))
    naf_code: str
    idcc: str
    collective_agreement: str
    sector: str = Field(description=choices_help(Sector))
    subject_to_payroll_tax: bool | None = Field(None, description=_DETAIL)


class EmployerIn(Input):
    name: str
    siren: str = Field(description="9 chiffres ; les espaces sont acceptés.")
    legal_form: str = Field(description=choices_help(LegalForm))
    naf_code: str = Field(description="p. ex. 62.01Z")
    idcc: str = ""
    collective_agreement: str = ""
    sector: str = Field("private", description=choices_help(Sector))
    subject_to_payroll_tax: bool = False


class EmployerPatch(Input):
    name: str | None = None
    siren: str | None = None
    legal_form: str | None = None
    naf_code: str | None = None
    idcc: str | None = None
    collective_agreement: str | None = None
    sector: str | None = None
    subject_to_payroll_tax: bool | None = None


class EstablishmentOut(Schema):
    id: int
    employer: Ref
    name: str
    siret: str
    address: str
    postal_code: str
    city: str
    department: str = Field(description="Département, déduit du code postal.")
    alsace_moselle: bool
    is_head_office: bool
    at_rate: Decimal | None = Field(None, description="Taux AT/MP en fraction. " + _DETAIL)
    at_risk_code: str | None = Field(None, description=_DETAIL)
    mobility_rate: Decimal | None = Field(None, description="En fraction. " + _DETAIL)
    health_service: Ref | None = Field(None, description="Service de santé au travail.")


class EstablishmentIn(Input):
    employer: Id
    name: str
    siret: str = Field(description="14 chiffres, clé de Luhn vérifiée ; espaces acceptés.")
    address: str
    postal_code: str
    city: str
    is_head_office: bool = False
    at_rate: Decimal = Field(description="En fraction : 0.0208 pour 2,08 %.")
    at_risk_code: str = ""
    mobility_rate: Decimal = Field(Decimal(0), description="En fraction : 0.032 pour 3,20 %.")
    health_service: Id | None = None


class EstablishmentPatch(Input):
    name: str | None = None
    siret: str | None = None
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    is_head_office: bool | None = None
    at_rate: Decimal | None = None
    at_risk_code: str | None = None
    mobility_rate: Decimal | None = None
    health_service: Id | None = None


class DepartmentOut(Schema):
    id: int
    employer: Ref
    name: str
    code: str
    parent: Ref | None
    manager: Ref | None


class DepartmentIn(Input):
    employer: Id
    name: str
    code: str = ""
    parent: Id | None = None
    manager: Id | None = Field(None, description="Utilisateur actif, manager ou RH.")


class DepartmentPatch(Input):
    name: str | None = None
    code: str | None = None
    parent: Id | None = None
    manager: Id | None = None


class PositionOut(Schema):
    id: int
    employer: Ref
    title: str
    department: Ref | None
    purpose: str
    tasks: str
    required_skills: str
    classification: str
    coefficient: str
    pcs_ese: str
    risk_exposures: list[str] = Field(description=choices_help(RiskExposure))
    reinforced_follow_up: bool = Field(
        description="Suivi individuel renforcé de l'état de santé (C. trav. R4624-23)."
    )


class PositionIn(Input):
    employer: Id
    title: str
    department: Id | None = None
    purpose: str = ""
    tasks: str = ""
    required_skills: str = ""
    classification: str = ""
    coefficient: str = ""
    pcs_ese: str = ""
    risk_exposures: list[str] = Field(default_factory=list, description=choices_help(RiskExposure))


class PositionPatch(Input):
    title: str | None = None
    department: Id | None = None
    purpose: str | None = None
    tasks: str | None = None
    required_skills: str | None = None
    classification: str | None = None
    coefficient: str | None = None
    pcs_ese: str | None = None
    risk_exposures: list[str] | None = None

"""What the two employers' stories share: contract kinds, permits, titles, days."""

from __future__ import annotations

from datetime import date, timedelta

from effectif.demo.careers import DocumentPlan, Planner, StaffPlan
from effectif.demo.positions import POSITIONS_BY_KEY
from effectif.rules.contracts.kinds import ContractKind

CDI = ContractKind.CDI
CDD = ContractKind.CDD
INTERIM = ContractKind.INTERIM
APPRENTICESHIP = ContractKind.APPRENTICESHIP
PROFESSIONALISATION = ContractKind.PROFESSIONALISATION
INTERNSHIP = ContractKind.INTERNSHIP
CIVIL_SERVANT = ContractKind.CIVIL_SERVANT
PUBLIC_CONTRACT = ContractKind.PUBLIC_CONTRACT


def permit(plan: StaffPlan, kind: str, number: str, expiry: date) -> None:
    plan.work_permit = (kind, number, expiry)
    plan.documents.append(DocumentPlan("sejour", "Titre de séjour (copie recto verso)", expiry))


def title(plan: StaffPlan, position: str) -> str:
    return POSITIONS_BY_KEY[position].job_title(plan.identity.sex)


def day(p: Planner, days: int) -> date:
    return p.today + timedelta(days=days)
